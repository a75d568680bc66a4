package org.ridemarket.topologies.congestion;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.ridemarket.topologies.common.BucketRing;

/**
 * Speed sums and counts over one window, in a {@link BucketRing} of exactly as many buckets as the window
 * holds; shorter windows read the newest part of the same ring.
 */
final class SpeedBuckets {

  private final BucketRing ring;
  private final int[] counts;
  private final double[] sums;

  SpeedBuckets(long bucketMillis, int buckets) {
    this.ring = new BucketRing(bucketMillis, buckets);
    this.counts = new int[buckets];
    this.sums = new double[buckets];
  }

  /** Counts a speed observed at {@code time}. */
  void add(long time, double speed) {
    int slot = ring.slotFor(time, this::reset);
    if (slot >= 0) {
      counts[slot]++;
      sums[slot] += speed;
    }
  }

  /** Observations in the window of the last {@code buckets} buckets ending at {@code time}. */
  int count(long time, int buckets) {
    int total = 0;
    for (int slot = 0; slot < counts.length; slot++) {
      if (ring.inWindow(slot, time, buckets)) {
        total += counts[slot];
      }
    }
    return total;
  }

  /** Their mean speed, NaN without one. */
  double mean(long time, int buckets) {
    double sum = 0;
    int count = 0;
    for (int slot = 0; slot < counts.length; slot++) {
      if (ring.inWindow(slot, time, buckets)) {
        sum += sums[slot];
        count += counts[slot];
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /** The number of buckets of the whole ring. */
  int size() {
    return ring.size();
  }

  /** Writes the buckets still inside the ring ending at the newest one. */
  void write(DataOutput out) throws IOException {
    ring.write(out, (slot, values) -> {
      values.writeInt(counts[slot]);
      values.writeDouble(sums[slot]);
    });
  }

  /** Reads what {@link #write} wrote into a ring of the same shape. */
  static SpeedBuckets read(DataInput in, long bucketMillis, int buckets) throws IOException {
    SpeedBuckets speeds = new SpeedBuckets(bucketMillis, buckets);
    speeds.ring.read(in, (slot, values) -> {
      speeds.counts[slot] = values.readInt();
      speeds.sums[slot] = values.readDouble();
    });
    return speeds;
  }

  private void reset(int slot) {
    counts[slot] = 0;
    sums[slot] = 0;
  }
}
