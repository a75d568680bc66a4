package org.ridemarket.pricing.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ridemarket.service.rest.Coordinates;
import org.ridemarket.service.rest.route.Checked;
import org.ridemarket.service.rest.route.FieldChecks;

/**
 * The body of POST /quotes. The annotations document it (OpenAPI); {@link #check} enforces the same rules,
 * and a test keeps the two in step.
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
    @Schema(example = "STANDARD", enumeration = {"STANDARD", "XL", "PREMIUM"}) @NotNull @KnownProduct String product) implements Checked {

  @Override
  public void check(FieldChecks checks) {
    checks.notBlank("riderId", riderId);
    checks.size("riderId", riderId, 0, 128);
    checks.nested("pickup", pickup);
    checks.nested("dropoff", dropoff);
    if (checks.notNull("product", product) && !KnownProductValidator.PRICEABLE.contains(product)) {
      checks.fail("product", "must be one of " + String.join(", ", KnownProductValidator.PRICEABLE));
    }
  }
}
