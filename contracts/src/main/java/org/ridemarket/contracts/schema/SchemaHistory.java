package org.ridemarket.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** Reads and writes a schema history file: a JSON array of self-contained schemas, oldest first. */
public final class SchemaHistory {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaHistory() {
  }

  /** Parses a history; each entry gets its own parser, because versions redefine the same names. */
  public static List<Schema> parse(String json) {
    try {
      JsonNode array = JSON.readTree(json);
      if (!array.isArray()) {
        throw new IllegalArgumentException("a schema history must be a JSON array of schemas");
      }
      List<Schema> versions = new ArrayList<>();
      for (JsonNode entry : array) {
        versions.add(new Schema.Parser().parse(entry.toString()));
      }
      return versions;
    } catch (IOException e) {
      throw new UncheckedIOException("malformed schema history", e);
    }
  }

  /** Renders a history as pretty JSON, one self-contained schema per entry. */
  public static String render(List<Schema> versions) {
    try {
      List<JsonNode> entries = new ArrayList<>();
      for (Schema schema : versions) {
        entries.add(JSON.readTree(schema.toString()));
      }
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(entries) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
