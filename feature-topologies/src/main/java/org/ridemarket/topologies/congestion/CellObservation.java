package org.ridemarket.topologies.congestion;

/**
 * One speed observed in a cell, the record of the repartition by cell: a moving driver's ping or a
 * completed trip's realised speed (distance over duration, attributed to its pickup cell).
 *
 * @param kind what measured the speed
 * @param speedMps the speed in metres per second
 */
record CellObservation(Kind kind, double speedMps) {

  /** What measured a speed. */
  enum Kind {
    /** A moving driver's ping: the speed the phone reported. */
    PING,
    /** A completed trip: its distance over its duration. */
    TRIP
  }

  static CellObservation ping(double speedMps) {
    return new CellObservation(Kind.PING, speedMps);
  }

  static CellObservation trip(double distanceMeters, double durationSeconds) {
    return new CellObservation(Kind.TRIP, distanceMeters / durationSeconds);
  }
}
