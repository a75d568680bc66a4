package org.ridemarket.pricing.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST /quotes.
 *
 * @param riderId who asks
 * @param pickup where the ride starts
 * @param dropoff where it ends
 * @param product STANDARD, XL or PREMIUM
 */
@Schema(description = "A rider asking for an upfront price")
public record QuoteRequest(
    @Schema(example = "rider-42") @NotBlank @Size(max = 128) String riderId,
    @NotNull @Valid Coordinates pickup,
    @NotNull @Valid Coordinates dropoff,
    @Schema(example = "STANDARD", enumeration = {"STANDARD", "XL", "PREMIUM"}) @NotNull @KnownProduct String product) {
}
