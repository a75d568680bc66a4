package org.ridemarket.topologies.supplydemand;

/**
 * What the topology remembers of a driver: whether their latest ping said AVAILABLE, in which
 * cell, and that ping's event time (older pings are ignored against it).
 */
record DriverPosition(boolean available, String cell, long eventTime) {
}
