package org.ridemarket.kafkabroker;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The server.properties of a single-node, loopback-only KRaft broker for local runs and tests. */
public final class BrokerConfig {

  /**
   * System properties with this prefix become broker properties without it, over the defaults here, e.g.
   * {@code -Dridemarket.kafka.config.log.retention.check.interval.ms=1000} for a test that must see retention run.
   */
  public static final String OVERRIDE_PREFIX = "ridemarket.kafka.config.";

  private final BrokerOptions options;

  public BrokerConfig(BrokerOptions options) {
    this.options = options;
  }

  /** The directory Kafka keeps its partitions and metadata log in. */
  public Path logDir() {
    return options.dataDir().resolve("kraft-logs");
  }

  /** Writes the properties to {@code <data dir>/server.properties} and returns that file. */
  public Path write() throws IOException {
    Path file = options.dataDir().resolve("server.properties");
    try (Writer out = Files.newBufferedWriter(file)) {
      properties().store(out, "written by BrokerMain on every start");
    }
    return file;
  }

  Properties properties() {
    String host = "127.0.0.1";
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@" + host + ":" + options.controllerPort());
    p.setProperty("listeners",
        "PLAINTEXT://" + host + ":" + options.port() + ",CONTROLLER://" + host + ":" + options.controllerPort());
    p.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + options.port());
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    p.setProperty("log.dirs", logDir().toString());
    p.setProperty("num.partitions", "1");
    p.setProperty("auto.create.topics.enable", "false");
    p.setProperty("min.insync.replicas", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    internalTopicsOnOneReplica(p);
    // A 128 MB default cleaner buffer would take a quarter of the small heap the broker runs with.
    p.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith(OVERRIDE_PREFIX))
        .forEach(name -> p.setProperty(name.substring(OVERRIDE_PREFIX.length()), System.getProperty(name)));
    return p;
  }

  // One broker: internal topics get one replica, and one partition each because creating the
  // default 50 offset partitions costs seconds on the first consumer group of a fresh run.
  private static void internalTopicsOnOneReplica(Properties p) {
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "1");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "1");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("share.coordinator.state.topic.num.partitions", "1");
  }
}
