package org.ridemarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class CollectorTest {

  private static final Path COLLECTOR = Path.of("base/otel/collector.yaml");

  @Test
  void shouldReceiveOtlpAndExportTracesToTheConfiguredBackend() throws IOException {
    // given the collector's configuration, as the ConfigMap carries it
    List<HasMetadata> resources = Manifests.parse(Files.readString(COLLECTOR));
    JsonNode config = new YAMLMapper().readTree(configMap(resources, "otel-collector-config").getData().get("config.yaml"));

    // then the traces pipeline takes OTLP and hands it to the backend named by the environment
    JsonNode traces = config.path("service").path("pipelines").path("traces");
    assertThat(names(traces.path("receivers"))).containsExactly("otlp");
    assertThat(names(traces.path("exporters"))).containsExactly("otlp/backend");
    assertThat(names(traces.path("processors"))).startsWith("memory_limiter").endsWith("batch");
    assertThat(config.path("exporters").path("otlp/backend").path("endpoint").asText())
        .isEqualTo("${env:OTLP_BACKEND_ENDPOINT}");
    assertThat(config.path("receivers").path("otlp").path("protocols").path("grpc").path("endpoint").asText())
        .endsWith(":4317");
    // and every component the pipeline names is defined
    for (String section : List.of("receivers", "processors", "exporters")) {
      assertThat(names(traces.path(section))).allSatisfy(name -> assertThat(config.path(section).has(name)).isTrue());
    }
    assertThat(configMap(resources, "otel-collector-backend").getData()).containsKeys("OTLP_BACKEND_ENDPOINT",
        "OTLP_BACKEND_INSECURE", "RIDEMARKET_REGION");
  }

  private static ConfigMap configMap(List<HasMetadata> resources, String name) {
    return resources.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
        .filter(map -> map.getMetadata().getName().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> names(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
