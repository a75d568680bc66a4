package org.ridemarket.topologies.velocity;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.ridemarket.topologies.common.BucketRing;

/**
 * Payment counts and amounts over one window, in a {@link BucketRing} of exactly as many buckets as the
 * window holds: adding is O(1), a sum reads every slot once, and a window ending at time t covers the
 * bucket holding t and the ones before it, so it spans between one bucket less than its length and
 * its length.
 */
final class TimeBuckets {

  private final BucketRing ring;
  private final int[] counts;
  private final long[] amounts;

  TimeBuckets(long bucketMillis, int buckets) {
    this.ring = new BucketRing(bucketMillis, buckets);
    this.counts = new int[buckets];
    this.amounts = new long[buckets];
  }

  /** Counts a payment of {@code amount} at {@code time}. */
  void add(long time, long amount) {
    int slot = ring.slotFor(time, this::reset);
    if (slot >= 0) {
      counts[slot]++;
      amounts[slot] += amount;
    }
  }

  /** Payments in the window ending at {@code time}. */
  int count(long time) {
    int total = 0;
    for (int slot = 0; slot < counts.length; slot++) {
      if (ring.inWindow(slot, time, counts.length)) {
        total += counts[slot];
      }
    }
    return total;
  }

  /** Their amounts, summed. */
  long amount(long time) {
    long total = 0;
    for (int slot = 0; slot < counts.length; slot++) {
      if (ring.inWindow(slot, time, counts.length)) {
        total += amounts[slot];
      }
    }
    return total;
  }

  /** Writes the buckets still inside the window ending at the newest one. */
  void write(DataOutput out) throws IOException {
    ring.write(out, (slot, values) -> {
      values.writeInt(counts[slot]);
      values.writeLong(amounts[slot]);
    });
  }

  /** Reads what {@link #write} wrote into a tier of the same shape. */
  static TimeBuckets read(DataInput in, long bucketMillis, int buckets) throws IOException {
    TimeBuckets tier = new TimeBuckets(bucketMillis, buckets);
    tier.ring.read(in, (slot, values) -> {
      tier.counts[slot] = values.readInt();
      tier.amounts[slot] = values.readLong();
    });
    return tier;
  }

  private void reset(int slot) {
    counts[slot] = 0;
    amounts[slot] = 0;
  }
}
