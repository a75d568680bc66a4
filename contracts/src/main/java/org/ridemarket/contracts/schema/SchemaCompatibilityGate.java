package org.ridemarket.contracts.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Build step: fails the build when a current event schema cannot be read by, or cannot read, any
 * of its released versions, or when a released event type disappeared. Run by Maven in
 * process-classes with the released-schemas folder as its argument; also usable on its own.
 */
public final class SchemaCompatibilityGate {

  private SchemaCompatibilityGate() {
  }

  public static void main(String[] args) throws IOException {
    Path releasedDir = Path.of(args.length > 0 ? args[0] : "src/main/resources/released-schemas");
    List<String> problems = problems(releasedDir);
    if (!problems.isEmpty()) {
      problems.forEach(problem -> System.err.println("[schema-gate] " + problem));
      throw new IllegalStateException(problems.size() + " schema compatibility problem(s); see above."
          + " Evolve schemas additively: add fields with defaults, add enum symbols to enums with a default.");
    }
    System.out.println("[schema-gate] " + ContractSchemas.eventTypes().size()
        + " event schemas are compatible with their released versions");
  }

  /** Every problem between the generated event classes and the histories in this folder. */
  public static List<String> problems(Path releasedDir) throws IOException {
    List<String> problems = new ArrayList<>();
    for (Class<? extends SpecificRecord> type : ContractSchemas.eventTypes()) {
      Schema current = ContractSchemas.currentSchema(type);
      Path history = releasedDir.resolve(SchemaHistory.fileName(current));
      if (!Files.exists(history)) {
        problems.add(current.getFullName() + " has no released history at " + history
            + " (run SchemaRelease to record its first version)");
        continue;
      }
      List<Schema> released = SchemaHistory.read(history);
      SchemaCompatibility.check(current, released)
          .forEach(problem -> problems.add(current.getFullName() + ": " + problem));
    }
    Set<String> known = ContractSchemas.eventTypes().stream()
        .map(type -> SchemaHistory.fileName(ContractSchemas.currentSchema(type)))
        .collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(releasedDir)) {
      files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(SchemaHistory.SUFFIX) && !known.contains(name))
          .forEach(name -> problems.add(name + " was released but its event type no longer exists"));
    }
    return problems;
  }
}
