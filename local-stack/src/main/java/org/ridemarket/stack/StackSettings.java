package org.ridemarket.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a stack keeps its state and which loopback ports its servers take: the documented fixed
 * ports for the local run, or free random ones for tests.
 */
public record StackSettings(
    Path stateDir,
    int kafkaPort,
    int kafkaControllerPort,
    int redisPort,
    int postgresPort,
    boolean keepKafkaData,
    Duration startTimeout,
    Map<String, String> kafkaConfig) {

  public static final int LOCAL_KAFKA_PORT = 19092;
  public static final int LOCAL_KAFKA_CONTROLLER_PORT = 19093;
  public static final int LOCAL_REDIS_PORT = 16379;
  public static final int LOCAL_POSTGRES_PORT = 15432;
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

  public StackSettings {
    stateDir = stateDir.toAbsolutePath().normalize();
    kafkaConfig = Map.copyOf(kafkaConfig);
  }

  /** Settings whose broker runs with the kafka-broker module's configuration unchanged. */
  public StackSettings(Path stateDir, int kafkaPort, int kafkaControllerPort, int redisPort, int postgresPort,
      boolean keepKafkaData, Duration startTimeout) {
    this(stateDir, kafkaPort, kafkaControllerPort, redisPort, postgresPort, keepKafkaData, startTimeout, Map.of());
  }

  /** These settings with broker properties over the kafka-broker module's, e.g. a quicker retention check. */
  public StackSettings withKafkaConfig(Map<String, String> config) {
    return new StackSettings(stateDir, kafkaPort, kafkaControllerPort, redisPort, postgresPort, keepKafkaData,
        startTimeout, config);
  }

  /** The local run's fixed, documented ports. */
  public static StackSettings localRun(Path stateDir) {
    return new StackSettings(stateDir, LOCAL_KAFKA_PORT, LOCAL_KAFKA_CONTROLLER_PORT,
        LOCAL_REDIS_PORT, LOCAL_POSTGRES_PORT, false, DEFAULT_START_TIMEOUT);
  }

  /** Ports that were free a moment ago, for tests that must not collide with a local run. */
  public static StackSettings randomPorts(Path stateDir) {
    int[] ports = freePorts(4);
    return new StackSettings(stateDir, ports[0], ports[1], ports[2], ports[3], false,
        DEFAULT_START_TIMEOUT);
  }

  Path kafkaDir() {
    return stateDir.resolve("kafka");
  }

  Path redisDir() {
    return stateDir.resolve("redis");
  }

  Path postgresDir() {
    return stateDir.resolve("postgres");
  }

  Path pidDir() {
    return stateDir.resolve("pids");
  }

  /** The ports of this stack that something else already listens on, e.g. "redis port 16379", or "". */
  String portsInUse() {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("kafka", kafkaPort);
    ports.put("kafka controller", kafkaControllerPort);
    ports.put("redis", redisPort);
    ports.put("postgres", postgresPort);
    return ports.entrySet().stream()
        .filter(port -> !isFree(port.getValue()))
        .map(port -> port.getKey() + " port " + port.getValue())
        .collect(Collectors.joining(", "));
  }

  /** Distinct ports on 127.0.0.1 that nothing listened on when asked (all held open while asking). */
  public static int[] freePorts(int count) {
    ServerSocket[] sockets = new ServerSocket[count];
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ports[i] = sockets[i].getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    } finally {
      for (ServerSocket socket : sockets) {
        closeQuietly(socket);
      }
    }
  }

  /** True if something can bind this port on 127.0.0.1 now. */
  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void closeQuietly(ServerSocket socket) {
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      // nothing listens on it any more either way
    }
  }
}
