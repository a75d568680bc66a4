package org.ridemarket.contracts.features;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One entity's velocity values as of an event time, in {@link VelocityFeatures#ENTITY_VALUES} order;
 * converts to and from the Avro {@link VelocityVector} and the Redis hash.
 *
 * @param entityType card, user or device
 * @param entityId the card fingerprint, user id or device id
 * @param eventTime epoch millis the values hold for
 * @param values the values, one per name, in order (NaN where a value does not exist)
 */
public record VelocitySnapshot(VelocityEntityType entityType, String entityId, long eventTime, double[] values) {

  private static final List<String> NAMES = VelocityFeatures.ENTITY_VALUES;

  public VelocitySnapshot {
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(entityId, "entityId");
    if (values.length != NAMES.size()) {
      throw new IllegalArgumentException("expected " + NAMES.size() + " velocity values, got " + values.length);
    }
    values = values.clone();
  }

  /** The value of one {@link VelocityFeatures#ENTITY_VALUES} name. */
  public double value(String name) {
    return values[VelocityFeatures.indexOf(name)];
  }

  /** The values in order; a copy. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The features-topic key of this entity. */
  public String recordKey() {
    return VelocityFeatures.recordKey(entityType, entityId);
  }

  /** The Redis hash fields of this vector, written at wall-clock time {@code updatedAt}. */
  public Map<String, String> toRedisHash(long updatedAt) {
    Map<String, String> hash = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      hash.put(NAMES.get(i), Double.toString(values[i]));
    }
    hash.put(VelocityFeatures.EVENT_TIME_FIELD, Long.toString(eventTime));
    hash.put(VelocityFeatures.UPDATED_AT_FIELD, Long.toString(updatedAt));
    return hash;
  }

  /** Reads an entity's Redis hash; a missing or unparsable field is an error naming the field. */
  public static VelocitySnapshot fromRedisHash(VelocityEntityType type, String entityId, Map<String, String> hash) {
    double[] values = new double[NAMES.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = number(hash, NAMES.get(i));
    }
    return new VelocitySnapshot(type, entityId, (long) number(hash, VelocityFeatures.EVENT_TIME_FIELD), values);
  }

  /** The Avro record of this vector, for the features topic. */
  public VelocityVector toAvro() {
    VelocityVector vector = new VelocityVector();
    Schema schema = vector.getSchema();
    vector.put(schema.getField("entityType").pos(), entityType);
    vector.put(schema.getField("entityId").pos(), entityId);
    vector.put(schema.getField("eventTime").pos(), Instant.ofEpochMilli(eventTime));
    for (int i = 0; i < values.length; i++) {
      vector.put(schema.getField(NAMES.get(i)).pos(), values[i]);
    }
    return vector;
  }

  /** The vector an Avro record carries. */
  public static VelocitySnapshot fromAvro(VelocityVector vector) {
    Schema schema = vector.getSchema();
    double[] values = new double[NAMES.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (Double) vector.get(schema.getField(NAMES.get(i)).pos());
    }
    return new VelocitySnapshot(vector.getEntityType(), vector.getEntityId(), vector.getEventTime().toEpochMilli(),
        values);
  }

  private static double number(Map<String, String> hash, String name) {
    String value = hash.get(name);
    if (value == null) {
      throw new IllegalArgumentException("velocity hash has no field " + name);
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("velocity hash field " + name + " is not a number: " + value, e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VelocitySnapshot that && entityType == that.entityType && entityId.equals(that.entityId)
        && eventTime == that.eventTime && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entityType, entityId, eventTime, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("VelocitySnapshot[").append(entityType).append(':')
        .append(entityId).append(" @").append(eventTime);
    for (int i = 0; i < values.length; i++) {
      text.append(", ").append(NAMES.get(i)).append('=').append(values[i]);
    }
    return text.append(']').toString();
  }
}
