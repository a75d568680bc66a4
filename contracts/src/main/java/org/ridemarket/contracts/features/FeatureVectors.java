package org.ridemarket.contracts.features;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * The conversions every feature snapshot shares: values in their contract order to and from a Redis
 * hash (one decimal field per name, plus {@value #EVENT_TIME_FIELD} and {@value #UPDATED_AT_FIELD})
 * and an Avro record (one double field per name, plus {@code eventTime}).
 */
final class FeatureVectors {

  /** Hash field with the vector's event time, epoch millis; writes only ever move it forward. */
  static final String EVENT_TIME_FIELD = "event_time";
  /** Hash field with the wall-clock time of the write, epoch millis. */
  static final String UPDATED_AT_FIELD = "updated_at";

  private FeatureVectors() {
  }

  /** A copy of {@code values}, refused unless there is one per name. */
  static double[] checked(double[] values, List<String> names, String what) {
    if (values.length != names.size()) {
      throw new IllegalArgumentException("expected " + names.size() + " " + what + " values, got " + values.length);
    }
    return values.clone();
  }

  /** The values as the float vector a model takes. */
  static float[] toFloats(double[] values) {
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
    }
    return floats;
  }

  /** The Redis hash fields of a vector, written at wall-clock time {@code updatedAt}. */
  static Map<String, String> toRedisHash(List<String> names, double[] values, long eventTime, long updatedAt) {
    Map<String, String> hash = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      hash.put(names.get(i), Double.toString(values[i]));
    }
    hash.put(EVENT_TIME_FIELD, Long.toString(eventTime));
    hash.put(UPDATED_AT_FIELD, Long.toString(updatedAt));
    return hash;
  }

  /** The values of a Redis hash, in {@code names} order; a missing or unparsable field names the field. */
  static double[] valuesOf(Map<String, String> hash, List<String> names, String family) {
    double[] values = new double[names.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = number(hash, names.get(i), family);
    }
    return values;
  }

  /** The event time of a Redis hash. */
  static long eventTimeOf(Map<String, String> hash, String family) {
    return (long) number(hash, EVENT_TIME_FIELD, family);
  }

  /** Puts the event time and the values into an Avro record with a field per name. */
  static <R extends IndexedRecord> R toAvro(R record, List<String> names, double[] values, long eventTime) {
    Schema schema = record.getSchema();
    record.put(schema.getField("eventTime").pos(), Instant.ofEpochMilli(eventTime));
    for (int i = 0; i < values.length; i++) {
      record.put(schema.getField(names.get(i)).pos(), values[i]);
    }
    return record;
  }

  /** The values an Avro record with a field per name carries, in {@code names} order. */
  static double[] valuesOf(IndexedRecord record, List<String> names) {
    Schema schema = record.getSchema();
    double[] values = new double[names.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (Double) record.get(schema.getField(names.get(i)).pos());
    }
    return values;
  }

  /** {@code Type[id @eventTime, name=value, ...]}. */
  static String describe(String type, String id, long eventTime, List<String> names, double[] values) {
    StringBuilder text = new StringBuilder(type).append('[').append(id).append(" @").append(eventTime);
    for (int i = 0; i < values.length; i++) {
      text.append(", ").append(names.get(i)).append('=').append(values[i]);
    }
    return text.append(']').toString();
  }

  private static double number(Map<String, String> hash, String name, String family) {
    String value = hash.get(name);
    if (value == null) {
      throw new IllegalArgumentException(family + " hash has no field " + name);
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(family + " hash field " + name + " is not a number: " + value, e);
    }
  }
}
