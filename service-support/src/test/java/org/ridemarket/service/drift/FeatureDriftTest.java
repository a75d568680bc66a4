package org.ridemarket.service.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.model.PopulationStability;
import org.ridemarket.contracts.model.TrainingHistogram;

/**
 * The drift alert's input: a served stream like the training one keeps every feature's PSI under the
 * alert threshold, a shifted one pushes the shifted feature over it (and only that one), and the
 * verdict follows the window as old rows age out.
 */
class FeatureDriftTest {

  private static final List<String> FEATURES = List.of("speed", "requests_5m");
  private static final TrainingHistogram TRAINING = TrainingHistogram.of("test:1", FEATURES,
      rows(new Random(1), 20_000, 0), TrainingHistogram.DEFAULT_BINS);

  private final AtomicLong clock = new AtomicLong(1_800_000_000_000L);
  private final FeatureDrift drift = new FeatureDrift(TRAINING, Duration.ofHours(1), 12, 500, clock::get);

  @Test
  void shouldStayQuietOnAStreamDistributedAsInTraining() {
    serve(rows(new Random(2), 5_000, 0));

    assertThat(drift.psi(0)).isLessThan(0.05).isLessThan(PopulationStability.ALERT_THRESHOLD);
    assertThat(drift.psi(1)).isLessThan(0.05);
  }

  @Test
  void shouldCrossTheAlertThresholdOnTheShiftedFeatureOnly() {
    // speeds one standard deviation lower (a jam, or a unit bug), requests as in training
    serve(rows(new Random(3), 5_000, -2.0));

    assertThat(drift.psi(0)).isGreaterThan(PopulationStability.ALERT_THRESHOLD);
    assertThat(drift.psi(1)).isLessThan(0.05);
  }

  @Test
  void shouldForgetAShiftOnceItLeftTheWindow() {
    serve(rows(new Random(4), 5_000, -2.0));
    clock.addAndGet(Duration.ofMinutes(61).toMillis());
    serve(rows(new Random(5), 5_000, 0));

    assertThat(drift.psi(0)).isLessThan(0.05);
  }

  @Test
  void shouldGiveNoVerdictOnTooFewRows() {
    serve(rows(new Random(6), 499, -2.0));

    assertThat(drift.psi(0)).isNaN();
  }

  @Test
  void shouldBinMissingValuesApartAndAlertWhenTheyAppear() {
    float[][] missing = rows(new Random(7), 5_000, 0);
    for (int i = 0; i < missing.length; i += 3) {
      missing[i][0] = Float.NaN;
    }
    serve(missing);

    assertThat(drift.psi(0)).isGreaterThan(PopulationStability.ALERT_THRESHOLD);
  }

  private void serve(float[][] rows) {
    for (float[] row : rows) {
      drift.record(row);
    }
  }

  /** Speeds around 10 m/s (sd 2, moved by {@code speedShift}) and Poisson-like request counts around 3. */
  private static float[][] rows(Random random, int count, double speedShift) {
    float[][] rows = new float[count][];
    for (int i = 0; i < count; i++) {
      int requests = 0;
      for (int trial = 0; trial < 30; trial++) {
        requests += random.nextDouble() < 0.1 ? 1 : 0;
      }
      rows[i] = new float[] {(float) (10 + 2 * random.nextGaussian() + speedShift), requests};
    }
    return rows;
  }
}
