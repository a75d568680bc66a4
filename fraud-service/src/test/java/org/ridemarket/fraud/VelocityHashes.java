package org.ridemarket.fraud;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import org.ridemarket.contracts.features.VelocityEntityType;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.features.VelocitySnapshot;

/** Writes velocity hashes into the test stack's Redis the way feature-streams does. */
public final class VelocityHashes implements AutoCloseable {

  /** Midtown, where the tests' payments are made. */
  public static final double LAT = 40.7549;
  public static final double LON = -73.9840;

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  public VelocityHashes(String redisUrl) {
    this.client = RedisClient.create(redisUrl);
    this.connection = client.connect();
  }

  /**
   * Writes an entity's vector: its latest payment {@code ago} before now at (lat, lon), with these window
   * counts and amounts, distinct cards/devices, running count and average.
   */
  public void write(VelocityEntityType type, String id, Duration ago, double lat, double lon, double count1m,
      double amount1m, double count1h, double amount1h, double count24h, double amount24h, double distinctCards,
      double distinctDevices, double paymentsSeen, double averageAmount) {
    long last = Instant.now().minus(ago).toEpochMilli();
    double[] values = {count1m, amount1m, count1h, amount1h, count24h, amount24h, distinctCards, distinctDevices,
        last, lat, lon, Double.NaN, Double.NaN, Double.NaN, paymentsSeen, averageAmount,
        count24h, amount24h, count24h, amount24h, 0, 0, 0};
    VelocitySnapshot snapshot = new VelocitySnapshot(type, id, last, values);
    commands().hset(VelocityFeatures.redisKey(type, id), snapshot.toRedisHash(System.currentTimeMillis()));
  }

  /**
   * Writes a merchant's vector (or a card's, with {@code type}): its latest payment {@code ago} before now, its
   * payments over 1, 7 and 30 days and the FRAUD labels that arrived for it over the same windows.
   */
  public void writeLabelFeedback(VelocityEntityType type, String id, Duration ago, double count24h, double count7d,
      double count30d, double fraud1d, double fraud7d, double fraud30d) {
    long last = Instant.now().minus(ago).toEpochMilli();
    double[] values = {0, 0, 0, 0, count24h, count24h * 2000, 1, 1, last, LAT, LON, Double.NaN, Double.NaN,
        Double.NaN, count30d, 2000, count7d, count7d * 2000, count30d, count30d * 2000, fraud1d, fraud7d, fraud30d};
    VelocitySnapshot snapshot = new VelocitySnapshot(type, id, last, values);
    commands().hset(VelocityFeatures.redisKey(type, id), snapshot.toRedisHash(System.currentTimeMillis()));
  }

  /** A regular rider: card, account and device paid once yesterday nearby, 40 payments seen, about 17 $ each. */
  public void regular(String card, String user, String device) {
    Duration ago = Duration.ofSeconds(80_000);
    write(VelocityEntityType.CARD, card, ago, LAT + 0.01, LON, 0, 0, 0, 0, 1, 1600, 1, 1, 40, 1700);
    write(VelocityEntityType.USER, user, ago, LAT + 0.01, LON, 0, 0, 0, 0, 1, 1600, 1, 1, 40, 1700);
    write(VelocityEntityType.DEVICE, device, ago, LAT + 0.01, LON, 0, 0, 0, 0, 1, 1600, 1, 1, 40, 1700);
  }

  /** A card probed twice within the last minute with small amounts, on a fresh account and device. */
  public void cardTesting(String card, String user, String device) {
    Duration ago = Duration.ofSeconds(20);
    write(VelocityEntityType.CARD, card, ago, LAT, LON, 2, 300, 2, 300, 2, 300, 1, 1, 2, 150);
    write(VelocityEntityType.USER, user, ago, LAT, LON, 2, 300, 2, 300, 2, 300, 1, 1, 2, 150);
    write(VelocityEntityType.DEVICE, device, ago, LAT, LON, 2, 300, 2, 300, 2, 300, 1, 1, 2, 150);
  }

  /** A regular rider whose card paid in Los Angeles ten minutes ago. */
  public void impossibleTravel(String card, String user, String device) {
    regular(card, user, device);
    write(VelocityEntityType.CARD, card, Duration.ofMinutes(10), 34.0522, -118.2437, 0, 0, 1, 1700, 2, 3300, 1, 1,
        41, 1700);
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
