package org.ridemarket.eta.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of POST /eta.
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
    String tripId) {
}
