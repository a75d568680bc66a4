package org.ridemarket.models.oracle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;

/**
 * The independent check (ADR 0020): each cell's ride requests over 1, 5 and 15 minutes recounted with SQL in
 * DuckDB from the raw events, at the event time of the cell's Redis hash, and compared with the hash. No
 * topology code is involved: the events are decoded into a table and counted by a query. The topology counts
 * in 10-s buckets (a window ending at t covers the bucket holding t and those before it), so the query counts
 * the same buckets and must agree exactly; it also counts the plain windows (t - w, t] and (t - w + 10 s, t],
 * between which a bucketed count must lie.
 */
public final class RequestCountCheck {

  private static final long BUCKET_MILLIS = 10_000;
  private static final int[] WINDOW_BUCKETS = {6, 30, 90};
  private static final String[] FIELDS = {
      SupplyDemandFeatures.REQUESTS_1M, SupplyDemandFeatures.REQUESTS_5M, SupplyDemandFeatures.REQUESTS_15M};

  /**
   * @param cells supply/demand hashes checked
   * @param requests ride requests decoded into DuckDB
   * @param mismatches a line per field where Redis and the query disagree
   */
  public record Result(int cells, int requests, List<String> mismatches) {

    public boolean clean() {
      return mismatches.isEmpty();
    }

    @Override
    public String toString() {
      String shown = mismatches.isEmpty() ? "" : "\n  " + String.join("\n  ", mismatches.stream().limit(15).toList());
      return String.format("%d cells checked against %d requests in DuckDB: %d mismatches%s", cells, requests,
          mismatches.size(), shown);
    }
  }

  private RequestCountCheck() {
  }

  /** Checks every supply/demand hash in {@code redis} (as {@link FeatureOracle#readRedis} reads it) with {@code events}. */
  public static Result check(List<EncodedEvent> events, Map<String, Map<String, String>> redis) {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement ddl = duck.createStatement()) {
        ddl.execute("CREATE TABLE requests (cell VARCHAR NOT NULL, event_time BIGINT NOT NULL)");
        ddl.execute("CREATE TABLE vectors (cell VARCHAR NOT NULL, t BIGINT NOT NULL,"
            + " r1 DOUBLE, r5 DOUBLE, r15 DOUBLE)");
      }
      int requests = loadRequests(duck, events);
      int cells = loadVectors(duck, redis);
      return new Result(cells, requests, mismatches(duck));
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB check failed: " + e.getMessage(), e);
    }
  }

  private static int loadRequests(Connection duck, List<EncodedEvent> events) throws SQLException {
    int loaded = 0;
    try (PreparedStatement insert = duck.prepareStatement("INSERT INTO requests VALUES (?, ?)")) {
      for (EncodedEvent event : events) {
        if (!event.topic().equals(Topics.RIDE_REQUESTS.name())) {
          continue;
        }
        RideRequested request;
        try {
          request = Topics.RIDE_REQUESTS.valueSerde().deserializer().deserialize(event.topic(), event.value());
        } catch (RuntimeException undecodable) {
          continue; // a dead letter, never counted
        }
        insert.setString(1, request.getPickupCell());
        insert.setLong(2, request.getEventTime().toEpochMilli());
        insert.addBatch();
        loaded++;
      }
      insert.executeBatch();
    }
    return loaded;
  }

  private static int loadVectors(Connection duck, Map<String, Map<String, String>> redis) throws SQLException {
    int loaded = 0;
    try (PreparedStatement insert = duck.prepareStatement("INSERT INTO vectors VALUES (?, ?, ?, ?, ?)")) {
      for (Map.Entry<String, Map<String, String>> hash : redis.entrySet()) {
        if (!hash.getKey().startsWith(SupplyDemandFeatures.REDIS_KEY_PREFIX)) {
          continue;
        }
        Map<String, String> fields = hash.getValue();
        insert.setString(1, hash.getKey().substring(SupplyDemandFeatures.REDIS_KEY_PREFIX.length()));
        insert.setLong(2, Long.parseLong(fields.get(SupplyDemandFeatures.EVENT_TIME_FIELD)));
        for (int i = 0; i < FIELDS.length; i++) {
          insert.setDouble(3 + i, Double.parseDouble(fields.get(FIELDS[i])));
        }
        insert.addBatch();
        loaded++;
      }
      insert.executeBatch();
    }
    return loaded;
  }

  private static List<String> mismatches(Connection duck) throws SQLException {
    StringBuilder select = new StringBuilder("SELECT v.cell, v.t, v.r1, v.r5, v.r15");
    for (int buckets : WINDOW_BUCKETS) {
      select.append(String.format(
          ", count(r.cell) FILTER (WHERE r.bucket > v.b - %1$d) AS bucketed_%1$d"
              + ", count(r.cell) FILTER (WHERE r.event_time > v.t - %2$d) AS outer_%1$d"
              + ", count(r.cell) FILTER (WHERE r.event_time > v.t - %3$d) AS inner_%1$d",
          buckets, buckets * BUCKET_MILLIS, (buckets - 1) * BUCKET_MILLIS));
    }
    // a vector at t counts what its task had read when it went out: events at or before t
    select.append(" FROM (SELECT cell, t, r1, r5, r15, t // ").append(BUCKET_MILLIS).append(" AS b FROM vectors) v")
        .append(" LEFT JOIN (SELECT cell, event_time, event_time // ").append(BUCKET_MILLIS)
        .append(" AS bucket FROM requests) r ON r.cell = v.cell AND r.event_time <= v.t AND r.bucket > v.b - 90")
        .append(" GROUP BY v.cell, v.t, v.b, v.r1, v.r5, v.r15 ORDER BY v.cell");
    List<String> mismatches = new ArrayList<>();
    try (Statement query = duck.createStatement(); ResultSet rows = query.executeQuery(select.toString())) {
      while (rows.next()) {
        for (int i = 0; i < WINDOW_BUCKETS.length; i++) {
          long redis = Math.round(rows.getDouble(3 + i));
          long bucketed = rows.getLong("bucketed_" + WINDOW_BUCKETS[i]);
          long outer = rows.getLong("outer_" + WINDOW_BUCKETS[i]);
          long inner = rows.getLong("inner_" + WINDOW_BUCKETS[i]);
          if (redis != bucketed || redis < inner || redis > outer) {
            mismatches.add(String.format("%s %s at %d: redis %d, SQL %d in its buckets (plain windows %d..%d)",
                rows.getString("cell"), FIELDS[i], rows.getLong("t"), redis, bucketed, inner, outer));
          }
        }
      }
    }
    return mismatches;
  }
}
