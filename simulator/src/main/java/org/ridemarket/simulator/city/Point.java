package org.ridemarket.simulator.city;

/** A WGS84 position inside the simulation, in decimal degrees. */
public record Point(double lat, double lon) {
}
