package org.ridemarket.topologies.velocity;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The distinct ids (cards or devices, as 64-bit hashes) an entity paid with recently, each with the
 * last time it was seen: an exact set, capped at {@value #CAP} ids so an entity's state stays small.
 * When it is full, a new id replaces the one seen longest ago, so a count of {@value #CAP} reads
 * "{@value #CAP} or more", which is far past any threshold a fraud rule or model cares about.
 */
final class RecentIds {

  static final int CAP = 64;

  private final long[] ids = new long[CAP];
  private final long[] seenAt = new long[CAP];
  private int size;

  /** Records {@code id} as seen at {@code time}. */
  void add(long id, long time) {
    for (int i = 0; i < size; i++) {
      if (ids[i] == id) {
        seenAt[i] = Math.max(seenAt[i], time);
        return;
      }
    }
    if (size < CAP) {
      ids[size] = id;
      seenAt[size] = time;
      size++;
      return;
    }
    int oldest = 0;
    for (int i = 1; i < size; i++) {
      oldest = seenAt[i] < seenAt[oldest] ? i : oldest;
    }
    if (seenAt[oldest] < time) {
      ids[oldest] = id;
      seenAt[oldest] = time;
    }
  }

  /** Ids seen after {@code since}. */
  int countAfter(long since) {
    int count = 0;
    for (int i = 0; i < size; i++) {
      count += seenAt[i] > since ? 1 : 0;
    }
    return count;
  }

  /** Drops the ids last seen at or before {@code until}. */
  void forgetUntil(long until) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (seenAt[i] > until) {
        ids[kept] = ids[i];
        seenAt[kept] = seenAt[i];
        kept++;
      }
    }
    size = kept;
  }

  void write(DataOutput out) throws IOException {
    out.writeByte(size);
    for (int i = 0; i < size; i++) {
      out.writeLong(ids[i]);
      out.writeLong(seenAt[i]);
    }
  }

  static RecentIds read(DataInput in) throws IOException {
    RecentIds set = new RecentIds();
    int size = in.readUnsignedByte();
    if (size > CAP) {
      throw new IOException("a recent-id set of " + size + " ids, more than the cap of " + CAP);
    }
    for (int i = 0; i < size; i++) {
      set.add(in.readLong(), in.readLong());
    }
    return set;
  }
}
