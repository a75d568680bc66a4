package org.ridemarket.eta;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ridemarket.contracts.features.CongestionFeatures;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.routing.GeoPoint;

/** Writes cells' congestion hashes into the test stack's Redis the way feature-streams does. */
public final class CongestionHashes implements AutoCloseable {

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  public CongestionHashes(String redisUrl) {
    this.client = RedisClient.create(redisUrl);
    this.connection = client.connect();
  }

  /** Every cell within {@code k} cells of either point: more than a short route between them crosses. */
  public static List<String> around(GeoPoint a, GeoPoint b, int k) {
    Set<String> cells = new LinkedHashSet<>();
    cells.addAll(Cells.h3().gridDisk(Cells.cellOf(a.lat(), a.lon()), k));
    cells.addAll(Cells.h3().gridDisk(Cells.cellOf(b.lat(), b.lon()), k));
    return List.copyOf(cells);
  }

  /** Writes a fresh vector for each cell with this congestion index (15-minute speed over free flow). */
  public void congested(List<String> cells, double congestionIndex) {
    long now = System.currentTimeMillis();
    for (String cell : cells) {
      double[] values = new double[CongestionFeatures.NAMES.size()];
      Arrays.fill(values, Double.NaN);
      double freeFlow = 10.0;
      values[CongestionFeatures.indexOf(CongestionFeatures.FREE_FLOW_SPEED)] = freeFlow;
      values[CongestionFeatures.indexOf(CongestionFeatures.SPEED_15M)] = freeFlow * congestionIndex;
      values[CongestionFeatures.indexOf(CongestionFeatures.MOVING_PINGS_15M)] = 40;
      values[CongestionFeatures.indexOf(CongestionFeatures.CONGESTION_INDEX)] = congestionIndex;
      commands().hset(CongestionFeatures.redisKey(cell), new CongestionSnapshot(cell, now, values).toRedisHash(now));
    }
  }

  /** Writes a hash that does not parse: a feature field is not a number. */
  public void malformed(String cell) {
    commands().hset(CongestionFeatures.redisKey(cell), Map.of(CongestionFeatures.SPEED_5M, "fast",
        CongestionFeatures.EVENT_TIME_FIELD, "1", CongestionFeatures.UPDATED_AT_FIELD, "1"));
  }

  /** Deletes the cells' hashes. */
  public void delete(List<String> cells) {
    commands().del(cells.stream().map(CongestionFeatures::redisKey).toArray(String[]::new));
  }

  /** The synchronous commands, e.g. to pause Redis. */
  public RedisCommands<String, String> commands() {
    return connection.sync();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
