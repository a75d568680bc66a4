package org.ridemarket.models.eta;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.models.ExportedModel;
import org.ridemarket.models.ModelDescription;
import org.ridemarket.models.ModelPublisher;
import org.ridemarket.models.XgboostOnnxExporter;
import org.ridemarket.routing.EtaScoring;

/**
 * Trains the ETA models on history rows ({@link EtaSplit}): a point model of the residual
 * {@code ln(actual / baseline)}, squared or absolute error, whichever has the lower MAE in seconds on the
 * calibration blocks, and p10/p90 models ({@code reg:quantileerror}). When the raw p10-p90 range covers the
 * calibration rows more than {@value #COVERAGE_TOLERANCE} off {@value #TARGET_COVERAGE}, each bound gets its
 * conformal offset (CQR), baked into its booster's base_score. Everything is scored on the held-out blocks,
 * separately for road and map-free rows. Deterministic: one thread, fixed seed, no sampling.
 */
public final class EtaTrainer {

  /** The share of trips the p10-p90 range should hold. */
  public static final double TARGET_COVERAGE = 0.8;
  /** Raw coverage this close to the target is left alone. */
  public static final double COVERAGE_TOLERANCE = 0.03;
  static final double LOWER_QUANTILE = 0.1;
  static final double UPPER_QUANTILE = 0.9;

  /**
   * How many trees each of the three models gets, and the learning rate that goes with them.
   *
   * @param rounds boosting rounds: trees per model
   * @param learningRate XGBoost's {@code eta}
   */
  public record Boosting(int rounds, double learningRate) {

    /**
     * The simulated city's models. eta-service runs all three models for every ETA, and under load a tree walk is
     * a chain of cache misses, so their cost follows the number of trees: half of {@link #FINE}'s trees, no worse
     * on held-out error (ADR 0036).
     */
    public static final Boosting COMPACT = new Boosting(150, 0.1);
    /** The recipe the real-history models ({@code eta-nyc-1}) were trained and evaluated with. */
    public static final Boosting FINE = new Boosting(300, 0.05);

    public Boosting {
      if (rounds < 1 || !(learningRate > 0 && learningRate <= 1)) {
        throw new IllegalArgumentException("boosting needs rounds >= 1 and a learning rate in (0, 1]: " + rounds
            + " rounds at " + learningRate);
      }
    }

    /** The recipe a command line names: {@code compact} or {@code fine}. */
    public static Boosting named(String name) {
      return switch (name) {
        case "compact" -> COMPACT;
        case "fine" -> FINE;
        default -> throw new IllegalArgumentException("unknown boosting recipe " + name + " (compact or fine)");
      };
    }
  }

  /** The three trained (and, where needed, calibrated) boosters, the split and the held-out scores. */
  public record Result(Booster point, Booster p10, Booster p90, String pointObjective, EtaSplit split,
      Map<String, Double> metrics, Instant trainedFrom, Instant trainedTo) {
  }

  private EtaTrainer() {
  }

  /**
   * Splits {@code rows} (oldest request first) into the default blocks, trains {@link Boosting#COMPACT} models,
   * calibrates and scores.
   */
  public static Result train(List<EtaRow> rows) {
    return train(rows, Duration.ofMinutes(EtaSplit.BLOCK_MINUTES));
  }

