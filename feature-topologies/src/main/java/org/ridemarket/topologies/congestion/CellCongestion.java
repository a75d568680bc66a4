package org.ridemarket.topologies.congestion;

import static org.ridemarket.contracts.features.CongestionFeatures.CONGESTION_INDEX;
import static org.ridemarket.contracts.features.CongestionFeatures.FREE_FLOW_SPEED;
import static org.ridemarket.contracts.features.CongestionFeatures.FREE_FLOW_WEIGHT;
import static org.ridemarket.contracts.features.CongestionFeatures.MOVING_PINGS_15M;
import static org.ridemarket.contracts.features.CongestionFeatures.MOVING_PINGS_5M;
import static org.ridemarket.contracts.features.CongestionFeatures.SPEED_15M;
import static org.ridemarket.contracts.features.CongestionFeatures.SPEED_5M;
import static org.ridemarket.contracts.features.CongestionFeatures.TRIPS_15M;
import static org.ridemarket.contracts.features.CongestionFeatures.TRIPS_60M;
import static org.ridemarket.contracts.features.CongestionFeatures.TRIP_SPEED_15M;
import static org.ridemarket.contracts.features.CongestionFeatures.TRIP_SPEED_60M;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.ridemarket.contracts.features.CongestionFeatures;
import org.ridemarket.topologies.common.BinaryFormats;

/**
 * One cell's congestion state: moving drivers' speeds in 30-second buckets over 15 minutes (the
 * 5-minute window reads the newest 10 of the 30 buckets), completed trips' realised speeds in 1-minute
 * buckets over an hour, the free-flow histogram, the time of the latest observation and the last
 * emitted vector. A busy cell holds 30 + 60 buckets and 80 bins, under 3 KB.
 *
 * <p>Bucket sizes: a window ending at t is short by at most one bucket, so 30 s keeps the 5-minute
 * window within 10 % (4.5 to 5 min) and matches the sweep; trips are rarer, and 1-minute buckets keep
 * their hour within 2 % and their 15 minutes within 7 %.
 */
final class CellCongestion {

  static final long NEVER = Long.MIN_VALUE;
  /** The free-flow speed is the 85th percentile of moving speeds, as traffic engineering defines it. */
  static final double FREE_FLOW_PERCENTILE = 0.85;

  private static final byte FORMAT = 1;
  private static final long PING_BUCKET_MILLIS = 30_000;
  private static final int PING_BUCKETS = 30;
  private static final int PING_BUCKETS_5M = 10;
  private static final long TRIP_BUCKET_MILLIS = 60_000;
  private static final int TRIP_BUCKETS = 60;
  private static final int TRIP_BUCKETS_15M = 15;

  private final SpeedBuckets pings;
  private final SpeedBuckets trips;
  private final SpeedHistogram freeFlow;
  private long latestObservation = NEVER;
  private long lastEmittedAt = NEVER;
  private double[] lastEmitted;

  CellCongestion() {
    this(new SpeedBuckets(PING_BUCKET_MILLIS, PING_BUCKETS), new SpeedBuckets(TRIP_BUCKET_MILLIS, TRIP_BUCKETS),
        new SpeedHistogram());
  }

  /** The windows and buckets this state computes, for {@link CongestionSettings#signatureSettings()}. */
  static Map<String, String> shape() {
    return Map.of(
        "congestion.driver-speed-bucket", Duration.ofMillis(PING_BUCKET_MILLIS).toString(),
        "congestion.driver-speed-windows", Duration.ofMillis(PING_BUCKETS_5M * PING_BUCKET_MILLIS) + ","
            + Duration.ofMillis(PING_BUCKETS * PING_BUCKET_MILLIS),
        "congestion.trip-speed-bucket", Duration.ofMillis(TRIP_BUCKET_MILLIS).toString(),
        "congestion.trip-speed-windows", Duration.ofMillis(TRIP_BUCKETS_15M * TRIP_BUCKET_MILLIS) + ","
            + Duration.ofMillis(TRIP_BUCKETS * TRIP_BUCKET_MILLIS),
        "congestion.free-flow-percentile", Double.toString(FREE_FLOW_PERCENTILE),
        "congestion.free-flow-bin-mps", Double.toString(SpeedHistogram.BIN_MPS),
        "congestion.free-flow-bins", Integer.toString(SpeedHistogram.BINS));
  }

  private CellCongestion(SpeedBuckets pings, SpeedBuckets trips, SpeedHistogram freeFlow) {
    this.pings = pings;
    this.trips = trips;
    this.freeFlow = freeFlow;
  }

