package org.ridemarket.models.eta;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.ridemarket.routing.EtaScoring;

/**
 * The evaluation table of a model trained on real history, on its test trips: the road router, the map-free
 * router and a fitted map-free baseline (straight line at the hour's typical speed) against the model on
 * either router, then the same per test month and per hour of the day (local time of the pick-up). MAE and
 * median AE in seconds, MAPE, and the share of trips inside the p10-p90 range.
 */
public final class RealHistoryReport {

  /** One predictor's errors on a set of trips. */
  public record Errors(int trips, double mae, double mape, double medianAe, double coverage, double meanRange) {
  }

  private final List<EtaRow> road;
  private final List<EtaMetrics.Prediction> roadPredictions;
  private final List<EtaRow> mapFree;
  private final List<EtaMetrics.Prediction> mapFreePredictions;
  private final HourlySpeedBaseline hourly;

  /** The test rows of both passes with the model's predictions, and the fitted hourly-speed baseline. */
  public RealHistoryReport(List<EtaRow> road, List<EtaMetrics.Prediction> roadPredictions, List<EtaRow> mapFree,
      List<EtaMetrics.Prediction> mapFreePredictions, HourlySpeedBaseline hourly) {
    this.road = road;
    this.roadPredictions = roadPredictions;
    this.mapFree = mapFree;
    this.mapFreePredictions = mapFreePredictions;
    this.hourly = hourly;
  }

  /** The headline numbers as signature metrics (suffix {@code _test}). */
  public Map<String, Double> metrics() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    Errors router = baseline(road, row -> true);
    Errors model = model(road, roadPredictions, row -> true);
    Errors fitted = hourly(road, row -> true);
    metrics.put("test_trips", (double) router.trips());
    metrics.put("mae_seconds_router_test", router.mae());
    metrics.put("mae_seconds_hourly_speed_test", fitted.mae());
    metrics.put("mae_seconds_model_test", model.mae());
    metrics.put("mape_router_test", router.mape());
    metrics.put("mape_hourly_speed_test", fitted.mape());
    metrics.put("mape_model_test", model.mape());
    metrics.put("mae_reduction_vs_router_test", 1 - model.mae() / router.mae());
    metrics.put("coverage_p10_p90_test", model.coverage());
    metrics.put("mae_seconds_model_map_free_test", model(mapFree, mapFreePredictions, row -> true).mae());
    metrics.put("coverage_p10_p90_map_free_test", model(mapFree, mapFreePredictions, row -> true).coverage());
    return metrics;
  }

  /** The printed table. */
  public String table() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%-34s %6s %8s %7s %11s %8s %8s%n", "predictor (test trips)", "trips",
        "MAE s", "MAPE", "median AE s", "p10-p90", "range s"));
    line(text, "road router (GraphHopper)", baseline(road, row -> true));
    line(text, "model on the road router", model(road, roadPredictions, row -> true));
    line(text, "map-free router (great circle)", baseline(mapFree, row -> true));
    line(text, "model on the map-free router", model(mapFree, mapFreePredictions, row -> true));
    line(text, "straight line / hour's median speed", hourly(road, row -> true));
    text.append(String.format(Locale.ROOT, "%nper test month (road router): %-8s %6s %9s %9s %10s %9s %8s%n", "month",
        "trips", "router", "hourly", "model", "vs router", "p10-p90"));
    Map<YearMonth, Predicate<EtaRow>> months = new TreeMap<>();
    road.forEach(row -> {
      YearMonth month = YearMonth.from(Instant.ofEpochMilli(row.time()).atZone(EtaScoring.ZONE));
      months.putIfAbsent(month, r -> YearMonth.from(Instant.ofEpochMilli(r.time()).atZone(EtaScoring.ZONE))
          .equals(month));
    });
    months.forEach((month, in) -> breakdown(text, "%-38s".formatted(month), in));
    text.append(String.format(Locale.ROOT, "%nby hour of day (road router, local pick-up time): %6s %9s %9s %10s"
        + " %9s %8s%n", "trips", "router", "hourly", "model", "vs router", "p10-p90"));
    for (int h = 0; h < 24; h++) {
      int hour = h;
      breakdown(text, "%-38s".formatted(String.format(Locale.ROOT, "  %02d:00-%02d:00", h, h + 1)),
          row -> Instant.ofEpochMilli(row.trip().pickedUpAt()).atZone(EtaScoring.ZONE).getHour() == hour);
    }
    return text.toString();
  }

  private void breakdown(StringBuilder text, String label, Predicate<EtaRow> in) {
    Errors router = baseline(road, in);
    if (router.trips() == 0) {
      return;
    }
    Errors fitted = hourly(road, in);
    Errors model = model(road, roadPredictions, in);
    text.append(String.format(Locale.ROOT, "%s %6d %8.1fs %8.1fs %9.1fs %8.1f%% %7.1f%%%n", label, router.trips(),
        router.mae(), fitted.mae(), model.mae(), 100 * (1 - model.mae() / router.mae()), 100 * model.coverage()));
  }

  private static void line(StringBuilder text, String name, Errors errors) {
    text.append(String.format(Locale.ROOT, "%-34s %6d %8.1f %6.1f%% %11.1f %8s %8s%n", name, errors.trips(),
        errors.mae(), 100 * errors.mape(), errors.medianAe(),
        Double.isNaN(errors.coverage()) ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * errors.coverage()),
        Double.isNaN(errors.meanRange()) ? "" : String.format(Locale.ROOT, "%.0f", errors.meanRange())));
  }

  private static Errors baseline(List<EtaRow> rows, Predicate<EtaRow> in) {
    List<EtaRow> kept = rows.stream().filter(in).toList();
    return errors(kept, EtaMetrics.baselineSeconds(kept), List.of());
  }

  private Errors hourly(List<EtaRow> rows, Predicate<EtaRow> in) {
    List<EtaRow> kept = rows.stream().filter(in).toList();
    return errors(kept, hourly.seconds(kept), List.of());
  }

  private static Errors model(List<EtaRow> rows, List<EtaMetrics.Prediction> predictions, Predicate<EtaRow> in) {
    List<EtaRow> kept = new ArrayList<>();
    List<EtaMetrics.Prediction> keptPredictions = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (in.test(rows.get(i))) {
        kept.add(rows.get(i));
        keptPredictions.add(predictions.get(i));
      }
    }
    return errors(kept, EtaMetrics.modelSeconds(kept, keptPredictions), keptPredictions);
  }

  private static Errors errors(List<EtaRow> rows, double[] seconds, List<EtaMetrics.Prediction> predictions) {
    boolean ranged = !predictions.isEmpty();
    return new Errors(rows.size(), EtaMetrics.meanAbsoluteError(rows, seconds),
        EtaMetrics.meanAbsolutePercentageError(rows, seconds), EtaMetrics.medianAbsoluteError(rows, seconds),
        ranged ? EtaMetrics.coverage(rows, predictions) : Double.NaN,
        ranged ? EtaMetrics.meanRangeSeconds(rows, predictions) : Double.NaN);
  }
}
