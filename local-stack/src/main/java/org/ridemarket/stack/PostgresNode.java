package org.ridemarket.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL from zonky's embedded binaries on loopback, in a data directory created fresh on every
 * start, with the {@code ridemarket} database owned by the {@code ridemarket} user.
 */
final class PostgresNode implements InfraNode {

  static final String DATABASE = "ridemarket";
  static final String USER = "ridemarket";
  static final String PASSWORD = "ridemarket";
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final Path dataDir;
  private final int port;
  private final PidFiles pidFiles;
  private volatile EmbeddedPostgres postgres;
  private volatile Tether tether;

  PostgresNode(Path dataDir, int port, PidFiles pidFiles) {
    this.dataDir = dataDir;
    this.port = port;
    this.pidFiles = pidFiles;
  }

  @Override
  public String name() {
    return "postgres";
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  @Override
  public void start(Instant deadline) throws Exception {
    // pg_ctl daemonizes the postmaster, so a crashed run's server outlives it: end it first.
    postmaster().ifPresent(leftover -> ChildProcesses.stop(leftover, STOP_GRACE));
    Directories.delete(dataDir);
    launch(deadline);
    createDatabase();
    Readiness.await(name(), deadline, this::selectOne);
  }

  /** Starts the server again on its data directory: quotes and decisions recorded before the crash stay. */
  @Override
  public void restart(Instant deadline) throws Exception {
    postmaster().ifPresent(leftover -> ChildProcesses.stop(leftover, STOP_GRACE));
    launch(deadline);
    Readiness.await(name(), deadline, this::selectOne);
  }

  // zonky runs initdb when the directory has no postgresql.conf (start() deleted it; a restart keeps it).
  private void launch(Instant deadline) throws IOException {
    postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        // Never "clean": zonky's close() would delete the data directory, which a restart must keep;
        // start() empties it itself.
        .setCleanDataDirectory(false)
        .setPort(port)
        .setRegisterShutdownHook(false)
        .setPGStartupWait(Duration.between(Instant.now(), deadline))
        .setServerConfig("listen_addresses", "127.0.0.1")
        // No socket file in /tmp: a killed server's stale socket lock could block the next start.
        .setServerConfig("unix_socket_directories", "")
        // Data recreated on each start of the stack: surviving a machine crash (fsync) would only cost time.
        // A crash of the server alone, which the launcher restarts on this data, loses no commit: WAL reaches
        // the OS before a commit returns (synchronous_commit=on, which zonky turns off by default), so a
        // recorded promise stays.
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "off")
        .start();
    ProcessHandle postmaster = postmaster().orElseThrow(
        () -> new IllegalStateException("postgres started but wrote no postmaster.pid in " + dataDir));
    pidFiles.record(name(), postmaster);
    // SIGINT is PostgreSQL's fast shutdown: sessions are ended, nothing is left half-written.
    tether = Tether.tie(postmaster.pid(), "INT");
  }

  /**
   * Stops the server for a restart: a fast shutdown (SIGINT) of the postmaster, keeping the data
   * directory, which closing zonky's handle of a fresh start would delete.
   */
  @Override
  public void stop() {
    if (tether != null) {
      tether.close();
      tether = null;
    }
    try {
      postmaster().ifPresent(process -> {
        signal(process, "INT");
        ChildProcesses.stop(process, STOP_GRACE);
      });
      EmbeddedPostgres stopped = postgres;
      if (stopped != null) {
        // Releases zonky's lock on the data directory, which the next start takes; the server is already
        // gone, so its own pg_ctl stop can only fail (zonky logs that, quietly in the launcher).
        stopped.close();
        postgres = null;
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot stop postgres in " + dataDir, e);
    }
    pidFiles.remove(name());
  }

  private static void signal(ProcessHandle process, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
      process.onExit().get(STOP_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // ChildProcesses.stop below ends it the hard way
    }
  }

  private void createDatabase() throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
      statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
    }
  }

  private void selectOne() throws SQLException {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl());
    dataSource.setUser(USER);
    dataSource.setPassword(PASSWORD);
    try (Connection connection = dataSource.getConnection();
         Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery("select 1")) {
      result.next();
    }
  }

  /** The postmaster, whose children are the server's other processes. */
  @Override
  public ProcessHandle handle() {
    try {
      return postmaster().orElseThrow(() -> new IllegalStateException("postgres is not running"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read postmaster.pid: " + e.getMessage(), e);
    }
  }

  // The first line of postmaster.pid is the server's pid; the command line check makes sure a
  // recycled pid belonging to something else is never taken for it.
  private Optional<ProcessHandle> postmaster() throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    String firstLine = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
    if (firstLine.isBlank()) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(firstLine.trim()))
        .filter(ProcessHandle::isAlive)
        .filter(process -> process.info().commandLine().orElse("").contains(dataDir.toString()));
  }

  @Override
  public void close() {
    EmbeddedPostgres running = postgres;
    if (running == null) {
      return;
    }
    if (tether != null) {
      tether.close();
      tether = null;
    }
    try {
      Optional<ProcessHandle> postmaster = postmaster();
      if (postmaster.isPresent()) {
        running.close();
      }
      postmaster.ifPresent(process -> ChildProcesses.stop(process, STOP_GRACE));
    } catch (IOException e) {
      throw new IllegalStateException("cannot stop postgres in " + dataDir, e);
    }
    pidFiles.remove(name());
  }
}
