package org.ridemarket.features.monitoring;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Walks an input event's fields for {@link FieldStatistics}: numbers (nested records' too, as {@code pickup.lat})
 * are values, a null or an enum's {@code UNKNOWN} symbol is missing, and a nullable string or an enum that is there
 * is present. Required strings (ids, cells) are left out: the quality gates already judge them. So is
 * {@code eventTime}, which always moves.
 */
final class AvroFields {

  private static final String EVENT_TIME = "eventTime";
  private static final String UNKNOWN = "UNKNOWN";

  private AvroFields() {
  }

  static void record(FieldStatistics statistics, long timeMillis, GenericRecord event) {
    visit(statistics, timeMillis, "", event);
  }

  private static void visit(FieldStatistics statistics, long time, String prefix, GenericRecord record) {
    for (Schema.Field field : record.getSchema().getFields()) {
      String name = prefix + field.name();
      if (name.equals(EVENT_TIME)) {
        continue;
      }
      Object value = record.get(field.pos());
      Schema schema = nonNull(field.schema());
      switch (schema.getType()) {
        case RECORD -> {
          if (value == null) {
            statistics.missing(name, time);
          } else {
            visit(statistics, time, name + ".", (GenericRecord) value);
          }
        }
        case INT, LONG, FLOAT, DOUBLE -> {
          if (value == null) {
            statistics.missing(name, time);
          } else if (value instanceof Number number) {
            statistics.value(name, time, number.doubleValue());
          } else {
            // a logical type (a timestamp as an Instant): there, but not a value to compare
            statistics.present(name, time);
          }
        }
        case ENUM -> {
          if (value == null || UNKNOWN.equals(value.toString())) {
            statistics.missing(name, time);
          } else {
            statistics.present(name, time);
          }
        }
        default -> {
          if (field.schema().isNullable()) {
            if (value == null) {
              statistics.missing(name, time);
            } else {
              statistics.present(name, time);
            }
          }
        }
      }
    }
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream().filter(type -> type.getType() != Schema.Type.NULL).findFirst().orElse(schema);
  }
}
