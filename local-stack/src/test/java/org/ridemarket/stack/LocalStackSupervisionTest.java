package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher ({@code ./stack}) restarts Kafka, Redis and PostgreSQL when they crash, and one of them on request. */
class LocalStackSupervisionTest {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(60);

  @TempDir
  Path stateDir;

  @Test
  void shouldRestartKilledServersOnTheirDataAndOneMoreOnRequest() throws Exception {
    // given a running launcher, and a table with a row in PostgreSQL
    int[] ports = StackSettings.freePorts(4);
    LauncherProcess launcher = LauncherProcess.start(List.of("--no-apps", "--state-dir", stateDir.toString(),
        "--kafka-port", Integer.toString(ports[0]), "--kafka-controller-port", Integer.toString(ports[1]),
        "--redis-port", Integer.toString(ports[2]), "--postgres-port", Integer.toString(ports[3])));
    try {
      launcher.awaitReady(READY_TIMEOUT);
      String jdbc = "jdbc:postgresql://127.0.0.1:" + ports[3] + "/" + PostgresNode.DATABASE;
      sql(jdbc, "create table promise (id text primary key); insert into promise values ('q-1')");
      Map<String, Long> before = pids();
      // a broker killed before it wrote a new partition's topic id would set that partition aside as stray
      awaitPartitionMetadata(stateDir.resolve("kafka/kraft-logs"));

      // when each server is killed with SIGKILL, as a crash would end it
      for (String server : List.of("kafka", "redis", "postgres")) {
        ProcessHandle.of(before.get(server)).orElseThrow().destroyForcibly();
      }

      // then each is restarted and logged, and answers again; PostgreSQL kept its data
      for (String server : List.of("kafka", "redis", "postgres")) {
        launcher.awaitLine(line -> line.startsWith("[stack] " + server + " exited"), RESTART_TIMEOUT);
        launcher.awaitLine(line -> line.startsWith("[stack] restarted " + server + " (pid "), RESTART_TIMEOUT);
      }
      assertThat(sql(jdbc, "select id from promise")).isEqualTo("q-1");
      assertThat(ping(ports[2])).isEqualTo("PONG");
      assertKafkaAnswers(ports[0]);
      Map<String, Long> after = pids();
      assertThat(after).allSatisfy((server, pid) -> assertThat(pid).as(server).isNotEqualTo(before.get(server)));

      // and a restart asked from another process (./stack restart redis) goes through the running launcher
      LauncherProcess restart = LauncherProcess.start(List.of("restart", "redis", "--state-dir", stateDir.toString()));
      assertThat(restart.awaitExit(RESTART_TIMEOUT)).as(restart.output()).isZero();
      assertThat(restart.output()).contains("[stack] restarted redis (pid ");
      assertThat(pids().get("redis")).isNotEqualTo(after.get("redis"));
      assertThat(ping(ports[2])).isEqualTo("PONG");
    } finally {
      launcher.process().toHandle().destroy();
    }

    // and a SIGTERM still stops everything, restarted servers included
    assertThat(launcher.awaitExit(Duration.ofSeconds(60))).as(launcher.output()).isEqualTo(143);
    assertThat(StackProcesses.using(stateDir)).isEmpty();
    assertThat(Arrays.stream(ports).filter(port -> !StackSettings.isFree(port))).isEmpty();
    assertThat(launcher.output()).doesNotContain("Exception");
  }

  private static void awaitPartitionMetadata(Path logDir) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      List<Path> partitions;
      try (var dirs = Files.list(logDir)) {
        partitions = dirs.filter(dir -> dir.getFileName().toString().matches(".*-\\d+")).toList();
      }
      if (!partitions.isEmpty()
          && partitions.stream().allMatch(dir -> Files.exists(dir.resolve("partition.metadata")))) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("kafka wrote no partition.metadata in " + logDir);
      }
      Thread.sleep(100);
    }
  }

  private Map<String, Long> pids() throws Exception {
    Map<String, Long> pids = new java.util.HashMap<>();
    for (String server : List.of("kafka", "redis", "postgres")) {
      pids.put(server, Long.parseLong(Files.readAllLines(stateDir.resolve("pids/" + server + ".pid")).get(0).trim()));
    }
    return pids;
  }

  private static String sql(String jdbc, String statements) throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbc, PostgresNode.USER, PostgresNode.PASSWORD);
         Statement statement = connection.createStatement()) {
      if (!statement.execute(statements)) {
        return null;
      }
      try (ResultSet result = statement.getResultSet()) {
        return result.next() ? result.getString(1) : null;
      }
    }
  }

  private static String ping(int port) {
    RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return connection.sync().ping();
    } finally {
      client.shutdown();
    }
  }

  private static void assertKafkaAnswers(int port) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port))) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("rides.requests");
    }
  }
}
