package org.ridemarket.fraud.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A fraud decision as the gateway sees it; a retry of the same payment gets the identical body.
 *
 * @param transactionId the payment's transaction id
 * @param decision ALLOW, REVIEW or BLOCK
 * @param score the model's probability of fraud, 0..1; null when no model ran (degraded)
 * @param reasons rules that fired, the score against its threshold, the features that raised it, and
 *     why a decision is degraded
 * @param modelVersion the model in service ({@code fraud:1}), null when none is
 * @param degraded true when the features or the model were unavailable and the fallback policy decided
 * @param decidedAt when the decision was made (and recorded)
 */
@Schema(description = "A fraud decision, recorded before it was returned")
public record ScoreResponse(
    String transactionId,
    @Schema(enumeration = {"ALLOW", "REVIEW", "BLOCK"}) String decision,
    Double score,
    List<ReasonView> reasons,
    String modelVersion,
    boolean degraded,
    Instant decidedAt) {
}