  /**
   * Splits {@code rows} (oldest request first) into blocks of {@code block}, trains {@link Boosting#COMPACT} models,
   * calibrates and scores.
   */
  public static Result train(List<EtaRow> rows, Duration block) {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("too little history: no rows");
    }
    return train(EtaSplit.of(rows, block), Instant.ofEpochMilli(rows.get(0).time()),
        Instant.ofEpochMilli(rows.get(rows.size() - 1).time() + 1), Boosting.COMPACT);
  }

  /**
   * Trains on {@code split}'s training rows, calibrates on its calibration rows and scores its held-out rows;
   * {@code trainedFrom}..{@code trainedTo} is the event-time window the signature names. The recipe goes into the
   * metrics ({@code boosting_rounds}, {@code boosting_learning_rate}), and so into each model's signature.
   */
  public static Result train(EtaSplit split, Instant trainedFrom, Instant trainedTo, Boosting boosting) {
    if (split.train().size() < 100 || split.calibration().size() < 50 || split.heldOut().size() < 50) {
      throw new IllegalArgumentException("too little history: " + split.train().size() + " training, "
          + split.calibration().size() + " calibration, " + split.heldOut().size() + " held-out rows");
    }
    try {
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put("train_rows", (double) split.train().size());
      metrics.put("calibration_rows", (double) split.calibration().size());
      metrics.put("held_out_rows", (double) split.heldOut().size());
      metrics.put("boosting_rounds", (double) boosting.rounds());
      metrics.put("boosting_learning_rate", boosting.learningRate());

      Booster squared = fit(split.train(), boosting, Map.of("objective", "reg:squarederror"));
      Booster absolute = fit(split.train(), boosting, Map.of("objective", "reg:absoluteerror"));
      double squaredMae = maeSeconds(split.calibration(), squared);
      double absoluteMae = maeSeconds(split.calibration(), absolute);
      boolean useAbsolute = absoluteMae < squaredMae;
      Booster point = useAbsolute ? absolute : squared;
      (useAbsolute ? squared : absolute).dispose();
      metrics.put("calibration_mae_seconds_squarederror", squaredMae);
      metrics.put("calibration_mae_seconds_absoluteerror", absoluteMae);
      metrics.put("point_objective_absoluteerror", useAbsolute ? 1.0 : 0.0);

      Booster p10 = fit(split.train(), boosting,
          Map.of("objective", "reg:quantileerror", "quantile_alpha", LOWER_QUANTILE));
      Booster p90 = fit(split.train(), boosting,
          Map.of("objective", "reg:quantileerror", "quantile_alpha", UPPER_QUANTILE));
      double[] labels = split.calibration().stream().mapToDouble(EtaRow::label).toArray();
      double[] low = predict(p10, split.calibration());
      double[] high = predict(p90, split.calibration());
      double rawCoverage = share(labels, low, high);
      metrics.put("calibration_coverage_raw", rawCoverage);
      double lowOffset = 0;
      double highOffset = 0;
      if (Math.abs(rawCoverage - TARGET_COVERAGE) > COVERAGE_TOLERANCE) {
        double miss = (1 - TARGET_COVERAGE) / 2;
        lowOffset = QuantileCalibration.lowerOffset(low, labels, miss);
        highOffset = QuantileCalibration.upperOffset(high, labels, miss);
        p10 = replace(p10, QuantileCalibration.shifted(p10, lowOffset));
        p90 = replace(p90, QuantileCalibration.shifted(p90, highOffset));
        metrics.put("calibration_coverage_calibrated",
            share(labels, predict(p10, split.calibration()), predict(p90, split.calibration())));
      }
      metrics.put("quantile_offset_p10", lowOffset);
      metrics.put("quantile_offset_p90", highOffset);

      List<EtaRow> road = split.heldOut().stream().filter(row -> row.pass() == EtaRow.Pass.ROAD).toList();
      List<EtaRow> mapFree = split.heldOut().stream().filter(row -> row.pass() == EtaRow.Pass.MAP_FREE).toList();
      EtaMetrics.putAll(metrics, "_road", road, predictions(point, p10, p90, road));
      EtaMetrics.putAll(metrics, "_map_free", mapFree, predictions(point, p10, p90, mapFree));
      metrics.put("coverage_p10_p90", EtaMetrics.coverage(split.heldOut(), predictions(point, p10, p90,
          split.heldOut())));
      int fallback = EtaFeatures.indexOf(EtaFeatures.MAP_FREE_ROUTE);
      metrics.put("road_fallback_rows", (double) road.stream().filter(row -> row.features()[fallback] == 1f).count());
      return new Result(point, p10, p90, useAbsolute ? "reg:absoluteerror" : "reg:squarederror", split, metrics,
          trainedFrom, trainedTo);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed to train the ETA models", e);
    }
  }

  /**
   * Exports, gates on the held-out rows and publishes the three models as {@code name}, {@code name}-p10 and
   * {@code name}-p90 {@code version}; the evaluation lives in the point model's signature, the quantile models
   * carry their calibration and the boosting recipe, and all three name the {@code history} and the topology
   * {@code settings} their rows were built from.
   */
  public static List<ModelSignature> publish(Result result, Path artifacts, String name, String version,
      String history, Map<String, String> settings) {
    float[][] heldOut = result.split().heldOut().stream().map(EtaRow::features).toArray(float[][]::new);
    Map<String, Double> quantileMetrics = new LinkedHashMap<>();
    for (String metric : List.of("boosting_rounds", "boosting_learning_rate", "calibration_coverage_raw",
        "calibration_coverage_calibrated", "quantile_offset_p10", "quantile_offset_p90", "coverage_p10_p90",
        "coverage_p10_p90_road", "coverage_p10_p90_map_free", "coverage_p10_p90_test",
        "coverage_p10_p90_map_free_test")) {
      if (result.metrics().containsKey(metric)) {
        quantileMetrics.put(metric, result.metrics().get(metric));
      }
    }
    ModelPublisher publisher = new ModelPublisher(artifacts);
    List<ModelSignature> published = new ArrayList<>();
    published.add(publish(publisher, new ModelDescription(name, version, result.trainedFrom(), result.trainedTo(),
        result.metrics(), history, settings), result.point(), result, heldOut));
    Map<String, Double> low = new LinkedHashMap<>(quantileMetrics);
    low.put("quantile_alpha", LOWER_QUANTILE);
    published.add(publish(publisher, new ModelDescription(name + "-p10", version, result.trainedFrom(),
        result.trainedTo(), low, history, settings), result.p10(), result, heldOut));
    Map<String, Double> high = new LinkedHashMap<>(quantileMetrics);
    high.put("quantile_alpha", UPPER_QUANTILE);
    published.add(publish(publisher, new ModelDescription(name + "-p90", version, result.trainedFrom(),
        result.trainedTo(), high, history, settings), result.p90(), result, heldOut));
    return published;
  }

  private static ModelSignature publish(ModelPublisher publisher, ModelDescription description, Booster booster,
      Result result, float[][] heldOut) {
    ExportedModel exported = new XgboostOnnxExporter().export(booster, EtaFeatures.NAMES);
    float[][] training = result.split().train().stream().map(EtaRow::features).toArray(float[][]::new);
    return publisher.publish(description, booster, exported, heldOut, training);
  }

  /** Residual predictions of the three models for {@code rows}. */
  public static List<EtaMetrics.Prediction> predictions(Booster point, Booster p10, Booster p90, List<EtaRow> rows) {
    double[] points = predict(point, rows);
    double[] lows = predict(p10, rows);
    double[] highs = predict(p90, rows);
    List<EtaMetrics.Prediction> predictions = new ArrayList<>(rows.size());
    for (int i = 0; i < points.length; i++) {
      predictions.add(new EtaMetrics.Prediction(points[i], lows[i], highs[i]));
    }
    return predictions;
  }

  /** XGBoost's own predictions (not the export's) for {@code rows}. */
  static double[] predict(Booster booster, List<EtaRow> rows) {
    if (rows.isEmpty()) {
      return new double[0];
    }
    try {
      DMatrix matrix = matrix(rows);
      try {
        float[][] predicted = booster.predict(matrix);
        double[] values = new double[predicted.length];
        for (int i = 0; i < values.length; i++) {
          values[i] = predicted[i][0];
        }
        return values;
      } finally {
        matrix.dispose();
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException(e);
    }
  }

  private static Booster fit(List<EtaRow> train, Boosting boosting, Map<String, Object> objective)
      throws XGBoostError {
    DMatrix matrix = matrix(train);
    try {
      float[] labels = new float[train.size()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = (float) train.get(i).label();
      }
      matrix.setLabel(labels);
      Map<String, Object> params = new HashMap<>(objective);
      params.put("max_depth", 6);
      params.put("eta", boosting.learningRate());
      params.put("min_child_weight", 10);
      params.put("lambda", 1.0);
      params.put("nthread", 1);
      params.put("seed", 29);
      return XGBoost.train(matrix, params, boosting.rounds(), Map.of(), null, null);
    } finally {
      matrix.dispose();
    }
  }

  private static DMatrix matrix(List<EtaRow> rows) throws XGBoostError {
    int width = EtaFeatures.NAMES.size();
    float[] flat = new float[rows.size() * width];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i).features(), 0, flat, i * width, width);
    }
    DMatrix matrix = new DMatrix(flat, rows.size(), width, Float.NaN);
    matrix.setFeatureNames(EtaFeatures.NAMES.toArray(String[]::new));
    return matrix;
  }

  private static double maeSeconds(List<EtaRow> rows, Booster booster) {
    double[] residuals = predict(booster, rows);
    double[] seconds = new double[rows.size()];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = EtaScoring.seconds(rows.get(i).baselineSeconds(), residuals[i]);
    }
    return EtaMetrics.meanAbsoluteError(rows, seconds);
  }

  private static double share(double[] labels, double[] low, double[] high) {
    int inside = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= Math.min(low[i], high[i]) && labels[i] <= Math.max(low[i], high[i])) {
        inside++;
      }
    }
    return (double) inside / labels.length;
  }

  private static Booster replace(Booster old, Booster replacement) {
    old.dispose();
    return replacement;
  }
}
