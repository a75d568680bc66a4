package org.ridemarket.features.velocity;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.VelocityEntityType;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.features.VelocitySnapshot;
import org.ridemarket.features.redis.ForwardOnlyRedisWriter;
import org.ridemarket.stack.LocalStackTestResource;

/** Forward-only writes of velocity vectors against the real Redis of the local stack. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class VelocityRedisWriterTest {

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  private RedisClient client;
  private RedisCommands<String, String> redis;
  private String card;

  @BeforeEach
  void connect() {
    client = RedisClient.create(redisUrl);
    redis = client.connect().sync();
    // no payment of the running app has this fingerprint
    card = "test-" + UUID.randomUUID();
  }

  @AfterEach
  void disconnect() {
    client.shutdown();
  }

  @Test
  void shouldIgnoreAReplayedOlderVectorOfAnEntity() {
    try (VelocityRedisWriter writer = new VelocityRedisWriter(client, Duration.ofHours(25), Duration.ofSeconds(5))) {
      // given the card's vector after its third payment
      assertThat(writer.write(List.of(vector(card, 3_000, 3))).applied()).hasSize(1);

      // when the vectors of its first two payments are replayed, and the third one is redelivered
      ForwardOnlyRedisWriter.Writes<VelocitySnapshot> writes = writer.write(List.of(vector(card, 1_000, 1),
          vector(card, 2_000, 2), vector(card, 3_000, 3)));

      // then nothing moved back (the redelivered one only confirmed itself), and the next payment's vector applies
      assertThat(writes.applied()).isEmpty();
      assertThat(writes.confirmed()).containsExactly(vector(card, 3_000, 3));
      assertThat(stored(card)).isEqualTo(vector(card, 3_000, 3));
      assertThat(writer.write(List.of(vector(card, 4_000, 4))).applied()).hasSize(1);
      assertThat(stored(card)).isEqualTo(vector(card, 4_000, 4));
    }
  }

  @Test
  void shouldWriteTheContractsLayoutWithNanForMissingValues() {
    try (VelocityRedisWriter writer = new VelocityRedisWriter(client, Duration.ofHours(25), Duration.ofSeconds(5))) {
      writer.write(List.of(vector(card, 1_000, 1)));

      String key = VelocityFeatures.redisKey(VelocityEntityType.CARD, card);
      assertThat(key).isEqualTo("features:vel:card:" + card);
      assertThat(redis.hkeys(key)).containsExactlyInAnyOrderElementsOf(concat(VelocityFeatures.ENTITY_VALUES,
          VelocityFeatures.EVENT_TIME_FIELD, VelocityFeatures.UPDATED_AT_FIELD));
      assertThat(redis.hget(key, VelocityFeatures.PREV_PAYMENT_TIME)).isEqualTo("NaN");
      assertThat(redis.pttl(key)).isGreaterThan(Duration.ofHours(24).toMillis());
    }
  }

  private static List<String> concat(List<String> names, String... more) {
    List<String> all = new ArrayList<>(names);
    all.addAll(Arrays.asList(more));
    return all;
  }

  private VelocitySnapshot stored(String id) {
    return VelocitySnapshot.fromRedisHash(VelocityEntityType.CARD, id,
        redis.hgetall(VelocityFeatures.redisKey(VelocityEntityType.CARD, id)));
  }

  /** A card's vector after {@code payments} payments of 10.00, the first one with no predecessor. */
  private static VelocitySnapshot vector(String id, long eventTime, int payments) {
    double[] values = new double[VelocityFeatures.ENTITY_VALUES.size()];
    Arrays.fill(values, payments);
    values[VelocityFeatures.indexOf(VelocityFeatures.AMOUNT_1M)] = payments * 1_000.0;
    values[VelocityFeatures.indexOf(VelocityFeatures.LAST_PAYMENT_TIME)] = eventTime;
    values[VelocityFeatures.indexOf(VelocityFeatures.PREV_PAYMENT_TIME)] =
        payments == 1 ? Double.NaN : eventTime - 1_000;
    return new VelocitySnapshot(VelocityEntityType.CARD, id, eventTime, values);
  }
}
