package org.ridemarket.routing;

import static org.ridemarket.contracts.features.CongestionFeatures.CONGESTION_INDEX;
import static org.ridemarket.contracts.features.CongestionFeatures.FREE_FLOW_SPEED;
import static org.ridemarket.contracts.features.CongestionFeatures.SPEED_15M;
import static org.ridemarket.contracts.features.CongestionFeatures.SPEED_5M;
import static org.ridemarket.contracts.features.CongestionFeatures.TRIPS_60M;
import static org.ridemarket.contracts.features.CongestionFeatures.TRIP_SPEED_15M;
import static org.ridemarket.contracts.features.CongestionFeatures.TRIP_SPEED_60M;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.ridemarket.contracts.features.CongestionFeatures;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.contracts.features.EtaFeatures;

/**
 * The ETA model's row of one trip ({@link EtaFeatures#NAMES} order) from its routing baseline and the
 * congestion vectors of the cells it crosses: in the ETA service, the vectors read from Redis while the
 * caller waits; in training, each cell's latest vector at the time the ETA would have been asked for.
 * Both get the same row, which is what keeps the model honest.
 */
public final class EtaScoring {

  /** The city's time zone: hours of the day are local. */
  public static final ZoneId ZONE = ZoneId.of("America/New_York");

  private static final int SPEED_5M_AT = CongestionFeatures.indexOf(SPEED_5M);
  private static final int SPEED_15M_AT = CongestionFeatures.indexOf(SPEED_15M);
  private static final int FREE_FLOW_AT = CongestionFeatures.indexOf(FREE_FLOW_SPEED);
  private static final int INDEX_AT = CongestionFeatures.indexOf(CONGESTION_INDEX);
  private static final int TRIP_15M_AT = CongestionFeatures.indexOf(TRIP_SPEED_15M);
  private static final int TRIP_60M_AT = CongestionFeatures.indexOf(TRIP_SPEED_60M);
  private static final int TRIPS_60M_AT = CongestionFeatures.indexOf(TRIPS_60M);

  private EtaScoring() {
  }

  /**
   * The row of a trip along {@code route}, leaving at {@code departure}.
   *
   * @param route the routing baseline (its path runs from origin to destination)
   * @param departure when the trip starts, for the hour of day and day of week
   * @param cells the congestion vector of each crossed cell that has one; absent cells are unknown
   * @param asOfMillis when the vectors were read (epoch millis), for their age
   * @param mapFree whether {@code route} came from the {@link MapFreeRouter}
   */
  public static double[] values(Route route, Instant departure, Map<String, CongestionSnapshot> cells,
      long asOfMillis, boolean mapFree) {
    double[] row = new double[EtaFeatures.NAMES.size()];
    List<GeoPoint> path = route.path();
    double straight = GreatCircle.metres(path.get(0), path.get(path.size() - 1));
    put(row, EtaFeatures.BASELINE_SECONDS, route.durationSeconds());
    put(row, EtaFeatures.DISTANCE_METRES, route.distanceMetres());
    put(row, EtaFeatures.STRAIGHT_METRES, straight);
    put(row, EtaFeatures.BASELINE_SPEED,
        route.durationSeconds() > 0 ? route.distanceMetres() / route.durationSeconds() : Double.NaN);
    ZonedDateTime local = departure.atZone(ZONE);
    put(row, EtaFeatures.HOUR_OF_DAY, local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0);
    put(row, EtaFeatures.DAY_OF_WEEK, local.getDayOfWeek().getValue());
    put(row, EtaFeatures.CELLS_CROSSED, route.crossings().size());

    put(row, EtaFeatures.ROUTE_SPEED_5M, weightedMean(route, cells, SPEED_5M_AT));
    put(row, EtaFeatures.ROUTE_SPEED_15M, weightedMean(route, cells, SPEED_15M_AT));
    put(row, EtaFeatures.ROUTE_FREE_FLOW_SPEED, weightedMean(route, cells, FREE_FLOW_AT));
    put(row, EtaFeatures.ROUTE_CONGESTION_INDEX, weightedMean(route, cells, INDEX_AT));
    put(row, EtaFeatures.ROUTE_CONGESTION_INDEX_MIN, min(route, cells, INDEX_AT));
    put(row, EtaFeatures.KNOWN_SHARE_15M, knownShare(route, cells, SPEED_15M_AT));
    put(row, EtaFeatures.ROUTE_TRIP_SPEED_15M, weightedMean(route, cells, TRIP_15M_AT));
    put(row, EtaFeatures.ROUTE_TRIP_SPEED_60M, weightedMean(route, cells, TRIP_60M_AT));
    CongestionSnapshot origin = cells.get(route.originCell());
    put(row, EtaFeatures.ORIGIN_TRIP_SPEED_60M, origin == null ? Double.NaN : origin.values()[TRIP_60M_AT]);
    put(row, EtaFeatures.ORIGIN_TRIPS_60M, origin == null ? 0 : zeroIfNaN(origin.values()[TRIPS_60M_AT]));
    put(row, EtaFeatures.CONGESTED_SECONDS, congestedSeconds(route, cells));
    put(row, EtaFeatures.FEATURE_AGE_SECONDS, age(route, cells, asOfMillis));
    put(row, EtaFeatures.MAP_FREE_ROUTE, mapFree ? 1 : 0);
    return row;
  }

