package org.ridemarket.contracts.features;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One cell's congestion feature values as of an event time, in {@link CongestionFeatures#NAMES}
 * order; converts to and from the Avro {@link CongestionVector} and the Redis hash.
 *
 * @param cell the H3 resolution-8 cell
 * @param eventTime epoch millis the values hold for
 * @param values the feature values, one per name, in order (NaN where a value does not exist)
 */
public record CongestionSnapshot(String cell, long eventTime, double[] values) {

  private static final List<String> NAMES = CongestionFeatures.NAMES;

  public CongestionSnapshot {
    Objects.requireNonNull(cell, "cell");
    if (values.length != NAMES.size()) {
      throw new IllegalArgumentException("expected " + NAMES.size() + " feature values, got " + values.length);
    }
    values = values.clone();
  }

  /** The value of one feature. */
  public double value(String name) {
    return values[CongestionFeatures.indexOf(name)];
  }

  /** The values as the float vector a model takes. */
  public float[] toFloats() {
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
    }
    return floats;
  }

  /** The values in order; a copy. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The Redis hash fields of this vector, written at wall-clock time {@code updatedAt}. */
  public Map<String, String> toRedisHash(long updatedAt) {
    Map<String, String> hash = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      hash.put(NAMES.get(i), Double.toString(values[i]));
    }
    hash.put(CongestionFeatures.EVENT_TIME_FIELD, Long.toString(eventTime));
    hash.put(CongestionFeatures.UPDATED_AT_FIELD, Long.toString(updatedAt));
    return hash;
  }

  /** Reads a cell's Redis hash; a missing or unparsable field is an error naming the field. */
  public static CongestionSnapshot fromRedisHash(String cell, Map<String, String> hash) {
    double[] values = new double[NAMES.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = number(hash, NAMES.get(i));
    }
    double eventTime = number(hash, CongestionFeatures.EVENT_TIME_FIELD);
    return new CongestionSnapshot(cell, (long) eventTime, values);
  }

  /** The Avro record of this vector, for the features topic. */
  public CongestionVector toAvro() {
    CongestionVector vector = new CongestionVector();
    Schema schema = vector.getSchema();
    vector.put(schema.getField("cell").pos(), cell);
    vector.put(schema.getField("eventTime").pos(), Instant.ofEpochMilli(eventTime));
    for (int i = 0; i < values.length; i++) {
      vector.put(schema.getField(NAMES.get(i)).pos(), values[i]);
    }
    return vector;
  }

  /** The vector an Avro record carries. */
  public static CongestionSnapshot fromAvro(CongestionVector vector) {
    Schema schema = vector.getSchema();
    double[] values = new double[NAMES.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (Double) vector.get(schema.getField(NAMES.get(i)).pos());
    }
    return new CongestionSnapshot(vector.getCell(), vector.getEventTime().toEpochMilli(), values);
  }

  private static double number(Map<String, String> hash, String name) {
    String value = hash.get(name);
    if (value == null) {
      throw new IllegalArgumentException("congestion hash has no field " + name);
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("congestion hash field " + name + " is not a number: " + value, e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CongestionSnapshot that && cell.equals(that.cell)
        && eventTime == that.eventTime && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cell, eventTime, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("CongestionSnapshot[").append(cell).append(" @").append(eventTime);
    for (int i = 0; i < values.length; i++) {
      text.append(", ").append(NAMES.get(i)).append('=').append(values[i]);
    }
    return text.append(']').toString();
  }
}
