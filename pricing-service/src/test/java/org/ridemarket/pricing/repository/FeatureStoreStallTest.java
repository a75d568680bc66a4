package org.ridemarket.pricing.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.pricing.FeatureHashes;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.redis.FeatureStore;
import org.ridemarket.service.redis.FeatureStoreException;
import org.ridemarket.stack.LocalStack;
import org.ridemarket.stack.LocalStackTestResource;

/** The feature store's fire-and-forget writes while Redis is paused. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class FeatureStoreStallTest {

  private static final String KEY = "ridemarket:test:written-while-stalled";

  @Inject
  FeatureStore store;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  void shouldSendNoWriteWhileRedisIsStalledSoThatNoBacklogIsAnsweredAtOnceWhenItReturns() throws Exception {
    LocalStack stack = LocalStackTestResource.shared();
    try (FeatureHashes hashes = new FeatureHashes(redisUrl)) {
      hashes.commands().del(KEY);
      stack.pauseRedis(true);
      try {
        // given a paused Redis that decisions keep asking until the feature store counts it stalled (1 s here)
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_500);
        while (System.nanoTime() < until) {
          store.read(List.of("features:sd:none"), Deadline.after(Duration.ofMillis(200))).subscribe()
              .with(answer -> { }, failure -> { });
          Thread.sleep(100);
        }
        assertThatThrownBy(() -> store.read(List.of("features:sd:none"), Deadline.after(Duration.ofMillis(200)))
            .await().atMost(Duration.ofSeconds(1)))
            .isInstanceOf(FeatureStoreException.class).hasMessageContaining("has answered nothing");

        // when decision state is written meanwhile
        store.writeLater(redis -> redis.set(KEY, "sent while stalled"));
      } finally {
        stack.pauseRedis(false);
      }

      // then, once Redis answers again, the write was never sent (it was state that may be lost)
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
          .untilAsserted(() -> store.read(List.of("features:sd:none"), Deadline.after(Duration.ofMillis(500)))
              .await().atMost(Duration.ofSeconds(1)));
      Thread.sleep(200);
      assertThat(hashes.commands().get(KEY)).isNull();

      // and writes go out again
      store.writeLater(redis -> redis.set(KEY, "sent"));
      await().atMost(Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(hashes.commands().get(KEY)).isEqualTo("sent"));
      hashes.commands().del(KEY);
    }
  }
}
