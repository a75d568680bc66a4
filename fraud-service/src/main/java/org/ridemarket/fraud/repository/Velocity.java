package org.ridemarket.fraud.repository;

import org.ridemarket.contracts.features.VelocitySnapshot;

/**
 * The velocity vectors of a payment's card, user and device as Redis holds them; each is null when the
 * entity has no hash (never seen, or idle for longer than the sink keeps it), which the scoring row
 * handles as a first payment.
 */
public record Velocity(VelocitySnapshot card, VelocitySnapshot user, VelocitySnapshot device) {
}
