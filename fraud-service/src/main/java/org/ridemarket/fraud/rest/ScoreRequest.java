package org.ridemarket.fraud.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ridemarket.service.rest.Coordinates;
import org.ridemarket.service.rest.route.Checked;
import org.ridemarket.service.rest.route.FieldChecks;

/**
 * The body of POST /payments/score. Ids are at most 128 characters; a payment pays a merchant, a trip,
 * or neither, never both.
 *
 * @param transactionId the gateway's id of the payment, the idempotency key
 * @param cardFingerprint the card's fingerprint; a card number anywhere in the body is refused
 * @param userId the paying account
 * @param deviceId the payer's device
 * @param amountMinor amount in minor units (cents), at least 1
 * @param currency ISO 4217 code, three upper-case letters
 * @param location where the payer's device was
 * @param merchantId for payments that are not trip fares
 * @param tripId for trip fares
 * @param eventTime when the payment was attempted, ISO-8601; default the time the request arrives
 */
@Schema(description = "A payment the gateway is about to authorise")
@AtMostOnePayee
public record ScoreRequest(
    @Schema(example = "tx-20261121-000042") @NotBlank @Size(max = 128) String transactionId,
    @Schema(example = "fp_3a9c51d2") @NotBlank @Size(max = 128) String cardFingerprint,
    @Schema(example = "rider-42") @NotBlank @Size(max = 128) String userId,
    @Schema(example = "dev-7f3e") @NotBlank @Size(max = 128) String deviceId,
    @Schema(example = "1850") @NotNull @Positive Long amountMinor,
    @Schema(example = "USD") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be three upper-case letters (ISO 4217)")
    String currency,
    @NotNull @Valid Coordinates location,
    @Size(max = 128) String merchantId,
    @Schema(example = "trip-9d2") @Size(max = 128) String tripId,
    @Schema(example = "2026-11-21T18:04:05.120Z") Instant eventTime) implements Checked {

  // The jakarta @Pattern above is for the schema; this one does the work.
  private static final java.util.regex.Pattern CURRENCY = java.util.regex.Pattern.compile("[A-Z]{3}");

  @Override
  public void check(FieldChecks checks) {
    id(checks, "transactionId", transactionId);
    id(checks, "cardFingerprint", cardFingerprint);
    id(checks, "userId", userId);
    id(checks, "deviceId", deviceId);
    if (checks.notNull("amountMinor", amountMinor)) {
      checks.positive("amountMinor", amountMinor);
    }
    if (checks.notNull("currency", currency)) {
      checks.matches("currency", currency, CURRENCY, "must be three upper-case letters (ISO 4217)");
    }
    checks.nested("location", location);
    checks.size("merchantId", merchantId, 0, 128);
    checks.size("tripId", tripId, 0, 128);
    if (merchantId != null && tripId != null) {
      checks.fail("tripId", "must not be set together with merchantId: a payment is a trip fare or a merchant payment");
    }
  }

  private static void id(FieldChecks checks, String field, String value) {
    checks.notBlank(field, value);
    checks.size(field, value, 0, 128);
  }
}
