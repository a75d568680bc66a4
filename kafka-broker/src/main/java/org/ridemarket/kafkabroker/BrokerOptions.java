package org.ridemarket.kafkabroker;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the broker keeps its data and which loopback ports it listens on, from command-line
 * flags or, when a flag is absent, from {@code ridemarket.kafka.*} system properties.
 */
public record BrokerOptions(Path dataDir, int port, int controllerPort, boolean exitOnStdinEof) {

  /** Flag that tells the broker its parent holds its stdin and that EOF means the parent is gone. */
  public static final String EXIT_ON_STDIN_EOF = "--exit-on-stdin-eof";

  /** Parses {@code --data-dir D --port P --controller-port C [--exit-on-stdin-eof]}. */
  public static BrokerOptions parse(String[] args) {
    Map<String, String> flags = new HashMap<>();
    boolean exitOnEof = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(EXIT_ON_STDIN_EOF)) {
        exitOnEof = true;
      } else if (args[i].startsWith("--") && i + 1 < args.length) {
        flags.put(args[i].substring(2), args[++i]);
      } else {
        throw new IllegalArgumentException("unexpected argument: " + args[i]);
      }
    }
    return new BrokerOptions(
        Path.of(value(flags, "data-dir")).toAbsolutePath(),
        Integer.parseInt(value(flags, "port")),
        Integer.parseInt(value(flags, "controller-port")),
        exitOnEof);
  }

  private static String value(Map<String, String> flags, String name) {
    String value = flags.getOrDefault(name, System.getProperty("ridemarket.kafka." + name));
    if (value == null) {
      throw new IllegalArgumentException("missing --" + name + " (or -Dridemarket.kafka." + name + ")");
    }
    return value;
  }
}
