package org.ridemarket.contracts.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * How each feature of a model was distributed in its training rows, so that a service can tell when
 * the features it serves drift away from it (population stability index, {@link PopulationStability}).
 * Per feature: up to {@code bins - 1} cut points at the training quantiles, so each bin held about the
 * same share of rows, and the share of rows in each bin; the last share is that of missing values (NaN).
 * Published beside the model's signature ({@link ModelArtifactLayout#histogramFile}).
 *
 * @param model the model's {@code name:version}
 * @param rows how many training rows the shares come from
 * @param features one entry per feature, in the signature's order
 */
public record TrainingHistogram(String model, long rows, List<FeatureBins> features) {

  /** Deciles: a bin per 10 % of training rows, the usual resolution of a PSI. */
  public static final int DEFAULT_BINS = 10;

  public TrainingHistogram {
    Objects.requireNonNull(model, "model");
    if (rows <= 0) {
      throw new IllegalArgumentException("rows must be positive: " + rows);
    }
    features = List.copyOf(features);
  }

  /**
   * One feature's bins: value v falls in bin {@code i} = the number of cut points at or below it (so bin
   * 0 is below the first cut point), and NaN in the last bin.
   *
   * @param feature the feature's name
   * @param cuts strictly increasing cut points
   * @param shares the training share of each bin, {@code cuts.size() + 2} of them (the last for NaN), summing to 1
   */
  public record FeatureBins(String feature, List<Double> cuts, List<Double> shares) {

    public FeatureBins {
      Objects.requireNonNull(feature, "feature");
      cuts = List.copyOf(cuts);
      shares = List.copyOf(shares);
      for (int i = 1; i < cuts.size(); i++) {
        if (!(cuts.get(i) > cuts.get(i - 1))) {
          throw new IllegalArgumentException(feature + ": cuts must increase strictly: " + cuts);
        }
      }
      if (shares.size() != cuts.size() + 2) {
        throw new IllegalArgumentException(feature + ": " + shares.size() + " shares for " + cuts.size()
            + " cuts, need cuts + 2 (the last for NaN)");
      }
      double sum = shares.stream().mapToDouble(Double::doubleValue).sum();
      if (Math.abs(sum - 1) > 1e-6 || shares.stream().anyMatch(share -> !(share >= 0))) {
        throw new IllegalArgumentException(feature + ": shares must be at least 0 and sum to 1, sum " + sum);
      }
    }

    /** How many bins, the NaN bin included. */
    public int binCount() {
      return shares.size();
    }

    /** The bin of a value; cut points belong to the bin above them, NaN to the last. */
    public int bin(double value) {
      if (Double.isNaN(value)) {
        return shares.size() - 1;
      }
      int low = 0;
      int high = cuts.size();
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (cuts.get(middle) <= value) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low;
    }
  }

  /** The histogram of training rows (each in {@code featureNames} order) with up to {@code bins} quantile bins. */
  public static TrainingHistogram of(String model, List<String> featureNames, float[][] rows, int bins) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("no training rows for the histogram of " + model);
    }
    List<FeatureBins> features = new ArrayList<>();
    for (int f = 0; f < featureNames.size(); f++) {
      double[] values = new double[rows.length];
      for (int r = 0; r < rows.length; r++) {
        values[r] = rows[r][f];
      }
      features.add(binsOf(featureNames.get(f), values, bins));
    }
    return new TrainingHistogram(model, rows.length, features);
  }

  private static FeatureBins binsOf(String feature, double[] values, int bins) {
    double[] present = Arrays.stream(values).filter(value -> !Double.isNaN(value)).sorted().toArray();
    List<Double> cuts = new ArrayList<>();
    for (int q = 1; q < bins && present.length > 0; q++) {
      double cut = present[(int) ((long) q * present.length / bins)];
      // a value repeated over several quantiles (zero counts) makes one cut, not several
      if (cut > present[0] && (cuts.isEmpty() || cut > cuts.get(cuts.size() - 1))) {
        cuts.add(cut);
      }
    }
    FeatureBins empty = new FeatureBins(feature, cuts, shareOfOne(cuts.size() + 2));
    long[] counts = new long[empty.binCount()];
    for (double value : values) {
      counts[empty.bin(value)]++;
    }
    List<Double> shares = new ArrayList<>();
    for (long count : counts) {
      shares.add((double) count / values.length);
    }
    return new FeatureBins(feature, cuts, shares);
  }

  private static List<Double> shareOfOne(int size) {
    List<Double> shares = new ArrayList<>(Collections.nCopies(size, 0.0));
    shares.set(0, 1.0);
    return shares;
  }
}
