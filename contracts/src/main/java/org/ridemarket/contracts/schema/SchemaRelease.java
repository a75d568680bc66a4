package org.ridemarket.contracts.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Release step: appends each event type's current schema to its history when it differs from the
 * last released version. Run once per release, after the gate passed, and commit the result:
 * {@code mvn -pl contracts compile exec:java@release-schemas}.
 */
public final class SchemaRelease {

  private SchemaRelease() {
  }

  public static void main(String[] args) throws IOException {
    Path releasedDir = Path.of(args.length > 0 ? args[0] : "src/main/resources/released-schemas");
    Files.createDirectories(releasedDir);
    for (Class<? extends SpecificRecord> type : ContractSchemas.eventTypes()) {
      Schema current = ContractSchemas.currentSchema(type);
      Path history = releasedDir.resolve(SchemaHistory.fileName(current));
      List<Schema> versions = Files.exists(history)
          ? new ArrayList<>(SchemaHistory.read(history))
          : new ArrayList<>();
      if (!versions.isEmpty() && versions.get(versions.size() - 1).equals(current)) {
        continue;
      }
      versions.add(current);
      Files.writeString(history, SchemaHistory.render(versions), StandardCharsets.UTF_8);
      System.out.println("[schema-release] " + current.getFullName() + " v" + versions.size());
    }
  }
}
