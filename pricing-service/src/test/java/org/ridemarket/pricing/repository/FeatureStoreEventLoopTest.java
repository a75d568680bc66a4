package org.ridemarket.pricing.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.concurrent.EventExecutor;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.pricing.FeatureHashes;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.redis.FeatureStore;
import org.ridemarket.stack.LocalStackTestResource;

/** The feature store's connections live on the Vert.x event loops, one per loop (docs/adr/0037). */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class FeatureStoreEventLoopTest {

  private record Read(Thread calledOn, Thread completedOn, List<Map<String, String>> hashes) {
  }

  @Inject
  FeatureStore store;

  @Inject
  Vertx vertx;

  @ConfigProperty(name = "redis.url")
  String redisUrl;

  @Test
  void shouldReadOnTheCallingEventLoopsOwnConnectionAndCompleteOnThatLoop() throws Exception {
    // given a cell's hash in Redis
    String cell = FeatureHashes.cellOf(40.7484, -73.9857);
    try (FeatureHashes hashes = new FeatureHashes(redisUrl)) {
      hashes.busy(cell);
    }
    List<EventExecutor> loops = new ArrayList<>();
    vertx.nettyEventLoopGroup().forEach(loops::add);

    for (EventExecutor loop : loops) {
      // when each event loop reads it
      Read read = readOn(loop, SupplyDemandFeatures.redisKey(cell));

      // then the answer is read and completed on the loop that asked: no other thread is woken for it
      assertThat(read.completedOn()).isSameAs(read.calledOn());
      assertThat(read.hashes()).hasSize(1);
      assertThat(read.hashes().get(0)).isNotEmpty();
    }
    assertThat(loops).hasSizeGreaterThan(1);
  }

  // The loops connect at start-up in the background; a read before its connection is up fails at once.
  private Read readOn(EventExecutor loop, String key) throws Exception {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      CompletableFuture<Read> result = new CompletableFuture<>();
      loop.execute(() -> {
        Thread calledOn = Thread.currentThread();
        store.read(List.of(key), Deadline.after(Duration.ofSeconds(5))).subscribe().with(
            hashes -> result.complete(new Read(calledOn, Thread.currentThread(), hashes)),
            result::completeExceptionally);
      });
      try {
        return result.get(10, TimeUnit.SECONDS);
      } catch (ExecutionException notYet) {
        if (System.nanoTime() - giveUp > 0) {
          throw notYet;
        }
        Thread.sleep(50);
      }
    }
  }
}
