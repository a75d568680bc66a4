package org.ridemarket.eta.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ridemarket.service.rest.Coordinates;
import org.ridemarket.service.rest.route.Checked;
import org.ridemarket.service.rest.route.FieldChecks;

/**
 * The body of POST /eta. The annotations document it (OpenAPI); {@link #check} enforces the same rules, and a
 * test keeps the two in step.
 *
 * @param origin where the trip starts
 * @param destination where it ends
 * @param departureTime when it starts (ISO-8601 instant); now when absent
 * @param tripId the trip the ETA is for, when known, so that its actual duration can be joined later
 */
@Schema(description = "A request for the ETA of a trip")
public record EtaRequestBody(
    @NotNull @Valid Coordinates origin,
    @NotNull @Valid Coordinates destination,
    @Schema(example = "2026-11-23T22:15:00Z", description = "ISO-8601 instant; default now; at most 1 h in the past "
        + "and 7 days ahead") Instant departureTime,
    @Schema(example = "trip-0042") @Size(min = 1, max = 128) @Pattern(regexp = "\\S+", message = "must not contain spaces")
    String tripId) implements Checked {

  // The jakarta @Pattern above is for the schema; this one does the work.
  private static final java.util.regex.Pattern NO_SPACES = java.util.regex.Pattern.compile("\\S+");

  @Override
  public void check(FieldChecks checks) {
    checks.nested("origin", origin);
    checks.nested("destination", destination);
    checks.size("tripId", tripId, 1, 128);
    checks.matches("tripId", tripId, NO_SPACES, "must not contain spaces");
  }
}
