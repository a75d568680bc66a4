package org.ridemarket.models.surge;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.ToDoubleFunction;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.models.ExportedModel;
import org.ridemarket.models.ModelDescription;
import org.ridemarket.models.ModelPublisher;
import org.ridemarket.models.XgboostOnnxExporter;

/**
 * Trains the surge model on history rows: a blocked time split (every fourth block of
 * {@value #BLOCK_MINUTES} minutes is held out, so both parts see rush hours, calm hours and
 * spikes), XGBoost
 * regression on the hindsight label with monotone constraints, the rule baseline fitted on the same
 * training rows, and both scored on the held-out rows. Deterministic: one thread, fixed seed.
 */
public final class SurgeTrainer {

  /** Length of the blocks of the split. */
  public static final int BLOCK_MINUTES = 40;
  /** Every this many blocks, one is held out. */
  public static final int HELD_OUT_EVERY = 4;
  /** Labels never exceed the service's default cap. */
  public static final double CAP = 3.0;
  static final int ROUNDS = 150;

  /**
   * More demand never lowers the multiplier and more drivers never raise it: without this a tree
   * could learn a perverse step from noise, and riders would see surge fall as a crowd gathers.
   * Completed trips and the trend are left free.
   */
  static final Map<String, Integer> MONOTONE = Map.ofEntries(
      Map.entry(SupplyDemandFeatures.REQUESTS_1M, 1), Map.entry(SupplyDemandFeatures.REQUESTS_5M, 1),
      Map.entry(SupplyDemandFeatures.REQUESTS_15M, 1), Map.entry(SupplyDemandFeatures.AVAILABLE_DRIVERS, -1),
      Map.entry(SupplyDemandFeatures.RING_REQUESTS_5M, 1), Map.entry(SupplyDemandFeatures.RING_REQUESTS_15M, 1),
      Map.entry(SupplyDemandFeatures.RING_AVAILABLE_DRIVERS, -1), Map.entry(SupplyDemandFeatures.DEMAND_SUPPLY_5M, 1),
      Map.entry(SupplyDemandFeatures.RING_DEMAND_SUPPLY_5M, 1));

  /** A trained model, its baseline and their held-out scores. */
  public record Result(Booster booster, RuleBaseline rule, List<SurgeRow> train, List<SurgeRow> heldOut,
      Map<String, Double> metrics, Instant trainedFrom, Instant trainedTo) {
  }

  private SurgeTrainer() {
  }

  /** Splits {@code rows} (oldest first) into blocks, trains, and scores on the held-out blocks. */
  public static Result train(List<SurgeRow> rows) {
    if (rows.size() < 100) {
      throw new IllegalArgumentException("too little history: " + rows.size() + " rows");
    }
    long first = rows.get(0).time();
    long last = rows.get(rows.size() - 1).time();
    long block = BLOCK_MINUTES * 60_000L;
    long horizon = SurgeHistory.HORIZON.toMillis();
    long lookBack = SurgeHistory.WARM_UP.toMillis();
    LongPredicate heldOutAt = time -> ((time - first) / block) % HELD_OUT_EVERY == HELD_OUT_EVERY - 1;
    // a row belongs to a part only if its label horizon stays inside it; a training row must also not
    // look back into a held-out block, whose requests its features would carry
    List<SurgeRow> train = rows.stream().filter(row -> !heldOutAt.test(row.time())
        && !heldOutAt.test(row.time() + horizon) && !heldOutAt.test(row.time() - lookBack)).toList();
    List<SurgeRow> heldOut = rows.stream()
        .filter(row -> heldOutAt.test(row.time()) && heldOutAt.test(row.time() + horizon)).toList();
    try {
      Booster booster = fit(train);
      RuleBaseline rule = RuleBaseline.fit(train, CAP);
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put("held_out_rows", (double) heldOut.size());
      metrics.put("train_rows", (double) train.size());
      var model = predictor(booster);
      List<SurgeRow> stressed = heldOut.stream().filter(row -> row.label() > 1.05).toList();
      metrics.put("mae_model", SurgeMetrics.meanAbsoluteError(heldOut, model));
      metrics.put("mae_rule", SurgeMetrics.meanAbsoluteError(heldOut, rule::predict));
      metrics.put("mae_flat", SurgeMetrics.meanAbsoluteError(heldOut, features -> 1.0));
      metrics.put("rmse_model", SurgeMetrics.rootMeanSquaredError(heldOut, model));
      metrics.put("rmse_rule", SurgeMetrics.rootMeanSquaredError(heldOut, rule::predict));
      metrics.put("rmse_flat", SurgeMetrics.rootMeanSquaredError(heldOut, features -> 1.0));
      metrics.put("stressed_rows", (double) stressed.size());
      metrics.put("mae_model_stressed", SurgeMetrics.meanAbsoluteError(stressed, model));
      metrics.put("mae_rule_stressed", SurgeMetrics.meanAbsoluteError(stressed, rule::predict));
      metrics.put("rule_knee", rule.knee());
      metrics.put("rule_slope", rule.slope());
      return new Result(booster, rule, train, heldOut, metrics, Instant.ofEpochMilli(first), Instant.ofEpochMilli(last));
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost failed to train the surge model", e);
    }
  }

