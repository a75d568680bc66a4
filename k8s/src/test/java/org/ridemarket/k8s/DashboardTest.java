package org.ridemarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DashboardTest {

  private static final Path DASHBOARDS = Path.of("base/monitoring/dashboards");
  private static final List<String> SERVICES = List.of("feature-streams", "pricing-service", "eta-service",
      "fraud-service");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"feature-streams", "pricing-service", "eta-service", "fraud-service"})
  void shouldBeAGrafanaDashboardWhosePanelsAllQueryPrometheus(String service) throws IOException {
    // given the service's dashboard
    JsonNode dashboard = JSON.readTree(DASHBOARDS.resolve(service + ".json").toFile());

    // then it has an identity, a datasource variable, and panels that each query something
    assertThat(dashboard.path("uid").asText()).startsWith("ridemarket-");
    assertThat(dashboard.path("title").asText()).contains(service);
    assertThat(dashboard.path("schemaVersion").asInt()).isPositive();
    assertThat(names(dashboard.path("templating").path("list"))).contains("datasource", "namespace");
    assertThat(dashboard.path("panels")).isNotEmpty().allSatisfy(panel -> {
      assertThat(panel.path("title").asText()).isNotBlank();
      assertThat(panel.path("gridPos").path("w").asInt()).isPositive();
      assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
      assertThat(panel.path("targets")).isNotEmpty()
          .allSatisfy(target -> assertThat(target.path("expr").asText()).isNotBlank());
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"pricing-service", "eta-service", "fraud-service"})
  void shouldShowLatencyDegradedShareModelVersionFreshnessAndLag(String service) throws IOException {
    // given a decision service's dashboard
    JsonNode dashboard = JSON.readTree(DASHBOARDS.resolve(service + ".json").toFile());

    // then the five things the issue asks for each have a panel
    String titles = String.join("\n", titles(dashboard)).toLowerCase();
    assertThat(titles).contains("latency", "degraded", "model version", "freshness", "lag");
  }

  @Test
  void shouldOnlyQueryMetricsTheAppsPublish() throws IOException {
    // given every app metric any dashboard queries
    List<String> metrics = new ArrayList<>();
    for (String service : SERVICES) {
      JsonNode dashboard = JSON.readTree(DASHBOARDS.resolve(service + ".json").toFile());
      dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target ->
          metrics.addAll(MetricNames.appMetricsIn(target.path("expr").asText()))));
    }

    // then each is registered by one of the apps
    assertThat(metrics).isNotEmpty().allSatisfy(metric ->
        assertThat(MetricNames.published(metric)).as(metric + " is published by an app").isTrue());
  }

  @Test
  void shouldShipEveryDashboardToGrafanasSidecarUnchanged() throws IOException {
    // given the rendered prod overlay
    ConfigMap dashboards = Overlays.render("prod").named(ConfigMap.class, "grafana-dashboards");

    // then one labelled ConfigMap carries every dashboard file as it is committed
    assertThat(dashboards.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(dashboards.getData()).hasSize(SERVICES.size());
    for (String service : SERVICES) {
      assertThat(dashboards.getData().get(service + ".json"))
          .isEqualTo(Files.readString(DASHBOARDS.resolve(service + ".json")));
    }
  }

  private static List<String> names(JsonNode variables) {
    return StreamSupport.stream(variables.spliterator(), false).map(v -> v.path("name").asText()).toList();
  }

  private static List<String> titles(JsonNode dashboard) {
    return StreamSupport.stream(dashboard.path("panels").spliterator(), false).map(p -> p.path("title").asText()).toList();
  }
}
