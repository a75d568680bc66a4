package org.ridemarket.contracts.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Full transitive compatibility between a schema and its released versions: a new reader reads
 * every old writer (replays of history) and every old reader reads the new writer (consumers that
 * have not been upgraded yet). That is what "evolution is additive" means in practice.
 */
public final class SchemaCompatibility {

  private SchemaCompatibility() {
  }

  /** The problems found, one human-readable line each; empty when the candidate is compatible. */
  public static List<String> check(Schema candidate, List<Schema> released) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < released.size(); i++) {
      Schema old = released.get(i);
      String version = "released v" + (i + 1);
      if (!old.getFullName().equals(candidate.getFullName())) {
        problems.add(version + " is named " + old.getFullName() + ", not " + candidate.getFullName());
        continue;
      }
      describe(candidate, old, "new reader cannot read data written with " + version, problems);
      describe(old, candidate, "readers on " + version + " cannot read data written with the new schema", problems);
    }
    return problems;
  }

  private static void describe(Schema reader, Schema writer, String what, List<String> problems) {
    SchemaPairCompatibility result = org.apache.avro.SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    result.getResult().getIncompatibilities().forEach(incompatibility -> problems.add(what + ": "
        + incompatibility.getType() + " at " + fieldPath(reader, incompatibility.getLocation())
        + " (" + incompatibility.getMessage() + ")"));
  }

  /** Turns Avro's JSON pointer ("/fields/6/type") into field names ("amountMinor"), for humans. */
  static String fieldPath(Schema reader, String pointer) {
    StringBuilder path = new StringBuilder();
    Schema current = reader;
    String[] segments = pointer.split("/");
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if ("fields".equals(segment) && i + 1 < segments.length && current.getType() == Schema.Type.RECORD) {
        Schema.Field field = current.getFields().get(Integer.parseInt(segments[++i]));
        path.append(path.length() == 0 ? "" : ".").append(field.name());
        current = field.schema();
      } else if ("items".equals(segment) && current.getType() == Schema.Type.ARRAY) {
        current = current.getElementType();
      } else if ("values".equals(segment) && current.getType() == Schema.Type.MAP) {
        current = current.getValueType();
      } else if (segment.matches("\\d+") && current.getType() == Schema.Type.UNION) {
        current = current.getTypes().get(Integer.parseInt(segment));
      }
    }
    return path.length() == 0 ? pointer : path + " (" + pointer + ")";
  }
}
