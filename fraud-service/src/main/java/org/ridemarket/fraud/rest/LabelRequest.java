package org.ridemarket.fraud.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST /reviews/{transactionId}/label.
 *
 * @param analyst who labels it (the analyst who took it, or anyone while it is open)
 * @param label FRAUD or LEGIT
 * @param pattern for FRAUD, the scheme when known: CARD_TESTING, STOLEN_CARD_BURST, ACCOUNT_TAKEOVER,
 *     IMPOSSIBLE_TRAVEL or FRAUD_RING; absent means unknown. Not allowed with LEGIT.
 */
@Schema(description = "An analyst's verdict on a reviewed payment")
public record LabelRequest(
    @Schema(example = "analyst-ana") @NotBlank @Size(max = 128) String analyst,
    @Schema(enumeration = {"FRAUD", "LEGIT"}) @NotNull @Pattern(regexp = "FRAUD|LEGIT", message = "must be FRAUD or LEGIT")
    String label,
    @Schema(enumeration = {"CARD_TESTING", "STOLEN_CARD_BURST", "ACCOUNT_TAKEOVER", "IMPOSSIBLE_TRAVEL", "FRAUD_RING"})
    @Pattern(regexp = "CARD_TESTING|STOLEN_CARD_BURST|ACCOUNT_TAKEOVER|IMPOSSIBLE_TRAVEL|FRAUD_RING",
        message = "must be one of CARD_TESTING, STOLEN_CARD_BURST, ACCOUNT_TAKEOVER, IMPOSSIBLE_TRAVEL, FRAUD_RING")
    String pattern) {
}
