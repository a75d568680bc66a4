package org.ridemarket.fraud.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.fraud.Payment;
import org.ridemarket.fraud.rest.ScoreRequest;

/** Converts a validated request into the domain payment, and a payment into the contract event the scoring row takes. */
@ApplicationScoped
public class PaymentMapper {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The payment of a request arriving at {@code now}. Its payload hash covers the request as sent
   * (an absent eventTime stays absent), so that a retry of the same request matches it.
   */
  public Payment toPayment(ScoreRequest request, Instant now) {
    Instant eventTime = (request.eventTime() != null ? request.eventTime() : now).truncatedTo(
        request.eventTime() != null ? ChronoUnit.MICROS : ChronoUnit.MILLIS);
    return new Payment(request.transactionId(), request.cardFingerprint(), request.userId(), request.deviceId(),
        request.amountMinor(), request.currency(), request.location().lat(), request.location().lon(),
        request.merchantId(), request.tripId(), eventTime, payloadSha256(request));
  }

  /**
   * SHA-256 (hex) of the canonical form of a request: its fields in a fixed order, numbers and times
   * normalised, so that key order, spacing, unknown fields or another spelling of the same instant do
   * not make a retry look different.
   */
  public static String payloadSha256(ScoreRequest request) {
    Object[] canonical = {request.transactionId(), request.cardFingerprint(), request.userId(), request.deviceId(),
        request.amountMinor(), request.currency(), request.location().lat(), request.location().lon(),
        request.merchantId(), request.tripId(), request.eventTime() == null ? null : request.eventTime().toString()};
    try {
      byte[] bytes = JSON.writeValueAsString(Arrays.asList(canonical)).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash a score request", e);
    }
  }

  /** The payment as the contract's event, which {@code VelocityScoring} builds the scoring row from. */
  public PaymentAttempted toEvent(Payment payment) {
    return PaymentAttempted.newBuilder()
        .setEventId(UUID.nameUUIDFromBytes(("payment:" + payment.transactionId()).getBytes(StandardCharsets.UTF_8)))
        .setEventTime(payment.eventTime())
        .setTransactionId(payment.transactionId())
        .setCardFingerprint(payment.cardFingerprint())
        .setUserId(payment.userId())
        .setDeviceId(payment.deviceId())
        .setAmountMinor(payment.amountMinor())
        .setCurrency(payment.currency())
        .setLocation(new GeoPoint(payment.lat(), payment.lon()))
        .setMerchantId(payment.merchantId())
        .setTripId(payment.tripId())
        .build();
  }
}
