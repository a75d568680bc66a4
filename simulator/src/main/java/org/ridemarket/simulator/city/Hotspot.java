package org.ridemarket.simulator.city;

/** A place that draws ride requests: a centre, a spread, a strength and a shape over the day. */
public record Hotspot(String name, double lat, double lon, double sigmaMeters, double strength, double[] profile) {
}
