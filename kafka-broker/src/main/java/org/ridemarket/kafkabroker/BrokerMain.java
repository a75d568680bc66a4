package org.ridemarket.kafkabroker;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one Kafka broker in KRaft mode (broker and controller in one process) on loopback ports,
 * in a JVM of its own so that no service classpath ever contains Scala or broker jars.
 */
public final class BrokerMain {

  private BrokerMain() {
  }

  /** Usage: {@code --data-dir D --port P --controller-port C [--exit-on-stdin-eof]}. */
  public static void main(String[] args) throws Exception {
    BrokerOptions options = BrokerOptions.parse(args);
    Files.createDirectories(options.dataDir());
    // Must happen before the first logger is created, which is when log4j reads its configuration.
    configureLogging(options.dataDir());
    if (options.exitOnStdinEof()) {
      new ParentWatchdog(System.in).start();
    }
    BrokerConfig config = new BrokerConfig(options);
    Path serverProperties = config.write();
    new ClusterStorage(options.dataDir()).format(serverProperties);
    kafka.Kafka.main(new String[] {serverProperties.toString()});
  }

  private static void configureLogging(Path dataDir) {
    System.setProperty("ridemarket.kafka.log.dir", dataDir.toString());
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile",
          BrokerMain.class.getResource("/ridemarket-kafka-broker-log4j2.xml").toString());
    }
  }
}
