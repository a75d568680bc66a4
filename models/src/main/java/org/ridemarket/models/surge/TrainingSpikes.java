package org.ridemarket.models.surge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ridemarket.simulator.city.DemandSpike;

/**
 * Demand spikes scattered over a training history, so that the model sees markets out of balance
 * in many cells and not only the everyday rhythm: one starts about every {@value #MEAN_GAP_MINUTES}
 * minutes in a random cell, lasting 15 to 45 minutes, multiplying demand by 2 to 8.
 */
public final class TrainingSpikes {

  static final int MEAN_GAP_MINUTES = 12;

  private TrainingSpikes() {
  }

  /** The spikes for a history of {@code length} over {@code cells}, the same for the same seed. */
  public static List<DemandSpike> schedule(List<String> cells, Duration length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<DemandSpike> spikes = new ArrayList<>();
    long minute = random.nextInt(MEAN_GAP_MINUTES);
    while (minute < length.toMinutes()) {
      String cell = cells.get(random.nextInt(cells.size()));
      Duration duration = Duration.ofMinutes(15 + random.nextInt(31));
      double factor = 2.0 + 6.0 * random.nextDouble();
      spikes.add(new DemandSpike(cell, Duration.ofMinutes(minute), duration, factor));
      minute += 1 + random.nextInt(2 * MEAN_GAP_MINUTES);
    }
    return spikes;
  }
}
