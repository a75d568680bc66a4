package org.ridemarket.features.supplydemand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.features.redis.EarlyRedisWriter;
import org.ridemarket.features.redis.FeatureFamily;
import org.ridemarket.features.redis.ForwardOnlyRedisWriter;
import org.ridemarket.stack.LocalStackTestResource;

/** Forward-only writes against the real Redis of the local stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class SupplyDemandRedisWriterTest {

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  private RedisClient client;
  private RedisCommands<String, String> redis;
  private String cell;

  @BeforeEach
  void connect() {
    client = RedisClient.create(redisUrl);
    redis = client.connect().sync();
    // not a real cell: the running app's sink never writes this key
    cell = "test-" + UUID.randomUUID();
  }

  @AfterEach
  void disconnect() {
    client.shutdown();
  }

  @Test
  void shouldIgnoreOlderVectorsAndConfirmOneOfTheSameEventTime() {
    try (SupplyDemandRedisWriter writer = writer(Duration.ofMinutes(30))) {
      assertThat(writer.write(List.of(vector(2_000, 5))).applied()).hasSize(1);

      // a committed copy with the same event time (what an early write looks like to the sink), then an older one
      ForwardOnlyRedisWriter.Writes<SupplyDemandSnapshot> writes =
          writer.write(List.of(vector(2_000, 9), vector(1_000, 7)));

      // the copy replaces the stored vector without counting as new; the older one changes nothing
      assertThat(writes.applied()).isEmpty();
      assertThat(writes.confirmed()).containsExactly(vector(2_000, 9));
      assertThat(stored()).isEqualTo(vector(2_000, 9));
      assertThat(writer.write(List.of(vector(3_000, 1))).applied()).hasSize(1);
      assertThat(stored()).isEqualTo(vector(3_000, 1));
    }
  }

  @Test
  void shouldWriteEarlyOnlyForwardAndLetTheCommittedCopyReplaceAnEarlyOne() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (SupplyDemandRedisWriter writer = writer(Duration.ofMinutes(30));
         EarlyRedisWriter<SupplyDemandSnapshot> early = earlyWriter(redisUrl, 100, registry)) {
      // given a vector written early
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        early.write(vector(2_000, 5));
        return redis.exists(SupplyDemandFeatures.redisKey(cell)) == 1;
      });
      assertThat(stored()).isEqualTo(vector(2_000, 5));
      await().atMost(Duration.ofSeconds(10)).until(() -> early.inFlight() == 0);
      double staleBefore = earlyWrites(registry, "stale");

      // when another early vector of the same event time and an older one come
      early.write(vector(2_000, 9));
      early.write(vector(1_000, 1));
      await().atMost(Duration.ofSeconds(10)).until(() -> earlyWrites(registry, "stale") == staleBefore + 2);

      // then neither replaced it: only a later event time moves a hash forward early
      assertThat(stored()).isEqualTo(vector(2_000, 5));
      // and the committed copy of that event time replaces it, whatever a crash made the early one hold
      ForwardOnlyRedisWriter.Writes<SupplyDemandSnapshot> writes = writer.write(List.of(vector(2_000, 6)));
      assertThat(writes.confirmed()).containsExactly(vector(2_000, 6));
      assertThat(writes.applied()).isEmpty();
      assertThat(stored()).isEqualTo(vector(2_000, 6));
      // the vector was timed once, by the write that made it visible
      assertThat(registry.find("feature_freshness").tag("family", "supply_demand").timer().count())
          .isEqualTo((long) earlyWrites(registry, "applied"));
    }
  }

  @Test
  void shouldLeaveVectorsToTheSinkWhenTooManyEarlyWritesAwaitRedis() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (EarlyRedisWriter<SupplyDemandSnapshot> early = earlyWriter(redisUrl, 10, registry)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        early.write(new SupplyDemandSnapshot(cell + "-probe", 1_000, vector(1_000, 1).values()));
        return earlyWrites(registry, "applied") == 1;
      });
      await().atMost(Duration.ofSeconds(10)).until(() -> early.inFlight() == 0);
      double droppedBefore = earlyWrites(registry, "dropped");

      // when Redis holds every command for a second, and 50 vectors come
      redis.clientPause(1_000);
      for (int i = 0; i < 50; i++) {
        early.write(new SupplyDemandSnapshot(cell + "-" + i, 1_000, vector(1_000, i).values()));
      }

      // then 10 wait for Redis, and the stream thread was not held for the others: they are left to the sink
      assertThat(earlyWrites(registry, "dropped")).isEqualTo(droppedBefore + 40);
      await().atMost(Duration.ofSeconds(10)).until(() -> earlyWrites(registry, "applied") == 11);
      assertThat(early.inFlight()).isZero();
    }
  }

  @Test
  void shouldLeaveVectorsToTheSinkWhileRedisCannotBeReached() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    // a port nothing listens on
    try (EarlyRedisWriter<SupplyDemandSnapshot> early = earlyWriter("redis://127.0.0.1:1", 10, registry)) {
      for (int i = 0; i < 1_000; i++) {
        early.write(vector(1_000 + i, i));
      }

      assertThat(earlyWrites(registry, "dropped")).isEqualTo(1_000);
      assertThat(early.inFlight()).isZero();
    }
  }

  private static EarlyRedisWriter<SupplyDemandSnapshot> earlyWriter(String url, int maxInFlight,
      SimpleMeterRegistry registry) {
    return new EarlyRedisWriter<>(SupplyDemandRedisWriter.FAMILY, url, Duration.ofMinutes(30), Duration.ofSeconds(5),
        Duration.ofMillis(100), maxInFlight, registry);
  }

  private static double earlyWrites(SimpleMeterRegistry registry, String outcome) {
    return registry.find("feature_early_writes").tags("family", "supply_demand", "outcome", outcome).counter().count();
  }

  @Test
  void shouldEndAtTheNewestVectorWhateverTheReplayOrder() {
    try (SupplyDemandRedisWriter writer = writer(Duration.ofMinutes(30))) {
      List<SupplyDemandSnapshot> history = new ArrayList<>();
      for (int i = 1; i <= 50; i++) {
        history.add(vector(i * 1_000L, i));
      }
      writer.write(history);

      List<SupplyDemandSnapshot> replay = new ArrayList<>(history);
      Collections.shuffle(replay, new Random(42));
      for (SupplyDemandSnapshot vector : replay) {
        assertThat(writer.write(List.of(vector)).applied()).isEmpty();
      }

      assertThat(stored()).isEqualTo(vector(50_000, 50));
    }
  }

  @Test
  void shouldWriteOnAfterRedisLostItsScripts() {
    try (SupplyDemandRedisWriter writer = writer(Duration.ofMinutes(30))) {
      writer.write(List.of(vector(1_000, 1)));

      // what a restarted Redis looks like to the writer: no script
      redis.scriptFlush();
      assertThat(writer.write(List.of(vector(2_000, 2))).applied()).hasSize(1);
      assertThat(stored()).isEqualTo(vector(2_000, 2));
    }
  }

  @Test
  void shouldTellOnceThatRedisLostAFamilysHashes() {
    // a family of its own: the running app's sink keeps the supply/demand marker set
    FeatureFamily<SupplyDemandSnapshot> family = new FeatureFamily<>("writer_test_" + UUID.randomUUID(),
        SupplyDemandRedisWriter.FAMILY.topic(), SupplyDemandRedisWriter.FAMILY.decoder(),
        SupplyDemandRedisWriter.FAMILY.redisKey(), SupplyDemandRedisWriter.FAMILY.eventTime(),
        SupplyDemandRedisWriter.FAMILY.eventTimeField(), SupplyDemandRedisWriter.FAMILY.redisHash());
    try (ForwardOnlyRedisWriter<SupplyDemandSnapshot> writer =
             new ForwardOnlyRedisWriter<>(client, family, Duration.ofMinutes(30), Duration.ofSeconds(5))) {
      assertThat(writer.lostData()).as("a Redis that never held the family").isTrue();
      assertThat(writer.lostData()).isFalse();

      // what a Redis restarted without persistence, or flushed, looks like: the marker is gone
      redis.del(ForwardOnlyRedisWriter.markerKey(family));

      assertThat(writer.lostData()).isTrue();
      assertThat(writer.lostData()).isFalse();
    } finally {
      redis.del(ForwardOnlyRedisWriter.markerKey(family));
    }
  }

  @Test
  void shouldLetACellThatIsNoLongerRefreshedExpire() {
    try (SupplyDemandRedisWriter writer = writer(Duration.ofMillis(300))) {
      writer.write(List.of(vector(1_000, 1)));

      assertThat(redis.pttl(SupplyDemandFeatures.redisKey(cell))).isBetween(1L, 300L);
      await().atMost(Duration.ofSeconds(5)).until(() -> redis.exists(SupplyDemandFeatures.redisKey(cell)) == 0);
    }
  }

  @Test
  void shouldWriteABatchInOnePipeline() {
    try (SupplyDemandRedisWriter writer = writer(Duration.ofMinutes(30))) {
      writer.write(batch(1_000, 2_000));
      List<SupplyDemandSnapshot> batch = batch(2_000, 2_000);

      long started = System.nanoTime();
      List<SupplyDemandSnapshot> applied = writer.write(batch).applied();
      double millis = (System.nanoTime() - started) / 1e6;

      System.out.printf("[redis] %d forward-only upserts in one pipelined batch (after one warm-up batch):"
          + " %.1f ms (%.1f µs each)%n", batch.size(), millis, millis * 1000 / batch.size());
      assertThat(applied).hasSize(batch.size());
      assertThat(redis.hget(SupplyDemandFeatures.redisKey(cell + "-1999"), SupplyDemandFeatures.REQUESTS_1M))
          .isEqualTo("1999.0");
    }
  }

  private List<SupplyDemandSnapshot> batch(long eventTime, int cells) {
    List<SupplyDemandSnapshot> batch = new ArrayList<>();
    for (int i = 0; i < cells; i++) {
      batch.add(new SupplyDemandSnapshot(cell + "-" + i, eventTime, vector(eventTime, i).values()));
    }
    return batch;
  }

  private SupplyDemandRedisWriter writer(Duration ttl) {
    return new SupplyDemandRedisWriter(client, ttl, Duration.ofSeconds(5));
  }

  private SupplyDemandSnapshot stored() {
    return SupplyDemandSnapshot.fromRedisHash(cell, redis.hgetall(SupplyDemandFeatures.redisKey(cell)));
  }

  private SupplyDemandSnapshot vector(long eventTime, int requests) {
    // requests_1m, _5m, _15m, completed_trips_15m, available_drivers, the four ring sums, trend, the two ratios
    return new SupplyDemandSnapshot(cell, eventTime,
        new double[] {requests, requests, requests, 0, 1, 0, 0, 0, 0, 3.0, requests, 0});
  }
}
