package org.ridemarket.fraud.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ridemarket.contracts.events.FraudDecided;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.LabelSource;
import org.ridemarket.contracts.events.ReasonCode;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.fraud.PaymentDecision;
import org.ridemarket.fraud.Reason;
import org.ridemarket.service.rest.Coordinates;
import org.ridemarket.fraud.rest.ReasonView;
import org.ridemarket.fraud.rest.ReviewView;
import org.ridemarket.fraud.rest.ScoreResponse;

/**
 * Converts decisions between the domain, their stored JSON columns, the API and the
 * {@link FraudDecided} / {@link FraudLabeled} events.
 */
@ApplicationScoped
public class DecisionMapper {

  // Our own mapper, not the application's: the stored JSON must not change with REST settings.
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() { };
  private static final TypeReference<LinkedHashMap<String, Double>> FEATURES = new TypeReference<>() { };

  /** The reasons as the JSON array stored with the decision. */
  public String reasonsJson(List<Reason> reasons) {
    return write(reasons);
  }

  /** A scoring row as the JSON object stored with the decision: name to value, null for a missing value. */
  public String featuresJson(float[] row) {
    Map<String, Double> features = new LinkedHashMap<>();
    for (int i = 0; i < row.length; i++) {
      features.put(VelocityFeatures.NAMES.get(i), Float.isNaN(row[i]) ? null : (double) row[i]);
    }
    return write(features);
  }

  /** The stored reasons of a decision. */
  public List<Reason> reasons(PaymentDecision decision) {
    return read(decision.getReasonsJson(), REASONS);
  }

  /** The API view of a decision; the same for the first answer and every replay. */
  public ScoreResponse toResponse(PaymentDecision decision) {
    return new ScoreResponse(decision.getTransactionId(), decision.getDecision().name(), decision.getScore(),
        views(reasons(decision)), decision.getModelVersion(), decision.isDegraded(), decision.getDecidedAt());
  }

  /** The review queue's view of a decision. */
  public ReviewView toReview(PaymentDecision decision) {
    Map<String, Double> features = decision.getFeaturesJson() == null ? null
        : read(decision.getFeaturesJson(), FEATURES);
    return new ReviewView(decision.getTransactionId(), decision.getDecision().name(), decision.getScore(),
        views(reasons(decision)), features, decision.getCardFingerprint(), decision.getUserId(),
        decision.getDeviceId(), decision.getAmountMinor(), decision.getCurrency(),
        new Coordinates(decision.getLat(), decision.getLon()), decision.getEventTime(), decision.getDecidedAt(),
        decision.getReviewState().name(), decision.getAssignedTo(), decision.getTakenAt(),
        decision.getLabel() == null ? null : decision.getLabel().name(),
        decision.getPattern() == null ? null : decision.getPattern().name(), decision.getLabeledAt());
  }

  /**
   * The decision's event. Its id is derived from the transaction id, so a resent event is recognisably
   * the same; its score is NaN when no model ran (the field is required).
   */
  public FraudDecided toEvent(PaymentDecision decision) {
    return FraudDecided.newBuilder()
        .setEventId(eventId("fraud-decision:", decision.getTransactionId()))
        .setEventTime(decision.getDecidedAt())
        .setTransactionId(decision.getTransactionId())
        .setCardFingerprint(decision.getCardFingerprint())
        .setUserId(decision.getUserId())
        .setAmountMinor(decision.getAmountMinor())
        .setCurrency(decision.getCurrency())
        .setDecision(decision.getDecision())
        .setScore(decision.getScore() == null ? Double.NaN : decision.getScore())
        .setReasons(reasons(decision).stream().map(reason -> new ReasonCode(reason.code(), reason.detail())).toList())
        // The event's field is required; "none" marks a decision made while no model was in service.
        .setModelVersion(decision.getModelVersion() == null ? "none" : decision.getModelVersion())
        .setDegraded(decision.isDegraded())
        .build();
  }

  /** The label event of a labelled decision; the same event id however often it is sent. */
  public FraudLabeled toLabelEvent(PaymentDecision labelled) {
    return FraudLabeled.newBuilder()
        .setEventId(eventId("fraud-label:", labelled.getTransactionId()))
        .setEventTime(labelled.getLabeledAt())
        .setTransactionId(labelled.getTransactionId())
        .setPaymentTime(labelled.getEventTime())
        .setLabel(labelled.getLabel())
        .setPattern(labelled.getPattern())
        .setSource(LabelSource.ANALYST_REVIEW)
        // so that feature-streams counts an analyst's FRAUD for the card and merchant from now on
        .setCardFingerprint(labelled.getCardFingerprint())
        .setMerchantId(labelled.getMerchantId())
        .build();
  }

  private static List<ReasonView> views(List<Reason> reasons) {
    return reasons.stream().map(reason -> new ReasonView(reason.code(), reason.detail())).toList();
  }

  private static UUID eventId(String kind, String transactionId) {
    return UUID.nameUUIDFromBytes((kind + transactionId).getBytes(StandardCharsets.UTF_8));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value + " as JSON", e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored decision has unreadable JSON: " + e.getOriginalMessage(), e);
    }
  }
}
