package org.ridemarket.pricing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.contracts.geo.Cells;

/** Writes cells' feature hashes into the test stack's Redis the way feature-streams does. */
public final class FeatureHashes implements AutoCloseable {

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  public FeatureHashes(String redisUrl) {
    this.client = RedisClient.create(redisUrl);
    this.connection = client.connect();
  }

  /** The cell of a position. */
  public static String cellOf(double lat, double lon) {
    return Cells.cellOf(lat, lon);
  }

  /** Writes the cell's hash with these requests in 5 minutes and available drivers, written {@code age} ago. */
  public void write(String cell, double requests5m, double availableDrivers, Duration age) {
    Instant writtenAt = Instant.now().minus(age);
    SupplyDemandSnapshot snapshot = new SupplyDemandSnapshot(cell, writtenAt.toEpochMilli(),
        SurgeModelFixture.vector(requests5m, availableDrivers));
    commands().hset(SupplyDemandFeatures.redisKey(cell), snapshot.toRedisHash(writtenAt.toEpochMilli()));
  }

  /** Writes a fresh hash of a busy cell: 15 requests in 5 minutes for 6 drivers. */
  public void busy(String cell) {
    write(cell, 15, 6, Duration.ZERO);
  }

  /** Deletes the cell's hash. */
  public void delete(String cell) {
    commands().del(SupplyDemandFeatures.redisKey(cell));
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
