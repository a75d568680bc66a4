package org.ridemarket.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** Reads and writes a schema history file: a JSON array of self-contained schemas, oldest first. */
public final class SchemaHistory {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Suffix of every history file. */
  static final String SUFFIX = ".json";

  private SchemaHistory() {
  }

  /** The history file of a schema: its full name plus {@value #SUFFIX}. */
  public static String fileName(Schema schema) {
    return schema.getFullName() + SUFFIX;
  }

  /** Reads a history file. */
  public static List<Schema> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
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
