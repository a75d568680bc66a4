package org.ridemarket.topologies.velocity;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Payment counts and amounts over one window, in a ring of equal time buckets exactly as many as the
 * window holds: adding is O(1), a sum reads every slot once, and a window ending at time t covers the
 * bucket holding t and the ones before it, so it spans between one bucket less than its length and
 * its length. A payment older than the window ending at the newest bucket changes nothing.
 */
final class TimeBuckets {

  private static final long EMPTY = Long.MIN_VALUE;

  private final long bucketMillis;
  private final long[] bucketOf;
  private final int[] counts;
  private final long[] amounts;
  private long newest = EMPTY;

  TimeBuckets(long bucketMillis, int buckets) {
    this.bucketMillis = bucketMillis;
    this.bucketOf = new long[buckets];
    this.counts = new int[buckets];
    this.amounts = new long[buckets];
    Arrays.fill(bucketOf, EMPTY);
  }

  /** Counts a payment of {@code amount} at {@code time}. */
  void add(long time, long amount) {
    long bucket = Math.floorDiv(time, bucketMillis);
    if (newest != EMPTY && bucket <= newest - bucketOf.length) {
      // its slot may hold a newer bucket; the payment is outside every window this tier still serves
      return;
    }
    int slot = slotOf(bucket);
    if (bucketOf[slot] != bucket) {
      bucketOf[slot] = bucket;
      counts[slot] = 0;
      amounts[slot] = 0;
    }
    counts[slot]++;
    amounts[slot] += amount;
    newest = newest == EMPTY ? bucket : Math.max(newest, bucket);
  }

  /** Payments in the window ending at {@code time}. */
  int count(long time) {
    int total = 0;
    for (int slot = 0; slot < bucketOf.length; slot++) {
      if (inWindow(slot, time)) {
        total += counts[slot];
      }
    }
    return total;
  }

  /** Their amounts, summed. */
  long amount(long time) {
    long total = 0;
    for (int slot = 0; slot < bucketOf.length; slot++) {
      if (inWindow(slot, time)) {
        total += amounts[slot];
      }
    }
    return total;
  }

  /** Writes the buckets still inside the window ending at the newest one. */
  void write(DataOutput out) throws IOException {
    out.writeLong(newest);
    int live = 0;
    for (int slot = 0; slot < bucketOf.length; slot++) {
      live += isLive(slot) ? 1 : 0;
    }
    out.writeShort(live);
    for (int slot = 0; slot < bucketOf.length; slot++) {
      if (isLive(slot)) {
        out.writeLong(bucketOf[slot]);
        out.writeInt(counts[slot]);
        out.writeLong(amounts[slot]);
      }
    }
  }

  /** Reads what {@link #write} wrote into a tier of the same shape. */
  static TimeBuckets read(DataInput in, long bucketMillis, int buckets) throws IOException {
    TimeBuckets tier = new TimeBuckets(bucketMillis, buckets);
    tier.newest = in.readLong();
    int live = in.readUnsignedShort();
    for (int i = 0; i < live; i++) {
      long bucket = in.readLong();
      int slot = tier.slotOf(bucket);
      tier.bucketOf[slot] = bucket;
      tier.counts[slot] = in.readInt();
      tier.amounts[slot] = in.readLong();
    }
    return tier;
  }

  private boolean inWindow(int slot, long time) {
    long last = Math.floorDiv(time, bucketMillis);
    return bucketOf[slot] != EMPTY && bucketOf[slot] > last - bucketOf.length && bucketOf[slot] <= last;
  }

  private boolean isLive(int slot) {
    return bucketOf[slot] != EMPTY && bucketOf[slot] > newest - bucketOf.length;
  }

  private int slotOf(long bucket) {
    return (int) Math.floorMod(bucket, (long) bucketOf.length);
  }
}
