package org.ridemarket.contracts.features;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    values = FeatureVectors.checked(values, NAMES, "velocity");
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
    return FeatureVectors.toRedisHash(NAMES, values, eventTime, updatedAt);
  }

  /** Reads an entity's Redis hash; a missing or unparsable field is an error naming the field. */
  public static VelocitySnapshot fromRedisHash(VelocityEntityType type, String entityId, Map<String, String> hash) {
    return new VelocitySnapshot(type, entityId, FeatureVectors.eventTimeOf(hash, "velocity"),
        FeatureVectors.valuesOf(hash, NAMES, "velocity"));
  }

  /** The Avro record of this vector, for the features topic. */
  public VelocityVector toAvro() {
    VelocityVector vector = new VelocityVector();
    vector.put(vector.getSchema().getField("entityType").pos(), entityType);
    vector.put(vector.getSchema().getField("entityId").pos(), entityId);
    return FeatureVectors.toAvro(vector, NAMES, values, eventTime);
  }

  /** The vector an Avro record carries. */
  public static VelocitySnapshot fromAvro(VelocityVector vector) {
    return new VelocitySnapshot(vector.getEntityType(), vector.getEntityId(), vector.getEventTime().toEpochMilli(),
        FeatureVectors.valuesOf(vector, NAMES));
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
    return FeatureVectors.describe("VelocitySnapshot", entityType + ":" + entityId, eventTime, NAMES, values);
  }
}
