package org.ridemarket.fraud.repository;

import org.ridemarket.contracts.features.VelocitySnapshot;

/**
 * The velocity vectors of a payment's card, user, device and merchant as Redis holds them; each is null when
 * the entity has no hash (never seen, idle for longer than the sink keeps it, or no merchant on the payment),
 * which the scoring row handles as a first payment.
 */
public record Velocity(VelocitySnapshot card, VelocitySnapshot user, VelocitySnapshot device,
    VelocitySnapshot merchant) {
}
