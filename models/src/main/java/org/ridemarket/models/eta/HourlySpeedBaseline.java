package org.ridemarket.models.eta;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ridemarket.contracts.features.EtaFeatures;

/**
 * The map-free baseline a careful analyst would fit without a map or a model: straight-line distance over the
 * typical straight-line speed of trips at that hour of the day (local time), the median over the training
 * trips of each hour. Real trips in a dense city are slow in a way a free-flow router does not know; this
 * baseline knows it, so beating it shows what the model adds beyond "taxis are slow at 5 pm".
 */
public final class HourlySpeedBaseline {

  private static final int STRAIGHT = EtaFeatures.indexOf(EtaFeatures.STRAIGHT_METRES);
  private static final int HOUR = EtaFeatures.indexOf(EtaFeatures.HOUR_OF_DAY);

  private final double[] metresPerSecond;

  private HourlySpeedBaseline(double[] metresPerSecond) {
    this.metresPerSecond = metresPerSecond;
  }

  /** Fitted on {@code rows}, one per trip (pass the rows of one baseline pass). */
  public static HourlySpeedBaseline fit(List<EtaRow> rows) {
    List<List<Double>> speeds = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      speeds.add(new ArrayList<>());
    }
    List<Double> all = new ArrayList<>();
    for (EtaRow row : rows) {
      double speed = row.features()[STRAIGHT] / row.actualSeconds();
      speeds.get(hour(row)).add(speed);
      all.add(speed);
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no rows to fit the hourly speeds on");
    }
    double overall = median(all);
    double[] fitted = new double[24];
    for (int h = 0; h < 24; h++) {
      // an hour without trips takes the day's median rather than no answer
      fitted[h] = speeds.get(h).isEmpty() ? overall : median(speeds.get(h));
    }
    return new HourlySpeedBaseline(fitted);
  }

  /** Predicted seconds of each row. */
  public double[] seconds(List<EtaRow> rows) {
    return rows.stream().mapToDouble(row -> row.features()[STRAIGHT] / metresPerSecond[hour(row)]).toArray();
  }

  /** The fitted straight-line speed of local hour {@code hour}, m/s. */
  public double speed(int hour) {
    return metresPerSecond[hour];
  }

  private static int hour(EtaRow row) {
    return Math.min(23, Math.max(0, (int) Math.floor(row.features()[HOUR])));
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
