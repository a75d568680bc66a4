package org.ridemarket.topologies.supplydemand;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.ridemarket.topologies.common.BinaryFormats;

/**
 * One cell's running state: windowed counts of requests and completed trips (its own and its
 * ring's), the available-driver levels, and the aggregates it last emitted and when.
 */
final class CellState {

  static final long NEVER = Long.MIN_VALUE;

  private static final int REQUESTS = 0;
  private static final int RING_REQUESTS = 1;
  private static final int COMPLETED = 2;
  private static final int RING_COMPLETED = 3;
  private static final int ONE_MINUTE = 6;
  private static final int FIVE_MINUTES = 30;
  private static final int FIFTEEN_MINUTES = 90;
  private static final byte FORMAT = 1;

  private final WindowBuckets buckets;
  private int availableDrivers;
  private int ringAvailableDrivers;
  private long lastEmittedAt = NEVER;
  private CellAggregates lastEmitted = CellAggregates.EMPTY;

  CellState() {
    this(new WindowBuckets(4));
  }

  /**
   * The windows and buckets of this code, as a model's signature records them ({@link
   * SupplyDemandSettings#signatureSettings()}): the cell's and its ring's windows, the bucket they advance by, the
   * ring's H3 grid distance and how often silent drivers are looked for.
   */
  static Map<String, String> shape() {
    return Map.of(
        "supply-demand.bucket", Duration.ofMillis(WindowBuckets.BUCKET_MILLIS).toString(),
        "supply-demand.request-windows", windows(ONE_MINUTE, FIVE_MINUTES, FIFTEEN_MINUTES),
        "supply-demand.completed-trip-windows", windows(FIFTEEN_MINUTES),
        "supply-demand.ring-request-windows", windows(FIVE_MINUTES, FIFTEEN_MINUTES),
        "supply-demand.ring-completed-trip-windows", windows(FIFTEEN_MINUTES),
        "supply-demand.ring-grid-distance", "1",
        "supply-demand.driver-silence-sweep", DriverAvailabilityProcessor.SILENCE_SWEEP.toString());
  }

  private static String windows(int... buckets) {
    StringBuilder joined = new StringBuilder();
    for (int count : buckets) {
      joined.append(joined.length() == 0 ? "" : ",").append(Duration.ofMillis(count * WindowBuckets.BUCKET_MILLIS));
    }
    return joined.toString();
  }

  private CellState(WindowBuckets buckets) {
    this.buckets = buckets;
  }

  /** Counts a delta whose event time is {@code eventTime} while the task's stream time is {@code streamTime}. */
  void apply(CellDelta delta, long eventTime, long streamTime) {
    boolean ring = delta.scope() == CellDelta.Scope.RING;
    switch (delta.measure()) {
      case AVAILABLE_DRIVER -> {
        if (ring) {
          ringAvailableDrivers += delta.amount();
        } else {
          availableDrivers += delta.amount();
        }
      }
      case RIDE_REQUEST -> buckets.add(ring ? RING_REQUESTS : REQUESTS, eventTime, streamTime, delta.amount());
      case COMPLETED_TRIP -> buckets.add(ring ? RING_COMPLETED : COMPLETED, eventTime, streamTime, delta.amount());
      case TICK -> {
        // carries stream time only
      }
    }
  }

  /** The aggregates of the windows ending at {@code time}. */
  CellAggregates aggregatesAt(long time) {
    return new CellAggregates(
        buckets.sum(REQUESTS, time, ONE_MINUTE),
        buckets.sum(REQUESTS, time, FIVE_MINUTES),
        buckets.sum(REQUESTS, time, FIFTEEN_MINUTES),
        buckets.sum(COMPLETED, time, FIFTEEN_MINUTES),
        Math.max(availableDrivers, 0),
        buckets.sum(RING_REQUESTS, time, FIVE_MINUTES),
        buckets.sum(RING_REQUESTS, time, FIFTEEN_MINUTES),
        Math.max(ringAvailableDrivers, 0),
        buckets.sum(RING_COMPLETED, time, FIFTEEN_MINUTES));
  }

  /** Drops buckets older than every window; true if that changed the stored state. */
  boolean prune(long time) {
    return buckets.prune(time);
  }

  long lastEmittedAt() {
    return lastEmittedAt;
  }

  CellAggregates lastEmitted() {
    return lastEmitted;
  }

  void emitted(long eventTime, CellAggregates aggregates) {
    lastEmittedAt = eventTime;
    lastEmitted = aggregates;
  }

  byte[] toBytes() {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
         DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeLong(lastEmittedAt);
      InternalSerdes.writeAggregates(out, lastEmitted);
      out.writeInt(availableDrivers);
      out.writeInt(ringAvailableDrivers);
      buckets.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a cell state", e);
    }
  }

  static CellState fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      BinaryFormats.requireFormat(in.readByte(), FORMAT, "cell state");
      long lastEmittedAt = in.readLong();
      CellAggregates lastEmitted = InternalSerdes.readAggregates(in);
      int available = in.readInt();
      int ringAvailable = in.readInt();
      CellState state = new CellState(WindowBuckets.read(in));
      state.emitted(lastEmittedAt, lastEmitted);
      state.availableDrivers = available;
      state.ringAvailableDrivers = ringAvailable;
      return state;
    } catch (IOException e) {
      throw new IllegalStateException("cannot decode a cell state", e);
    }
  }
}
