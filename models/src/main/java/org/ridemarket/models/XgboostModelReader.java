package org.ridemarket.models;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Reads a booster's trees from XGBoost's own JSON model format ({@code Booster.toByteArray("json")}),
 * the one format that holds thresholds, default directions and {@code base_score} without loss.
 */
final class XgboostModelReader {

  // Numbers stay decimal until parsed straight to float: decimal -> double -> float can round twice.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private XgboostModelReader() {
  }

  static BoostedTrees read(Booster booster) {
    try {
      return read(MAPPER.readTree(booster.toByteArray("json")));
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost cannot serialize the booster: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("XGBoost wrote unreadable JSON", e);
    }
  }

  static BoostedTrees read(JsonNode model) {
    JsonNode learner = model.path("learner");
    JsonNode booster = learner.path("gradient_booster");
    String boosterName = booster.path("name").asText();
    if (!boosterName.equals("gbtree")) {
      // dart scales trees by drop weights and gblinear has no trees; neither maps to a plain tree sum.
      throw new UnsupportedModelException("booster " + boosterName + " is not supported, only gbtree");
    }
    Objective objective = Objective.fromXgboost(learner.path("objective").path("name").asText());
    JsonNode params = learner.path("learner_model_param");
    requireOne("num_target", params.path("num_target").asText("1"));
    if (Integer.parseInt(params.path("num_class").asText("0")) > 1) {
      throw new UnsupportedModelException("multi-class models are not supported");
    }
    float baseScore = Float.parseFloat(scalar(params.path("base_score").asText()));
    int featureCount = Integer.parseInt(params.path("num_feature").asText());
    List<BoostedTrees.Tree> trees = new ArrayList<>();
    for (JsonNode tree : booster.path("model").path("trees")) {
      trees.add(tree(tree, trees.size()));
    }
    return new BoostedTrees(objective, baseScore, featureCount, trees);
  }

  private static BoostedTrees.Tree tree(JsonNode tree, int index) {
    requireOne("size_leaf_vector of tree " + index, tree.path("tree_param").path("size_leaf_vector").asText("1"));
    for (JsonNode type : tree.path("split_type")) {
      if (type.asInt() != 0) {
        throw new UnsupportedModelException("tree " + index + " has a categorical split; only numerical splits export");
      }
    }
    int[] left = ints(tree.path("left_children"));
    int[] right = ints(tree.path("right_children"));
    int[] feature = ints(tree.path("split_indices"));
    float[] value = new float[left.length];
    boolean[] defaultLeft = new boolean[left.length];
    for (int i = 0; i < left.length; i++) {
      // For a leaf, split_conditions holds the leaf's output (learning rate already applied).
      value[i] = Float.parseFloat(tree.path("split_conditions").get(i).asText());
      defaultLeft[i] = tree.path("default_left").get(i).asBoolean();
    }
    return new BoostedTrees.Tree(left, right, feature, value, defaultLeft);
  }

  private static int[] ints(JsonNode array) {
    int[] values = new int[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asInt();
    }
    return values;
  }

  // XGBoost writes some scalars as one-element vectors ("[5E-1]") so that they can become per-target.
  private static String scalar(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("[")) {
      String[] parts = trimmed.substring(1, trimmed.length() - 1).split(",");
      if (parts.length != 1) {
        throw new UnsupportedModelException("expected one value, got " + text);
      }
      return parts[0].strip();
    }
    return trimmed;
  }

  private static void requireOne(String what, String value) {
    if (Integer.parseInt(scalar(value)) != 1) {
      throw new UnsupportedModelException(what + " is " + value + "; only single-output models are supported");
    }
  }
}
