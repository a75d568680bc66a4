package org.ridemarket.features.congestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.CongestionFeatures;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.features.redis.ForwardOnlyRedisWriter;
import org.ridemarket.stack.LocalStackTestResource;

/** Forward-only writes of congestion vectors against the real Redis of the local stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class CongestionRedisWriterTest {

  /** Tierra del Fuego: no event of the running app is there. */
  private static final String CELL = Cells.cellOf(-54.8019, -68.3030);

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  private RedisClient client;
  private RedisCommands<String, String> redis;

  @BeforeEach
  void connect() {
    client = RedisClient.create(redisUrl);
    redis = client.connect().sync();
    redis.del(CongestionFeatures.redisKey(CELL));
  }

  @AfterEach
  void disconnect() {
    client.shutdown();
  }

  @Test
  void shouldIgnoreAReplayedOlderVectorOfACell() {
    try (CongestionRedisWriter writer = new CongestionRedisWriter(client, Duration.ofMinutes(30),
        Duration.ofSeconds(5))) {
      // given the cell's vector of the sweep at 90 s
      assertThat(writer.write(List.of(vector(90_000, 9.0))).applied()).hasSize(1);

      // when the vectors of the two sweeps before are replayed, and the latest one is redelivered
      ForwardOnlyRedisWriter.Writes<CongestionSnapshot> writes = writer.write(List.of(vector(30_000, 3.0),
          vector(60_000, 6.0), vector(90_000, 9.0)));

      // then nothing moved back (the redelivered one only confirmed itself), and the next sweep's vector applies
      assertThat(writes.applied()).isEmpty();
      assertThat(writes.confirmed()).containsExactly(vector(90_000, 9.0));
      assertThat(stored()).isEqualTo(vector(90_000, 9.0));
      assertThat(writer.write(List.of(vector(120_000, 12.0))).applied()).hasSize(1);
      assertThat(stored()).isEqualTo(vector(120_000, 12.0));
    }
  }

  @Test
  void shouldWriteTheContractsLayoutWithNanForMissingValuesAndTheTtl() {
    try (CongestionRedisWriter writer = new CongestionRedisWriter(client, Duration.ofMinutes(30),
        Duration.ofSeconds(5))) {
      writer.write(List.of(vector(30_000, 7.0)));

      String key = CongestionFeatures.redisKey(CELL);
      assertThat(key).isEqualTo("features:cong:" + CELL);
      assertThat(redis.hkeys(key)).containsExactlyInAnyOrderElementsOf(concat(CongestionFeatures.NAMES,
          CongestionFeatures.EVENT_TIME_FIELD, CongestionFeatures.UPDATED_AT_FIELD));
      assertThat(redis.hget(key, CongestionFeatures.FREE_FLOW_SPEED)).isEqualTo("NaN");
      assertThat(redis.hget(key, CongestionFeatures.SPEED_5M)).isEqualTo("7.0");
      assertThat(redis.pttl(key)).isGreaterThan(Duration.ofMinutes(29).toMillis())
          .isLessThanOrEqualTo(Duration.ofMinutes(30).toMillis());
    }
  }

  private static List<String> concat(List<String> names, String... more) {
    List<String> all = new ArrayList<>(names);
    all.addAll(Arrays.asList(more));
    return all;
  }

  private CongestionSnapshot stored() {
    return CongestionSnapshot.fromRedisHash(CELL, redis.hgetall(CongestionFeatures.redisKey(CELL)));
  }

  /** A cell's vector at a sweep: drivers at {@code speed}, no free-flow speed learned yet, no trip. */
  private static CongestionSnapshot vector(long eventTime, double speed) {
    double[] values = new double[CongestionFeatures.NAMES.size()];
    Arrays.fill(values, Double.NaN);
    values[CongestionFeatures.indexOf(CongestionFeatures.SPEED_5M)] = speed;
    values[CongestionFeatures.indexOf(CongestionFeatures.MOVING_PINGS_5M)] = 4;
    values[CongestionFeatures.indexOf(CongestionFeatures.SPEED_15M)] = speed;
    values[CongestionFeatures.indexOf(CongestionFeatures.MOVING_PINGS_15M)] = 4;
    values[CongestionFeatures.indexOf(CongestionFeatures.FREE_FLOW_WEIGHT)] = 4;
    values[CongestionFeatures.indexOf(CongestionFeatures.CONGESTION_INDEX)] = 1.0;
    values[CongestionFeatures.indexOf(CongestionFeatures.TRIPS_15M)] = 0;
    values[CongestionFeatures.indexOf(CongestionFeatures.TRIPS_60M)] = 0;
    return new CongestionSnapshot(CELL, eventTime, values);
  }
}
