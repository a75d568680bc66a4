package org.ridemarket.fraud;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.ridemarket.contracts.events.FraudDecision;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudPattern;

/**
 * A fraud decision given to the gateway: the payment, what was decided, why, and what it was based on.
 * Written once, before the gateway sees it; afterwards only its review (assignment, label) changes.
 * Reasons and features are kept as the JSON text the service wrote, so that a replay returns them as sent.
 */
@Entity
@Table(name = "fraud_decision")
public class PaymentDecision {

  @Id
  @Column(name = "transaction_id")
  private String transactionId;

  @Column(name = "payload_sha256", nullable = false)
  private String payloadSha256;

  @Column(name = "card_fingerprint", nullable = false)
  private String cardFingerprint;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "device_id", nullable = false)
  private String deviceId;

  @Column(name = "amount_minor", nullable = false)
  private long amountMinor;

  @Column(name = "currency", nullable = false)
  private String currency;

  @Column(name = "lat", nullable = false)
  private double lat;

  @Column(name = "lon", nullable = false)
  private double lon;

  @Column(name = "merchant_id")
  private String merchantId;

  @Column(name = "trip_id")
  private String tripId;

  @Column(name = "event_time", nullable = false)
  private Instant eventTime;

  @Column(name = "decision", nullable = false)
  private String decision;

  @Column(name = "score")
  private Double score;

  @Column(name = "reasons", nullable = false)
  private String reasonsJson;

  @Column(name = "features")
  private String featuresJson;

  @Column(name = "model_version")
  private String modelVersion;

  @Column(name = "degraded", nullable = false)
  private boolean degraded;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  @Column(name = "review_state", nullable = false)
  private String reviewState;

  @Column(name = "assigned_to")
  private String assignedTo;

  @Column(name = "taken_at")
  private Instant takenAt;

  @Column(name = "label")
  private String label;

  @Column(name = "pattern")
  private String pattern;

  @Column(name = "labeled_at")
  private Instant labeledAt;

  /** For Hibernate. */
  protected PaymentDecision() {
  }

  /**
   * A new decision; a REVIEW opens a review.
   *
   * @param score the model's probability, null when no model ran
   * @param reasonsJson the reasons as a JSON array of {code, detail}
   * @param featuresJson the scoring row as a JSON object, null without features
   * @param modelVersion {@code name:version} of the model in service, null when none is
   */
  public PaymentDecision(Payment payment, FraudDecision decision, Double score, String reasonsJson,
      String featuresJson, String modelVersion, boolean degraded, Instant decidedAt) {
    this.transactionId = payment.transactionId();
    this.payloadSha256 = payment.payloadSha256();
    this.cardFingerprint = payment.cardFingerprint();
    this.userId = payment.userId();
    this.deviceId = payment.deviceId();
    this.amountMinor = payment.amountMinor();
    this.currency = payment.currency();
    this.lat = payment.lat();
    this.lon = payment.lon();
    this.merchantId = payment.merchantId();
    this.tripId = payment.tripId();
    this.eventTime = payment.eventTime();
    this.decision = decision.name();
    this.score = score;
    this.reasonsJson = reasonsJson;
    this.featuresJson = featuresJson;
    this.modelVersion = modelVersion;
    this.degraded = degraded;
    this.decidedAt = decidedAt;
    this.reviewState = (decision == FraudDecision.REVIEW ? ReviewState.OPEN : ReviewState.NONE).name();
  }

  public String getTransactionId() {
    return transactionId;
  }

  public String getPayloadSha256() {
    return payloadSha256;
  }

  public String getCardFingerprint() {
    return cardFingerprint;
  }

  public String getUserId() {
    return userId;
  }

  public String getDeviceId() {
    return deviceId;
  }

  public long getAmountMinor() {
    return amountMinor;
  }

  public String getCurrency() {
    return currency;
  }

  public double getLat() {
    return lat;
  }

  public double getLon() {
    return lon;
  }

  public String getMerchantId() {
    return merchantId;
  }

  public String getTripId() {
    return tripId;
  }

  public Instant getEventTime() {
    return eventTime;
  }

  public FraudDecision getDecision() {
    return FraudDecision.valueOf(decision);
  }

  public Double getScore() {
    return score;
  }

  public String getReasonsJson() {
    return reasonsJson;
  }

  public String getFeaturesJson() {
    return featuresJson;
  }

  public String getModelVersion() {
    return modelVersion;
  }

  public boolean isDegraded() {
    return degraded;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public ReviewState getReviewState() {
    return ReviewState.valueOf(reviewState);
  }

  public String getAssignedTo() {
    return assignedTo;
  }

  public Instant getTakenAt() {
    return takenAt;
  }

  /** The analyst's label, null until labelled. */
  public FraudLabel getLabel() {
    return label == null ? null : FraudLabel.valueOf(label);
  }

  /** The fraud pattern the analyst named, null until labelled. */
  public FraudPattern getPattern() {
    return pattern == null ? null : FraudPattern.valueOf(pattern);
  }

  public Instant getLabeledAt() {
    return labeledAt;
  }
}
