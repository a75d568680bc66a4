package org.ridemarket.archiver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * SQL over the raw zone through an in-process DuckDB: each archived topic is a view named after it with
 * dots as underscores ({@code rides.requests} is {@code rides_requests}, the undecodable records
 * {@code _undecodable}), over its committed Parquet files with the {@code date} partition as a column.
 * In-progress files ({@code .parquet.tmp}) are never read.
 */
final class ArchiveSql implements AutoCloseable {

  private final Connection connection;
  private final List<String> views = new ArrayList<>();

  ArchiveSql(Path root) throws SQLException {
    this.connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Stream<Path> topics = Files.list(root);
        Statement statement = connection.createStatement()) {
      for (Path dir : topics.sorted().toList()) {
        String name = dir.getFileName().toString();
        if (!name.startsWith("topic=") || !hasCommittedFiles(dir)) {
          continue;
        }
        String view = name.substring("topic=".length()).replace('.', '_').replace('-', '_');
        String glob = dir.toAbsolutePath() + "/date=*/*.parquet";
        statement.execute("CREATE VIEW \"" + view + "\" AS SELECT * FROM read_parquet('" + glob.replace("'", "''")
            + "', hive_partitioning = true, union_by_name = true)");
        views.add(view);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the raw zone " + root, e);
    }
  }

  // A topic whose first batch is still in progress has no view yet (DuckDB refuses a glob without files).
  private static boolean hasCommittedFiles(Path topicDir) throws IOException {
    if (!Files.isDirectory(topicDir)) {
      return false;
    }
    try (Stream<Path> files = Files.find(topicDir, 2,
        (path, attributes) -> attributes.isRegularFile() && path.getFileName().toString().endsWith(".parquet"))) {
      return files.findAny().isPresent();
    }
  }

  /** The views defined, one per archived topic. */
  List<String> views() {
    return List.copyOf(views);
  }

  /** Runs one statement and returns its rows (a statement without a result: an empty list). */
  List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement()) {
      if (statement.execute(sql)) {
        try (ResultSet result = statement.getResultSet()) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            List<Object> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
              row.add(result.getObject(i));
            }
            rows.add(row);
          }
        }
      }
    }
    return rows;
  }

  /** Runs one statement and prints its result as tab-separated lines with a header. */
  void print(String sql, PrintStream out) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (!statement.execute(sql)) {
        out.println("ok (" + statement.getUpdateCount() + ")");
        return;
      }
      try (ResultSet result = statement.getResultSet()) {
        ResultSetMetaData meta = result.getMetaData();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          header.add(meta.getColumnLabel(i));
        }
        out.println(String.join("\t", header));
        long rows = 0;
        while (result.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.add(String.valueOf(result.getObject(i)));
          }
          out.println(String.join("\t", row));
          rows++;
        }
        out.println("(" + rows + " rows)");
      }
    }
  }

  /**
   * Runs the statements of a script (ended by {@code ;} at the end of a line), printing each result; with
   * {@code prompt} set, shows it before each statement (the interactive prompt). A failed statement is
   * reported and the next one runs.
   */
  int runScript(BufferedReader in, PrintStream out, String prompt) throws IOException {
    int failures = 0;
    StringBuilder statement = new StringBuilder();
    if (prompt != null) {
      out.print(prompt);
      out.flush();
    }
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String trimmed = line.strip();
      if (statement.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
        if (prompt != null) {
          out.print(prompt);
          out.flush();
        }
        continue;
      }
      statement.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        failures += printReporting(statement.toString(), out);
        statement.setLength(0);
        if (prompt != null) {
          out.print(prompt);
          out.flush();
        }
      }
    }
    // a last statement without its semicolon still runs
    return statement.toString().isBlank() ? failures : failures + printReporting(statement.toString(), out);
  }

  private int printReporting(String statement, PrintStream out) {
    try {
      print(statement.strip(), out);
      return 0;
    } catch (SQLException e) {
      out.println("error: " + e.getMessage());
      return 1;
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
