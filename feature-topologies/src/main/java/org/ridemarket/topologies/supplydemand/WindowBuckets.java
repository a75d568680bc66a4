package org.ridemarket.topologies.supplydemand;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Event counts in 10-second buckets over the last 15 minutes, for a few series at once, in a
 * ring of slots: adding is O(1), a window sum reads at most 90 slots, and a window ending at
 * time t covers the bucket holding t and the ones before it, so it advances in 10-second steps.
 */
final class WindowBuckets {

  static final long BUCKET_MILLIS = 10_000;
  /** 15 minutes of buckets: the longest window; older buckets cannot change any feature. */
  static final int SLOTS = 90;

  private static final long EMPTY = Long.MIN_VALUE;

  private final long[] bucketOf = new long[SLOTS];
  private final int[][] counts;

  WindowBuckets(int series) {
    counts = new int[series][SLOTS];
    Arrays.fill(bucketOf, EMPTY);
  }

  /** Adds to a series at {@code eventTime}; a time older than every window changes nothing. */
  void add(int series, long eventTime, long streamTime, int amount) {
    long bucket = Math.floorDiv(eventTime, BUCKET_MILLIS);
    if (bucket <= Math.floorDiv(streamTime, BUCKET_MILLIS) - SLOTS) {
      return;
    }
    int slot = slotOf(bucket);
    if (bucketOf[slot] != bucket) {
      clear(slot);
      bucketOf[slot] = bucket;
    }
    counts[series][slot] += amount;
  }

  /** The sum of a series over the {@code buckets} buckets ending with the one holding {@code time}. */
  int sum(int series, long time, int buckets) {
    long newest = Math.floorDiv(time, BUCKET_MILLIS);
    int total = 0;
    for (int slot = 0; slot < SLOTS; slot++) {
      long bucket = bucketOf[slot];
      if (bucket != EMPTY && bucket > newest - buckets && bucket <= newest) {
        total += counts[series][slot];
      }
    }
    return total;
  }

  /** Empties the buckets that fell out of every window ending at {@code time}; true if any did. */
  boolean prune(long time) {
    long oldest = Math.floorDiv(time, BUCKET_MILLIS) - SLOTS;
    boolean pruned = false;
    for (int slot = 0; slot < SLOTS; slot++) {
      if (bucketOf[slot] != EMPTY && bucketOf[slot] <= oldest) {
        clear(slot);
        bucketOf[slot] = EMPTY;
        pruned = true;
      }
    }
    return pruned;
  }

  void write(DataOutput out) throws IOException {
    out.writeByte(counts.length);
    out.writeByte((int) Arrays.stream(bucketOf).filter(bucket -> bucket != EMPTY).count());
    for (int slot = 0; slot < SLOTS; slot++) {
      if (bucketOf[slot] != EMPTY) {
        out.writeLong(bucketOf[slot]);
        for (int[] series : counts) {
          out.writeInt(series[slot]);
        }
      }
    }
  }

  static WindowBuckets read(DataInput in) throws IOException {
    WindowBuckets buckets = new WindowBuckets(in.readByte());
    int used = in.readUnsignedByte();
    for (int i = 0; i < used; i++) {
      long bucket = in.readLong();
      int slot = slotOf(bucket);
      buckets.bucketOf[slot] = bucket;
      for (int[] series : buckets.counts) {
        series[slot] = in.readInt();
      }
    }
    return buckets;
  }

  private static int slotOf(long bucket) {
    return (int) Math.floorMod(bucket, (long) SLOTS);
  }

  private void clear(int slot) {
    for (int[] series : counts) {
      series[slot] = 0;
    }
  }
}
