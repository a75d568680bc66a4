package org.ridemarket.topologies.congestion;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Speed sums and counts over one window, in a ring of equal time buckets exactly as many as the window
 * holds. A window of {@code n} buckets ending at time t covers the bucket holding t and the n - 1
 * before it, so shorter windows read the newest part of the same ring. An observation older than the
 * ring ending at its newest bucket changes nothing.
 */
final class SpeedBuckets {

  private static final long EMPTY = Long.MIN_VALUE;

  private final long bucketMillis;
  private final long[] bucketOf;
  private final int[] counts;
  private final double[] sums;
  private long newest = EMPTY;

  SpeedBuckets(long bucketMillis, int buckets) {
    this.bucketMillis = bucketMillis;
    this.bucketOf = new long[buckets];
    this.counts = new int[buckets];
    this.sums = new double[buckets];
    Arrays.fill(bucketOf, EMPTY);
  }

  /** Counts a speed observed at {@code time}. */
  void add(long time, double speed) {
    long bucket = Math.floorDiv(time, bucketMillis);
    if (newest != EMPTY && bucket <= newest - bucketOf.length) {
      // its slot may hold a newer bucket; the observation is outside every window the ring still serves
      return;
    }
    int slot = slotOf(bucket);
    if (bucketOf[slot] != bucket) {
      bucketOf[slot] = bucket;
      counts[slot] = 0;
      sums[slot] = 0;
    }
    counts[slot]++;
    sums[slot] += speed;
    newest = newest == EMPTY ? bucket : Math.max(newest, bucket);
  }

  /** Observations in the window of the last {@code buckets} buckets ending at {@code time}. */
  int count(long time, int buckets) {
    int total = 0;
    for (int slot = 0; slot < bucketOf.length; slot++) {
      if (inWindow(slot, time, buckets)) {
        total += counts[slot];
      }
    }
    return total;
  }

  /** Their mean speed, NaN without one. */
  double mean(long time, int buckets) {
    double sum = 0;
    int count = 0;
    for (int slot = 0; slot < bucketOf.length; slot++) {
      if (inWindow(slot, time, buckets)) {
        sum += sums[slot];
        count += counts[slot];
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }

  /** The number of buckets of the whole ring. */
  int size() {
    return bucketOf.length;
  }

  /** Writes the buckets still inside the ring ending at the newest one. */
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
        out.writeDouble(sums[slot]);
      }
    }
  }

  /** Reads what {@link #write} wrote into a ring of the same shape. */
  static SpeedBuckets read(DataInput in, long bucketMillis, int buckets) throws IOException {
    SpeedBuckets ring = new SpeedBuckets(bucketMillis, buckets);
    ring.newest = in.readLong();
    int live = in.readUnsignedShort();
    for (int i = 0; i < live; i++) {
      long bucket = in.readLong();
      int slot = ring.slotOf(bucket);
      ring.bucketOf[slot] = bucket;
      ring.counts[slot] = in.readInt();
      ring.sums[slot] = in.readDouble();
    }
    return ring;
  }

  private boolean inWindow(int slot, long time, int buckets) {
    long last = Math.floorDiv(time, bucketMillis);
    return bucketOf[slot] != EMPTY && bucketOf[slot] > last - buckets && bucketOf[slot] <= last;
  }

  private boolean isLive(int slot) {
    return bucketOf[slot] != EMPTY && bucketOf[slot] > newest - bucketOf.length;
  }

  private int slotOf(long bucket) {
    return (int) Math.floorMod(bucket, (long) bucketOf.length);
  }
}
