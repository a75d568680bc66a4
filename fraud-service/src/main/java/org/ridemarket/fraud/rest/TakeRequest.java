package org.ridemarket.fraud.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST /reviews/{transactionId}/take.
 *
 * @param analyst who takes the review
 */
@Schema(description = "An analyst taking a review")
public record TakeRequest(@Schema(example = "analyst-ana") @NotBlank @Size(max = 128) String analyst) {
}
