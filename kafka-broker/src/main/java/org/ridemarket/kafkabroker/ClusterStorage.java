package org.ridemarket.kafkabroker;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Formats the broker's log directory once, with a cluster id kept in the data directory, so a
 * reused data directory starts again with the same identity instead of failing the id check.
 */
public final class ClusterStorage {

  private final Path dataDir;

  public ClusterStorage(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** The cluster id from {@code <data dir>/cluster.id}, created on first use. */
  public String clusterId() throws IOException {
    Path file = dataDir.resolve("cluster.id");
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    String id = Uuid.randomUuid().toString();
    Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
    return id;
  }

  /** Formats the directories named in the server properties; already formatted ones are kept. */
  public void format(Path serverProperties) throws IOException {
    String[] args = {"format", "--cluster-id", clusterId(), "--config", serverProperties.toString(),
        "--ignore-formatted"};
    int exit = StorageTool.execute(args, new PrintStream(PrintStream.nullOutputStream()));
    if (exit != 0) {
      throw new IllegalStateException("kafka storage format failed with exit code " + exit);
    }
  }
}
