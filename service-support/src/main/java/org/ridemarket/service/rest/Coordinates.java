package org.ridemarket.service.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ridemarket.service.rest.route.Checked;
import org.ridemarket.service.rest.route.FieldChecks;

/**
 * A WGS84 position in the decision APIs: a pickup, a drop-off, a driver, a payer's device. One type for the three
 * services, so that its bounds and field checks are the same everywhere.
 *
 * @param lat latitude in decimal degrees
 * @param lon longitude in decimal degrees
 */
@Schema(description = "A WGS84 position in decimal degrees")
public record Coordinates(
    @Schema(example = "40.7549") @NotNull @DecimalMin("-90.0") @DecimalMax("90.0") Double lat,
    @Schema(example = "-73.9840") @NotNull @DecimalMin("-180.0") @DecimalMax("180.0") Double lon) implements Checked {

  @Override
  public void check(FieldChecks checks) {
    checks.between("lat", lat, "-90.0", "90.0");
    checks.between("lon", lon, "-180.0", "180.0");
  }
}
