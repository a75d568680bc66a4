package org.ridemarket.routing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The baseline when no map is configured (or the map has no answer): the great circle times a
 * detour factor, timed cell by cell at the speeds of the cells the straight line crosses. Needs no
 * data, never fails for valid points, and takes a few microseconds.
 */
public final class MapFreeRouter implements Router {

  /** Road distance over straight-line distance, typical of a city grid (Manhattan's is ~1.27). */
  public static final double DEFAULT_DETOUR_FACTOR = 1.3;

  private final double detourFactor;
  private final CellSpeeds speeds;
  private final double defaultMetresPerSecond;
  private final CellTrace trace;

  /**
   * A map-free router.
   *
   * @param detourFactor road metres per straight-line metre, at least 1
   * @param speeds speed per crossed cell
   * @param defaultMetresPerSecond speed for a cell whose speed is unknown (not a positive number)
   * @param sampleMetres sampling step along the straight line when finding the crossed cells
   */
  public MapFreeRouter(double detourFactor, CellSpeeds speeds, double defaultMetresPerSecond, double sampleMetres) {
    if (!(detourFactor >= 1) || Double.isInfinite(detourFactor)) {
      throw new IllegalArgumentException("detourFactor must be finite and >= 1, was " + detourFactor);
    }
    if (!(defaultMetresPerSecond > 0) || Double.isInfinite(defaultMetresPerSecond)) {
      throw new IllegalArgumentException(
          "defaultMetresPerSecond must be finite and > 0, was " + defaultMetresPerSecond);
    }
    if (speeds == null) {
      throw new IllegalArgumentException("speeds must not be null");
    }
    this.detourFactor = detourFactor;
    this.speeds = speeds;
    this.defaultMetresPerSecond = defaultMetresPerSecond;
    this.trace = new CellTrace(sampleMetres);
  }

  /** The default detour factor and 50 m sampling, with these cell speeds. */
  public MapFreeRouter(CellSpeeds speeds) {
    this(DEFAULT_DETOUR_FACTOR, speeds, CellSpeeds.DEFAULT_METRES_PER_SECOND, CellTrace.DEFAULT_STEP_METRES);
  }

  /** The default detour factor, 50 m sampling and the default constant speed. */
  public MapFreeRouter() {
    this(CellSpeeds.defaults());
  }

  /** {@inheritDoc} The departure time is not used: the cell speeds are those of now. */
  @Override
  public Route route(GeoPoint origin, GeoPoint destination, Instant departure) {
    Objects.requireNonNull(departure, "departure");
    List<GeoPoint> path = List.of(origin, destination);
    List<CellCrossing> crossings = trace.crossings(origin, path, destination, detourFactor);
    double seconds = 0;
    for (CellCrossing crossing : crossings) {
      if (crossing.metres() > 0) {
        seconds += crossing.metres() / speedIn(crossing.cell());
      }
    }
    double metres = GreatCircle.metres(origin, destination) * detourFactor;
    return new Route(metres, seconds, path, crossings);
  }

  private double speedIn(String cell) {
    double speed = speeds.metresPerSecond(cell);
    return speed > 0 && !Double.isInfinite(speed) ? speed : defaultMetresPerSecond;
  }
}
