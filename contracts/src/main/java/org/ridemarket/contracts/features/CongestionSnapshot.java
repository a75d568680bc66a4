package org.ridemarket.contracts.features;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    values = FeatureVectors.checked(values, NAMES, "feature");
  }

  /** The value of one feature. */
  public double value(String name) {
    return values[CongestionFeatures.indexOf(name)];
  }

  /** The values as the float vector a model takes. */
  public float[] toFloats() {
    return FeatureVectors.toFloats(values);
  }

  /** The values in order; a copy. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The Redis hash fields of this vector, written at wall-clock time {@code updatedAt}. */
  public Map<String, String> toRedisHash(long updatedAt) {
    return FeatureVectors.toRedisHash(NAMES, values, eventTime, updatedAt);
  }

  /** Reads a cell's Redis hash; a missing or unparsable field is an error naming the field. */
  public static CongestionSnapshot fromRedisHash(String cell, Map<String, String> hash) {
    return new CongestionSnapshot(cell, FeatureVectors.eventTimeOf(hash, "congestion"),
        FeatureVectors.valuesOf(hash, NAMES, "congestion"));
  }

  /** The Avro record of this vector, for the features topic. */
  public CongestionVector toAvro() {
    CongestionVector vector = new CongestionVector();
    vector.put(vector.getSchema().getField("cell").pos(), cell);
    return FeatureVectors.toAvro(vector, NAMES, values, eventTime);
  }

  /** The vector an Avro record carries. */
  public static CongestionSnapshot fromAvro(CongestionVector vector) {
    return new CongestionSnapshot(vector.getCell(), vector.getEventTime().toEpochMilli(),
        FeatureVectors.valuesOf(vector, NAMES));
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
    return FeatureVectors.describe("CongestionSnapshot", cell, eventTime, NAMES, values);
  }
}
