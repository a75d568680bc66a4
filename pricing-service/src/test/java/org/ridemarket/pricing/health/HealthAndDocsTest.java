package org.ridemarket.pricing.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ridemarket.pricing.QuoteApi;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.service.warmup.WarmupReadiness;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class HealthAndDocsTest {

  @Inject
  Vertx vertx;

  @Test
  void shouldBeReadyWithTheModelAndTheDatabase() throws InterruptedException {
    WarmupReadiness.awaitWarm(RestAssured.port, Duration.ofSeconds(60));
    given().when().get("/q/health/ready").then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.find { it.name == 'models' }.data.surge", equalTo("surge:test-1"))
        .body("checks.name", hasItem(containsString("PostgreSQL")));
  }

  @Test
  void shouldRehearseTheDecisionPathBeforeItIsReady() throws InterruptedException {
    Map<String, Object> warmUp = WarmupReadiness.awaitWarm(RestAssured.port, Duration.ofSeconds(60));

    // Every round of every step, none dropped or cut short; the service's own (quote) and the models' never
    // fail (the Redis read and the HTTP request may miss their time on a loaded machine while it starts).
    assertThat(warmUp).containsEntry("rounds", "20 of 20").doesNotContainKeys("dropped", "cut",
        "failures.quote", "failures.models");
  }

  @Test
  void shouldReportRedisInTheDependenciesGroup() {
    given().when().get("/q/health/group/dependencies").then()
        .statusCode(200)
        .body("checks.find { it.name == 'redis-features' }.status", equalTo("UP"));
  }

  @Test
  void shouldDocumentTheApi() {
    given().queryParam("format", "json").when().get("/q/openapi").then()
        .statusCode(200)
        .body(containsString("\"/quotes\""))
        .body(containsString("\"/quotes/{id}\""))
        .body(containsString("\"/surge\""));
  }

  @Test
  void shouldExposeQuoteMetrics() {
    QuoteApi.quote(QuoteApi.freshPickup());

    given().when().get("/q/metrics").then()
        .statusCode(200)
        .body(containsString("pricing_quote_latency_seconds_count{degraded=\"false\""))
        .body(containsString("pricing_features_read_seconds"))
        .body(containsString("pricing_journal_record_seconds_count"))
        .body(containsString("serving_outbox_relayed_total"));
  }

  @Test
  void shouldServeOnNettysEpollTransport() {
    QuoteApi.quote(QuoteApi.freshPickup());

    // The HTTP server and the PostgreSQL client (Vert.x) and the feature store's connection (Lettuce) run on
    // epoll, not Java NIO (docs/benchmarks/2026-12-05-native-transport.md, 2026-12-06-epoll-again.md).
    assertThat(vertx.isNativeTransportEnabled()).as("Vert.x on the native transport").isTrue();
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .anyMatch(name -> name.startsWith("lettuce-epollEventLoop"))
        .noneMatch(name -> name.startsWith("lettuce-nioEventLoop"));
  }
}
