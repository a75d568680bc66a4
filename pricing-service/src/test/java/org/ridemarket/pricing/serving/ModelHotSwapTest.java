package org.ridemarket.pricing.serving;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.model.ModelArtifactLayout;
import org.ridemarket.pricing.FeatureHashes;
import org.ridemarket.pricing.QuoteApi;
import org.ridemarket.pricing.SurgeModelFixture;
import org.ridemarket.stack.LocalStackTestResource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Hot swap under load: a newly published version is verified and taken while quotes flow, a corrupt
 * one is refused with the old version still serving, an admin rolls back to a named version and
 * shadows a candidate beside it; no quote fails throughout.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(HotSwapStore.class)
class ModelHotSwapTest {

  private static final String ADMIN_KEY = "test-admin-key";

  @Test
  void shouldSwapRefuseAndRollBackModelsWhileQuotesFlowWithoutOneFailing() throws Exception {
    // given quotes flowing for a busy cell, served by surge:test-1
    double[] pickup = QuoteApi.freshPickup();
    try (FeatureHashes hashes = new FeatureHashes(ConfigProvider.getConfig().getValue("redis.url", String.class))) {
      hashes.busy(FeatureHashes.cellOf(pickup[0], pickup[1]));
    }
    assertInService("surge:test-1");
    AtomicBoolean flowing = new AtomicBoolean(true);
    List<Integer> statuses = new CopyOnWriteArrayList<>();
    Map<String, Boolean> versionsSeen = new ConcurrentHashMap<>();
    CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
      while (flowing.get()) {
        var response = QuoteApi.post(QuoteApi.body(pickup)).extract();
        statuses.add(response.statusCode());
        if (response.statusCode() == 201) {
          versionsSeen.put(response.path("modelVersion"), true);
        }
      }
    });

    // when a new version is published to the store, it is verified and taken without a restart
    SurgeModelFixture.publish(HotSwapStore.root, "surge", "test-2", SupplyDemandFeatures.NAMES);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertInService("surge:test-2"));

    // when an admin names a corrupt version, it is refused and test-2 keeps serving
    SurgeModelFixture.publish(HotSwapStore.root, "surge", "test-3", SupplyDemandFeatures.NAMES);
    Files.write(ModelArtifactLayout.onnxFile(HotSwapStore.root, "surge", "test-3"), new byte[] {1, 2, 3},
        StandardOpenOption.APPEND);
    given().header("X-Admin-Key", ADMIN_KEY).queryParam("version", "test-3")
        .when().post("/admin/models/surge/activate")
        .then().statusCode(409).body("title", equalTo("model refused; surge:test-2 stays in service"));
    assertInService("surge:test-2");

    // when an admin rolls back to test-1, it is pinned there; a caller without the key cannot swap
    given().header("X-Admin-Key", ADMIN_KEY).queryParam("version", "test-1")
        .when().post("/admin/models/surge/activate")
        .then().statusCode(200).body("inService", equalTo("surge:test-1"));
    given().header("X-Admin-Key", "not-the-key").queryParam("version", "test-2")
        .when().post("/admin/models/surge/activate").then().statusCode(403);
    Thread.sleep(1000);
    assertInService("surge:test-1");

    // when an admin shadows test-2 (trained alike) on every quote, it is compared off the request path and agrees
    given().header("X-Admin-Key", ADMIN_KEY).queryParam("version", "test-2").queryParam("sample", "1")
        .when().post("/admin/models/surge/shadow")
        .then().statusCode(200).body("shadow", equalTo("surge:test-2")).body("inService", equalTo("surge:test-1"));
    await().atMost(Duration.ofSeconds(20)).until(() -> shadow().get("compared") instanceof Number compared
        && compared.longValue() >= 20);
    assertThat(((Number) shadow().get("agreement")).doubleValue()).isEqualTo(1.0);
    assertInService("surge:test-1");
    // a corrupt candidate or a bad sample is refused, and the running shadow stays
    given().header("X-Admin-Key", ADMIN_KEY).queryParam("version", "test-3")
        .when().post("/admin/models/surge/shadow").then().statusCode(409);
    given().header("X-Admin-Key", ADMIN_KEY).queryParam("version", "test-2").queryParam("sample", "2")
        .when().post("/admin/models/surge/shadow").then().statusCode(400).body("errors[0].field", equalTo("sample"));
    given().header("X-Admin-Key", ADMIN_KEY).when().delete("/admin/models/surge/shadow")
        .then().statusCode(200).body("stopped.candidate", equalTo("surge:test-2"));
    given().header("X-Admin-Key", ADMIN_KEY).when().delete("/admin/models/surge/shadow").then().statusCode(404);
    flowing.set(false);
    load.get();

    // then every quote was given, by both versions
    assertThat(statuses).isNotEmpty().allSatisfy(status -> assertThat(status).isEqualTo(201));
    assertThat(versionsSeen).containsKeys("surge:test-1", "surge:test-2");
  }

  private static io.restassured.path.json.JsonPath shadow() {
    return given().header("X-Admin-Key", ADMIN_KEY).when().get("/admin/models").then().statusCode(200)
        .extract().jsonPath().setRootPath("surge.shadow");
  }

  private static void assertInService(String id) {
    given().when().get("/q/health/ready").then()
        .body("checks.find { it.name == 'models' }.data.surge", equalTo(id));
  }
}
