package org.ridemarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PromQL checked by Prometheus' own tool where it is installed (Debian's prometheus package has it):
 * every alert and every dashboard query parses, and the alerts fire, or stay silent, on the series of
 * src/test/resources/prometheusrule-test.yaml. Skipped, saying so, without promtool.
 */
class PromtoolTest {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> DASHBOARDS = List.of("feature-streams", "pricing-service", "eta-service",
      "fraud-service");

  @TempDir
  Path work;

  @Test
  void shouldParseEveryAlertAndDashboardQuery() throws Exception {
    // given the rule's groups and the dashboards' queries as recording rules
    Path rules = writeRules(false);
    Path queries = work.resolve("dashboards.yaml");
    ArrayNode records = YAML.createArrayNode();
    for (String service : DASHBOARDS) {
      JsonNode dashboard = JSON.readTree(Path.of("base/monitoring/dashboards", service + ".json").toFile());
      for (JsonNode panel : dashboard.path("panels")) {
        for (JsonNode target : panel.path("targets")) {
          records.addObject().put("record", "dashboard:" + service.replace('-', '_') + ":" + panel.path("id").asInt()
              + target.path("refId").asText()).put("expr", target.path("expr").asText().replace("$namespace", "ridemarket"));
        }
      }
    }
    ObjectNode file = YAML.createObjectNode();
    file.putArray("groups").addObject().put("name", "dashboards").set("rules", records);
    YAML.writeValue(queries.toFile(), file);

    // when promtool checks them, then it finds no error
    assertThat(promtool("check", "rules", rules.toString(), queries.toString())).contains("SUCCESS");
  }

  @Test
  void shouldFireTheAlertsOnTheirTestSeriesAndNoOthers() throws Exception {
    // given the rules beside the unit-test file
    writeRules(true);
    Files.copy(Path.of("src/test/resources/prometheusrule-test.yaml"), work.resolve("test.yaml"));

    // when promtool runs the unit tests, then every expected alert fired and no unexpected one did
    assertThat(promtool("test", "rules", work.resolve("test.yaml").toString())).contains("SUCCESS");
  }

  // The PrometheusRule's spec is a Prometheus rule file; annotations (with their templated values) are
  // left out for the unit tests, which then compare labels only.
  private Path writeRules(boolean withoutAnnotations) throws IOException {
    JsonNode spec = YAML.readTree(Path.of("base/monitoring/prometheusrule.yaml").toFile()).path("spec");
    if (withoutAnnotations) {
      spec.path("groups").forEach(group -> group.path("rules").forEach(rule -> ((ObjectNode) rule).remove("annotations")));
    }
    Path rules = work.resolve("rules.yaml");
    YAML.writeValue(rules.toFile(), spec);
    return rules;
  }

  private static String promtool(String... args) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("promtool");
    builder.command().addAll(List.of(args));
    Process process;
    try {
      process = builder.redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "promtool is not on the PATH: skipping the PromQL checks (apt-get install prometheus brings it)");
      throw e;
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
