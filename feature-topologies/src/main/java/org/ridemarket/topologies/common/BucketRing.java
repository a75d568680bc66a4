package org.ridemarket.topologies.common;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The time bookkeeping of a ring of equal event-time buckets, as many as the longest window it serves:
 * which bucket each slot holds, the newest bucket seen, which slots a window ending at a time covers,
 * and the state-store encoding. The values counted per slot live in the owner's own arrays, indexed by
 * slot, so one ring serves payment counts and amounts as well as speed sums.
 *
 * <p>A window of {@code n} buckets ending at time t covers the bucket holding t and the n - 1 before it.
 * An observation older than the ring ending at its newest bucket changes nothing.
 */
public final class BucketRing {

  /** Reads one live slot's values, written by a {@link SlotWriter}. */
  @FunctionalInterface
  public interface SlotReader {
    void read(int slot, DataInput in) throws IOException;
  }

  /** Writes one live slot's values after its bucket. */
  @FunctionalInterface
  public interface SlotWriter {
    void write(int slot, DataOutput out) throws IOException;
  }

  private static final long EMPTY = Long.MIN_VALUE;

  private final long bucketMillis;
  private final long[] bucketOf;
  private long newest = EMPTY;

  /** An empty ring of {@code buckets} buckets of {@code bucketMillis} each. */
  public BucketRing(long bucketMillis, int buckets) {
    this.bucketMillis = bucketMillis;
    this.bucketOf = new long[buckets];
    Arrays.fill(bucketOf, EMPTY);
  }

  /**
   * The slot that counts an observation at {@code time}, or -1 when it is too old for every window the
   * ring still serves (its slot may hold a newer bucket). A slot that held another bucket is handed to
   * this one, after {@code reset} has been told to zero its values.
   */
  public int slotFor(long time, IntConsumer reset) {
    long bucket = Math.floorDiv(time, bucketMillis);
    if (newest != EMPTY && bucket <= newest - bucketOf.length) {
      return -1;
    }
    int slot = slotOf(bucket);
    if (bucketOf[slot] != bucket) {
      reset.accept(slot);
      bucketOf[slot] = bucket;
    }
    newest = newest == EMPTY ? bucket : Math.max(newest, bucket);
    return slot;
  }

  /** Whether {@code slot} lies in the window of the last {@code buckets} buckets ending at {@code time}. */
  public boolean inWindow(int slot, long time, int buckets) {
    long last = Math.floorDiv(time, bucketMillis);
    return bucketOf[slot] != EMPTY && bucketOf[slot] > last - buckets && bucketOf[slot] <= last;
  }

  /** The number of buckets of the whole ring. */
  public int size() {
    return bucketOf.length;
  }

  /** Writes the newest bucket, then each slot still inside the ring ending at it: its bucket, then its values. */
  public void write(DataOutput out, SlotWriter values) throws IOException {
    out.writeLong(newest);
    int live = 0;
    for (int slot = 0; slot < bucketOf.length; slot++) {
      live += isLive(slot) ? 1 : 0;
    }
    out.writeShort(live);
    for (int slot = 0; slot < bucketOf.length; slot++) {
      if (isLive(slot)) {
        out.writeLong(bucketOf[slot]);
        values.write(slot, out);
      }
    }
  }

  /** Reads what {@link #write} wrote into this ring, which must be empty and of the same shape. */
  public void read(DataInput in, SlotReader values) throws IOException {
    newest = in.readLong();
    int live = in.readUnsignedShort();
    for (int i = 0; i < live; i++) {
      long bucket = in.readLong();
      int slot = slotOf(bucket);
      bucketOf[slot] = bucket;
      values.read(slot, in);
    }
  }

  private boolean isLive(int slot) {
    return bucketOf[slot] != EMPTY && bucketOf[slot] > newest - bucketOf.length;
  }

  private int slotOf(long bucket) {
    return (int) Math.floorMod(bucket, (long) bucketOf.length);
  }
}
