package org.ridemarket.service.drift;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import org.ridemarket.contracts.model.PopulationStability;
import org.ridemarket.contracts.model.TrainingHistogram;
import org.ridemarket.contracts.model.TrainingHistogram.FeatureBins;

/**
 * Counts the rows a model is served into its training histogram's bins, over a sliding window of wall
 * clock time (slots that age out one by one), and gives each feature's population stability index
 * against training (ADR 0019). Recording costs a binary search and an atomic increment per feature, on
 * the scoring thread (a worker, never an event loop); reading sums the live slots.
 */
public final class FeatureDrift {

  /** The served window a PSI covers: an hour, long enough for thousands of rows, short enough to alert the same hour. */
  public static final Duration WINDOW = Duration.ofHours(1);
  /** The window ages out in 12 slots of 5 minutes. */
  public static final int SLOTS = 12;
  /** Fewer rows than this in the window give no PSI: deciles of a few hundred rows are noise. */
  public static final long MIN_ROWS = 500;

  private final TrainingHistogram histogram;
  private final long slotMillis;
  private final int slotCount;
  private final long minRows;
  private final LongSupplier clock;
  private final int[] offsets;
  private final int width;
  private final AtomicLongArray counts;
  private final AtomicLongArray slotEpochs;
  private final AtomicLongArray rows;

  /**
   * @param window how far back the served distribution reaches, in {@code slots} equal slots
   * @param minRows fewer served rows in the window than this give NaN (no verdict, no alert)
   * @param clock wall-clock millis
   */
  public FeatureDrift(TrainingHistogram histogram, Duration window, int slots, long minRows, LongSupplier clock) {
    if (slots < 1 || window.toMillis() < slots) {
      throw new IllegalArgumentException("need at least one slot of at least 1 ms: " + window + " / " + slots);
    }
    this.histogram = histogram;
    this.slotMillis = window.toMillis() / slots;
    this.slotCount = slots;
    this.minRows = minRows;
    this.clock = clock;
    List<FeatureBins> features = histogram.features();
    this.offsets = new int[features.size()];
    int width = 0;
    for (int f = 0; f < features.size(); f++) {
      offsets[f] = width;
      width += features.get(f).binCount();
    }
    this.width = width;
    this.counts = new AtomicLongArray(slots * width);
    this.slotEpochs = new AtomicLongArray(slots);
    this.rows = new AtomicLongArray(slots);
    for (int slot = 0; slot < slots; slot++) {
      slotEpochs.set(slot, Long.MIN_VALUE);
    }
  }

  /** The features, in the model's order. */
  public List<String> featureNames() {
    return histogram.features().stream().map(FeatureBins::feature).toList();
  }

  /** Counts one served row (in the model's feature order). */
  public void record(float[] row) {
    int slot = slotFor(clock.getAsLong() / slotMillis);
    int base = slot * width;
    List<FeatureBins> features = histogram.features();
    for (int f = 0; f < offsets.length && f < row.length; f++) {
      counts.incrementAndGet(base + offsets[f] + features.get(f).bin(row[f]));
    }
    rows.incrementAndGet(slot);
  }

  /** The PSI of feature {@code index} over the window, or NaN with fewer than the minimum rows. */
  public double psi(int index) {
    long epoch = clock.getAsLong() / slotMillis;
    FeatureBins bins = histogram.features().get(index);
    long[] served = new long[bins.binCount()];
    long total = 0;
    synchronized (slotEpochs) {
      for (int slot = 0; slot < slotCount; slot++) {
        long held = slotEpochs.get(slot);
        if (held > epoch - slotCount && held <= epoch) {
          total += rows.get(slot);
          for (int bin = 0; bin < served.length; bin++) {
            served[bin] += counts.get(slot * width + offsets[index] + bin);
          }
        }
      }
    }
    return total < minRows ? Double.NaN : PopulationStability.psi(bins.shares(), served);
  }

  /**
   * The slot of this epoch, emptied first when it last held an older epoch. A row recorded by another
   * thread into the slot while it is emptied may be lost: a few rows at a slot's turn, not a bias.
   */
  private int slotFor(long epoch) {
    int slot = (int) Math.floorMod(epoch, (long) slotCount);
    if (slotEpochs.get(slot) != epoch) {
      synchronized (slotEpochs) {
        if (slotEpochs.get(slot) != epoch) {
          for (int i = 0; i < width; i++) {
            counts.set(slot * width + i, 0);
          }
          rows.set(slot, 0);
          slotEpochs.set(slot, epoch);
        }
      }
    }
    return slot;
  }
}
