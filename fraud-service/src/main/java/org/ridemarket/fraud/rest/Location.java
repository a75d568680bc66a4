package org.ridemarket.fraud.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the payer's device was, WGS84.
 *
 * @param lat latitude in decimal degrees
 * @param lon longitude in decimal degrees
 */
@Schema(description = "Where the payer's device was, WGS84 decimal degrees")
public record Location(
    @Schema(example = "40.7549") @NotNull @DecimalMin("-90.0") @DecimalMax("90.0") Double lat,
    @Schema(example = "-73.9840") @NotNull @DecimalMin("-180.0") @DecimalMax("180.0") Double lon) {
}
