package org.ridemarket.features.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.features.redis.FeatureFamily;

/**
 * Field statistics of one feature family's served vectors ({@link FieldStatistics},
 * {@code feature_vector_field_*{family,field}}): every vector its Redis sink wrote, at the vector's event time, off
 * the stream thread. A field that is not a number is missing.
 */
public final class VectorStatistics<T> {

  private final FeatureFamily<T> family;
  private final FieldStatistics statistics;

  public VectorStatistics(MeterRegistry registry, FeatureFamily<T> family) {
    this.family = family;
    this.statistics = new FieldStatistics(registry, FieldStatistics.Names.VECTOR, family.name());
  }

  public void record(List<T> written) {
    for (T vector : written) {
      long time = family.eventTime().applyAsLong(vector);
      for (Map.Entry<String, String> field : family.redisHash().apply(vector, time).entrySet()) {
        String name = field.getKey();
        if (name.equals(family.eventTimeField()) || name.equals(SupplyDemandFeatures.UPDATED_AT_FIELD)) {
          continue;
        }
        double value = parse(field.getValue());
        if (Double.isNaN(value)) {
          statistics.missing(name, time);
        } else {
          statistics.value(name, time, value);
        }
      }
    }
  }

  private static double parse(String value) {
    try {
      return value == null ? Double.NaN : Double.parseDouble(value);
    } catch (NumberFormatException notANumber) {
      return Double.NaN;
    }
  }
}