  /** Counts an observation made at {@code eventTime}. */
  void observe(CellObservation observation, long eventTime, long halfLifeMillis) {
    switch (observation.kind()) {
      case PING -> {
        pings.add(eventTime, observation.speedMps());
        freeFlow.add(eventTime, observation.speedMps(), halfLifeMillis);
      }
      case TRIP -> trips.add(eventTime, observation.speedMps());
      default -> throw new IllegalArgumentException("unknown observation " + observation.kind());
    }
    latestObservation = Math.max(latestObservation, eventTime);
  }

  /** Applies the free-flow decay up to the day of {@code time}; returns whether the state changed. */
  boolean decayTo(long time, long halfLifeMillis) {
    return freeFlow.decayTo(time, halfLifeMillis);
  }

  /** The values with windows ending at {@code time}, in {@link CongestionFeatures#NAMES} order. */
  double[] valuesAt(long time, double freeFlowMinWeight) {
    double[] values = new double[CongestionFeatures.NAMES.size()];
    double speed15m = pings.mean(time, PING_BUCKETS);
    double weight = freeFlow.weight();
    double freeFlowSpeed = weight >= freeFlowMinWeight ? freeFlow.percentile(FREE_FLOW_PERCENTILE) : Double.NaN;
    put(values, SPEED_5M, pings.mean(time, PING_BUCKETS_5M));
    put(values, MOVING_PINGS_5M, pings.count(time, PING_BUCKETS_5M));
    put(values, SPEED_15M, speed15m);
    put(values, MOVING_PINGS_15M, pings.count(time, PING_BUCKETS));
    put(values, FREE_FLOW_SPEED, freeFlowSpeed);
    put(values, FREE_FLOW_WEIGHT, weight);
    put(values, CONGESTION_INDEX, CongestionFeatures.congestionIndex(speed15m, freeFlowSpeed));
    put(values, TRIP_SPEED_15M, trips.mean(time, TRIP_BUCKETS_15M));
    put(values, TRIPS_15M, trips.count(time, TRIP_BUCKETS_15M));
    put(values, TRIP_SPEED_60M, trips.mean(time, TRIP_BUCKETS));
    put(values, TRIPS_60M, trips.count(time, TRIP_BUCKETS));
    return values;
  }

  /** Whether any window ending at {@code time} holds an observation. */
  boolean hasLiveWindows(long time) {
    return pings.count(time, PING_BUCKETS) > 0 || trips.count(time, TRIP_BUCKETS) > 0;
  }

  /** Whether these values differ from the last emitted ones (NaN equal to NaN). */
  boolean changed(double[] values) {
    return !Arrays.equals(values, lastEmitted);
  }

  void emitted(long eventTime, double[] values) {
    lastEmittedAt = eventTime;
    lastEmitted = values.clone();
  }

  long lastEmittedAt() {
    return lastEmittedAt;
  }

  long latestObservation() {
    return latestObservation;
  }

  byte[] toBytes() {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
         DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeLong(latestObservation);
      out.writeLong(lastEmittedAt);
      out.writeByte(lastEmitted == null ? 0 : lastEmitted.length);
      for (int i = 0; lastEmitted != null && i < lastEmitted.length; i++) {
        out.writeDouble(lastEmitted[i]);
      }
      pings.write(out);
      trips.write(out);
      freeFlow.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a cell congestion state", e);
    }
  }

  static CellCongestion fromBytes(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      BinaryFormats.requireFormat(in.readByte(), FORMAT, "cell congestion state");
      long latestObservation = in.readLong();
      long lastEmittedAt = in.readLong();
      int emittedValues = in.readUnsignedByte();
      double[] lastEmitted = emittedValues == 0 ? null : new double[emittedValues];
      for (int i = 0; i < emittedValues; i++) {
        lastEmitted[i] = in.readDouble();
      }
      CellCongestion state = new CellCongestion(SpeedBuckets.read(in, PING_BUCKET_MILLIS, PING_BUCKETS),
          SpeedBuckets.read(in, TRIP_BUCKET_MILLIS, TRIP_BUCKETS), SpeedHistogram.read(in));
      state.latestObservation = latestObservation;
      state.lastEmittedAt = lastEmittedAt;
      state.lastEmitted = lastEmitted;
      return state;
    } catch (IOException e) {
      throw new IllegalStateException("cannot decode a cell congestion state", e);
    }
  }

  private static void put(double[] values, String name, double value) {
    values[CongestionFeatures.indexOf(name)] = value;
  }
}
