package org.ridemarket.topologies.velocity;

/**
 * Where and when one of an entity's payments happened: the latest and the one before it are kept
 * to tell how fast the payer would have had to travel.
 *
 * @param time event time, epoch millis
 * @param lat latitude of the payer's device
 * @param lon longitude of the payer's device
 */
record PaymentPlace(long time, double lat, double lon) {
}
