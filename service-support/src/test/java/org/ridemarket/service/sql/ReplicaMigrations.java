package org.ridemarket.service.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Replicas of one service starting at once on a database nobody has migrated yet, the way a first
 * deployment with two or more replicas starts, or the system tests' second pricing replica. Each
 * replica does what Quarkus does at start-up with the service's own Flyway configuration: create the
 * history table with its baseline when {@code quarkus.flyway.baseline-at-start} is on and the table is
 * missing, then migrate. Every round gets a new, empty schema standing in for a fresh database (the
 * stack's user may create schemas, not databases); the replicas are released together by a barrier.
 *
 * <p>With {@code baseline-on-migrate} alone a replica could see the history table another had just
 * created, still empty, and refuse to start ("Unable to baseline schema history table ... as it
 * already exists, and is empty"); this is what found it.
 */
public final class ReplicaMigrations {

  private final Configuration service;
  private final boolean baselineAtStart;
  private final String jdbcUrl;
  private final String user;
  private final String password;

  /** The replicas of the service under test: its Flyway bean's configuration and its datasource settings. */
  public static ReplicaMigrations of(Flyway service) {
    Config config = ConfigProvider.getConfig();
    return new ReplicaMigrations(service.getConfiguration(),
        config.getOptionalValue("quarkus.flyway.baseline-at-start", Boolean.class).orElse(false),
        config.getValue("quarkus.datasource.jdbc.url", String.class),
        config.getValue("quarkus.datasource.username", String.class),
        config.getValue("quarkus.datasource.password", String.class));
  }

  ReplicaMigrations(Configuration service, boolean baselineAtStart, String jdbcUrl, String user,
      String password) {
    this.service = service;
    this.baselineAtStart = baselineAtStart;
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  /** Starts {@code replicas} replicas together on a fresh schema, {@code rounds} times; all must come up migrated. */
  public void startTogether(int replicas, int rounds) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(replicas);
    try {
      for (int round = 0; round < rounds; round++) {
        String schema = "replica_race_" + round + "_" + Long.toHexString(System.nanoTime());
        execute("create schema " + schema);
        try {
          startRound(threads, schema, replicas, round);
        } finally {
          execute("drop schema " + schema + " cascade");
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private void startRound(ExecutorService threads, String schema, int replicas, int round) throws Exception {
    CyclicBarrier together = new CyclicBarrier(replicas);
    List<Future<?>> starts = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      starts.add(threads.submit(() -> {
        Flyway flyway = flyway(schema);
        together.await();
        if (baselineAtStart && !historyExists(schema)) {
          flyway.baseline();
        }
        flyway.migrate();
        return null;
      }));
    }
    List<String> failures = new ArrayList<>();
    for (Future<?> start : starts) {
      try {
        start.get(60, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        failures.add(e.getCause().toString());
      }
    }
    assertThat(failures).as("replicas that failed to start in round %d on a fresh schema", round).isEmpty();
    MigrationInfo[] pending = flyway(schema).info().pending();
    assertThat(pending).as("migrations left unapplied in round %d", round).isEmpty();
  }

  private Flyway flyway(String schema) {
    return Flyway.configure(service.getClassLoader()).configuration(service)
        .dataSource(jdbcUrl, user, password)
        .schemas(schema)
        .defaultSchema(schema)
        .load();
  }

  private boolean historyExists(String schema) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
         PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
      statement.setString(1, schema + "." + service.getTable());
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
         Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