  /** The row as the float vector a model takes. */
  public static float[] toFloats(double[] row) {
    float[] floats = new float[row.length];
    for (int i = 0; i < row.length; i++) {
      floats[i] = (float) row[i];
    }
    return floats;
  }

  /** Seconds predicted from the baseline and a predicted residual {@code ln(actual / baseline)}. */
  public static double seconds(double baselineSeconds, double residual) {
    return baselineSeconds * Math.exp(residual);
  }

  /** The training label of a trip: {@code ln(actual / baseline)}. */
  public static double residual(double actualSeconds, double baselineSeconds) {
    if (!(actualSeconds > 0) || !(baselineSeconds > 0)) {
      throw new IllegalArgumentException("durations must be > 0, were " + actualSeconds + " and " + baselineSeconds);
    }
    return Math.log(actualSeconds / baselineSeconds);
  }

  private static double weightedMean(Route route, Map<String, CongestionSnapshot> cells, int feature) {
    double sum = 0;
    double metres = 0;
    for (CellCrossing crossing : route.crossings()) {
      double value = valueOf(cells, crossing.cell(), feature);
      if (!Double.isNaN(value) && crossing.metres() > 0) {
        sum += value * crossing.metres();
        metres += crossing.metres();
      }
    }
    return metres > 0 ? sum / metres : Double.NaN;
  }

  private static double min(Route route, Map<String, CongestionSnapshot> cells, int feature) {
    double min = Double.NaN;
    for (CellCrossing crossing : route.crossings()) {
      double value = valueOf(cells, crossing.cell(), feature);
      if (!Double.isNaN(value) && (Double.isNaN(min) || value < min)) {
        min = value;
      }
    }
    return min;
  }

  private static double knownShare(Route route, Map<String, CongestionSnapshot> cells, int feature) {
    double known = 0;
    double total = 0;
    for (CellCrossing crossing : route.crossings()) {
      total += crossing.metres();
      if (!Double.isNaN(valueOf(cells, crossing.cell(), feature))) {
        known += crossing.metres();
      }
    }
    return total > 0 ? known / total : 0;
  }

  private static double congestedSeconds(Route route, Map<String, CongestionSnapshot> cells) {
    List<CellCrossing> crossings = route.crossings();
    double[] speeds = new double[crossings.size()];
    double knownSum = 0;
    int known = 0;
    for (int i = 0; i < speeds.length; i++) {
      speeds[i] = currentSpeed(cells.get(crossings.get(i).cell()));
      if (!Double.isNaN(speeds[i])) {
        knownSum += speeds[i];
        known++;
      }
    }
    if (known == 0) {
      return Double.NaN;
    }
    double fill = knownSum / known;
    double seconds = 0;
    for (int i = 0; i < speeds.length; i++) {
      seconds += crossings.get(i).metres() / (Double.isNaN(speeds[i]) ? fill : speeds[i]);
    }
    return seconds;
  }

  private static double currentSpeed(CongestionSnapshot cell) {
    if (cell == null) {
      return Double.NaN;
    }
    double[] values = cell.values();
    for (int feature : new int[] {SPEED_15M_AT, SPEED_5M_AT, TRIP_60M_AT, FREE_FLOW_AT}) {
      if (values[feature] > 0 && !Double.isInfinite(values[feature])) {
        return values[feature];
      }
    }
    return Double.NaN;
  }

  private static double age(Route route, Map<String, CongestionSnapshot> cells, long asOfMillis) {
    long newest = Long.MIN_VALUE;
    for (CellCrossing crossing : route.crossings()) {
      CongestionSnapshot cell = cells.get(crossing.cell());
      if (cell != null) {
        newest = Math.max(newest, cell.eventTime());
      }
    }
    return newest == Long.MIN_VALUE ? Double.NaN : Math.max(0, asOfMillis - newest) / 1000.0;
  }

  private static double valueOf(Map<String, CongestionSnapshot> cells, String cell, int feature) {
    CongestionSnapshot snapshot = cells.get(cell);
    return snapshot == null ? Double.NaN : snapshot.values()[feature];
  }

  private static double zeroIfNaN(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  private static void put(double[] row, String name, double value) {
    row[EtaFeatures.indexOf(name)] = value;
  }
}
