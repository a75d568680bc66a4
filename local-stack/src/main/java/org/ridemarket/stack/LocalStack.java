package org.ridemarket.stack;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.ridemarket.contracts.topics.TopicCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka, Redis and PostgreSQL on 127.0.0.1, started together, healthy, with the contract's topics
 * created; closing it stops them in reverse order. The local run and the tests both use it.
 */
public final class LocalStack implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  private final StackSettings settings;
  private final PidFiles pidFiles;
  private final PostgresNode postgres;
  private final RedisNode redis;
  private final KafkaNode kafka;
  private final List<InfraNode> nodes;
  private StateDirLock lock;

  public LocalStack(StackSettings settings) {
    this.settings = settings;
    this.pidFiles = new PidFiles(settings.pidDir());
    this.postgres = new PostgresNode(settings.postgresDir(), settings.postgresPort(), pidFiles);
    this.redis = new RedisNode(settings.redisDir(), settings.redisPort(), pidFiles);
    this.kafka = new KafkaNode(settings.kafkaDir(), settings.kafkaPort(), settings.kafkaControllerPort(),
        settings.keepKafkaData(), pidFiles, settings.kafkaConfig());
    this.nodes = List.of(postgres, redis, kafka);
  }

  /** Starts a stack with these settings and returns it once everything is healthy. */
  public static LocalStack start(StackSettings settings) {
    LocalStack stack = new LocalStack(settings);
    stack.start();
    return stack;
  }

  /** Starts the servers in parallel and creates the topics; on failure stops what did start. */
  public synchronized void start() {
    Instant deadline = Instant.now().plus(settings.startTimeout());
    try {
      lock = StateDirLock.acquire(settings.stateDir());
      List<String> ended = pidFiles.endLeftovers();
      if (!ended.isEmpty()) {
        LOG.info("ended processes left by an earlier run: {}", String.join(", ", ended));
      }
      String taken = settings.portsInUse();
      if (!taken.isEmpty()) {
        throw new IllegalStateException("cannot start the local stack: already in use on 127.0.0.1: " + taken);
      }
      startAll(deadline);
      TopicCreator.ensure(kafka.bootstrapServers(), LocalTopics.all());
    } catch (IOException | RuntimeException e) {
      close();
      throw e instanceof IllegalStateException ise ? ise
          : new IllegalStateException("local stack failed to start: " + e.getMessage(), e);
    }
  }

  private void startAll(Instant deadline) {
    Map<InfraNode, CompletableFuture<Void>> starts = new LinkedHashMap<>();
    for (InfraNode node : nodes) {
      starts.put(node, CompletableFuture.runAsync(() -> startNode(node, deadline), runnable -> {
        Thread thread = new Thread(runnable, "start-" + node.name());
        thread.setDaemon(true);
        thread.start();
      }));
    }
    List<String> failures = new ArrayList<>();
    starts.forEach((node, start) -> {
      try {
        start.get();
      } catch (ExecutionException e) {
        failures.add(node.name() + ": " + e.getCause().getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add(node.name() + ": interrupted");
      }
    });
    if (!failures.isEmpty()) {
      throw new IllegalStateException("local stack not healthy within "
          + settings.startTimeout().toSeconds() + " s: " + String.join("; ", failures)
          + " (state and logs in " + settings.stateDir() + ")");
    }
  }

  private static void startNode(InfraNode node, Instant deadline) {
    try {
      long started = System.nanoTime();
      node.start(deadline);
      LOG.info("{} healthy in {} s", node.name(), String.format("%.1f", (System.nanoTime() - started) / 1e9));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Kills the Kafka broker with SIGKILL and starts it again on its data, for fault tests; returns once
   * it answers again.
   */
  public void killAndRestartKafka() {
    try {
      kafka.killAndRestart(Instant.now().plus(settings.startTimeout()));
    } catch (Exception e) {
      throw new IllegalStateException("kafka did not come back: " + e.getMessage(), e);
    }
  }

  /**
   * Kills Redis with SIGKILL and starts it again, empty (it keeps nothing on disk), for fault tests; returns
   * once it answers again.
   */
  public void killAndRestartRedis() {
    try {
      redis.killAndRestart(Instant.now().plus(settings.startTimeout()));
    } catch (Exception e) {
      throw new IllegalStateException("redis did not come back: " + e.getMessage(), e);
    }
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) PostgreSQL, every process of the server, for fault tests. */
  public void pausePostgres(boolean paused) {
    signalTree(postgres.handle(), paused);
  }

  /** Freezes (SIGSTOP) or thaws (SIGCONT) Redis, for fault tests. */
  public void pauseRedis(boolean paused) {
    signalTree(redis.handle(), paused);
  }

  private static void signalTree(ProcessHandle root, boolean stop) {
    List<String> command = new ArrayList<>(List.of("kill", stop ? "-STOP" : "-CONT", Long.toString(root.pid())));
    root.descendants().forEach(child -> command.add(Long.toString(child.pid())));
    try {
      int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (exit != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot signal " + root.pid() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling " + root.pid(), e);
    }
  }

  /**
   * Kafka, Redis and PostgreSQL as children a supervisor restarts when they crash, each on its data and
   * under the start timeout. Only the local run supervises them: a fault test wants a killed server to stay down.
   */
  List<Supervised> supervised() {
    return nodes.stream().map(node -> supervised(node, settings.startTimeout())).toList();
  }

  /** A server as a child a supervisor restarts, each restart under {@code startTimeout}. */
  static Supervised supervised(InfraNode node, java.time.Duration startTimeout) {
    return new SupervisedNode(node, startTimeout);
  }

  private record SupervisedNode(InfraNode node, java.time.Duration startTimeout) implements Supervised {

    @Override
    public String name() {
      return node.name();
    }

    @Override
    public ProcessHandle handle() {
      return node.handle();
    }

    @Override
    public CompletableFuture<String> exited() {
      return node.exited();
    }

    @Override
    public void restart() throws Exception {
      node.restart(Instant.now().plus(startTimeout));
    }

    @Override
    public void stop() {
      node.stop();
    }
  }

  /** Where the servers listen. */
  public StackEndpoints endpoints() {
    return new StackEndpoints(kafka.bootstrapServers(), redis.url(), "127.0.0.1", settings.postgresPort(),
        PostgresNode.DATABASE, PostgresNode.USER, PostgresNode.PASSWORD);
  }

  /** The settings the stack was started with. */
  public StackSettings settings() {
    return settings;
  }

  /** Stops Kafka, then Redis, then PostgreSQL; safe to call more than once. */
  @Override
  public synchronized void close() {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      InfraNode node = nodes.get(i);
      try {
        node.close();
      } catch (RuntimeException e) {
        LOG.warn("could not stop {} cleanly: {}", node.name(), e.getMessage());
      }
    }
    closeLock();
  }

  private void closeLock() {
    if (lock == null) {
      return;
    }
    try {
      lock.close();
    } catch (IOException e) {
      LOG.warn("could not release {}: {}", settings.stateDir(), e.getMessage());
    }
    lock = null;
  }
}