  /**
   * Exports the trained model, gates it on the held-out rows and publishes it as surge:{@code version}, recording
   * the supply/demand {@code settings} its rows were replayed with (ADR 0025).
   */
  public static ModelSignature publish(Result result, Path artifacts, String version, String history,
      Map<String, String> settings) {
    List<String> names = SupplyDemandFeatures.NAMES;
    ExportedModel exported = new XgboostOnnxExporter().export(result.booster(), names);
    float[][] heldOut = result.heldOut().stream().map(SurgeRow::features).toArray(float[][]::new);
    float[][] training = requestWeighted(result.train());
    return new ModelPublisher(artifacts).publish(
        new ModelDescription("surge", version, result.trainedFrom(), result.trainedTo(), result.metrics(), history,
            settings),
        result.booster(), exported, heldOut, training);
  }

  /**
   * The rows of the training histogram: pricing is asked about a cell as often as riders look for a ride
   * there, not once a minute per cell as rows are sampled, so each row counts once per request of its last
   * minute (and not at all without one). Unweighted, the served distribution would differ from the
   * histogram with no drift at all (ADR 0019).
   */
  static float[][] requestWeighted(List<SurgeRow> rows) {
    int requests = SupplyDemandFeatures.indexOf(SupplyDemandFeatures.REQUESTS_1M);
    List<float[]> weighted = new ArrayList<>();
    for (SurgeRow row : rows) {
      for (int i = 0; i < row.features()[requests]; i++) {
        weighted.add(row.features());
      }
    }
    return weighted.isEmpty() ? rows.stream().map(SurgeRow::features).toArray(float[][]::new)
        : weighted.toArray(float[][]::new);
  }

  private static Booster fit(List<SurgeRow> train) throws XGBoostError {
    int width = SupplyDemandFeatures.NAMES.size();
    float[] flat = new float[train.size() * width];
    float[] labels = new float[train.size()];
    for (int i = 0; i < train.size(); i++) {
      System.arraycopy(train.get(i).features(), 0, flat, i * width, width);
      labels[i] = (float) train.get(i).label();
    }
    DMatrix matrix = new DMatrix(flat, train.size(), width, Float.NaN);
    try {
      matrix.setLabel(labels);
      matrix.setFeatureNames(SupplyDemandFeatures.NAMES.toArray(String[]::new));
      Map<String, Object> params = new HashMap<>();
      params.put("objective", "reg:squarederror");
      params.put("max_depth", 4);
      params.put("eta", 0.08);
      params.put("min_child_weight", 5);
      params.put("lambda", 1.0);
      params.put("monotone_constraints", monotoneConstraints());
      params.put("nthread", 1);
      params.put("seed", 17);
      return XGBoost.train(matrix, params, ROUNDS, Map.of(), null, null);
    } finally {
      matrix.dispose();
    }
  }

  static String monotoneConstraints() {
    StringBuilder text = new StringBuilder("(");
    for (String name : SupplyDemandFeatures.NAMES) {
      text.append(text.length() > 1 ? "," : "").append(MONOTONE.getOrDefault(name, 0));
    }
    return text.append(')').toString();
  }

  /** Scores one contract-ordered vector with the booster (XGBoost itself, not the export). */
  static ToDoubleFunction<float[]> predictor(Booster booster) {
    return features -> {
      try {
        DMatrix row = new DMatrix(features, 1, features.length, Float.NaN);
        try {
          return booster.predict(row)[0][0];
        } finally {
          row.dispose();
        }
      } catch (XGBoostError e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
