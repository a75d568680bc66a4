package org.ridemarket.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.model.PopulationStability;

class PrometheusRuleTest {

  private static final Path RULE = Path.of("base/monitoring/prometheusrule.yaml");
  private static final Path SCRAPE = Path.of("base/monitoring/scrape.yaml");

  @Test
  void shouldAlertOnEverySloOfTheIssue() throws IOException {
    // given the rule's alerts
    Map<String, Rule> alerts = alerts();

    // then latency per endpoint, degraded share, freshness, lag, dead letters and model readiness are covered
    assertThat(alerts).containsKeys("PricingQuoteP99OverBudget", "EtaRequestP99OverBudget", "FraudScoreP99OverBudget",
        "PricingDegradedShareHigh", "EtaDegradedShareHigh", "FraudDegradedShareHigh", "FeatureFreshnessStale",
        "FeatureStreamsConsumerLagHigh", "DeadLetterRateHigh", "DecisionServiceModelNotReady", "ModelNotServing",
        "PromisesRefused", "InputVolumeShift", "ModelFeatureDrift");
    assertThat(alerts.values()).allSatisfy(rule -> {
      assertThat(rule.getFor()).as(rule.getAlert() + " for").isNotBlank();
      assertThat(rule.getLabels()).as(rule.getAlert() + " severity").containsKey("severity");
      assertThat(rule.getAnnotations()).as(rule.getAlert() + " summary").containsKey("summary");
    });
  }

  @Test
  void shouldHoldEachDecisionToItsLatencyBudget() throws IOException {
    // given the latency alerts
    Map<String, Rule> alerts = alerts();

    // then each reads its service's own timer at p99 against the budget of DESIGN.md
    assertThat(expr(alerts, "PricingQuoteP99OverBudget")).contains("histogram_quantile(0.99")
        .contains("pricing_quote_latency_seconds_bucket").endsWith("> 0.005");
    assertThat(expr(alerts, "EtaRequestP99OverBudget")).contains("eta_request_latency_seconds_bucket").endsWith("> 0.010");
    assertThat(expr(alerts, "FraudScoreP99OverBudget")).contains("fraud_score_latency_seconds_bucket").endsWith("> 0.010");
  }

  @Test
  void shouldAlertOnFeatureDriftAtTheThresholdTheServicesUse() throws IOException {
    // given the drift alert
    String expr = expr(alerts(), "ModelFeatureDrift");

    // then it reads the serving core's PSI gauge per model and feature against the contract's threshold
    assertThat(expr).contains("serving_model_feature_psi").contains("by (namespace, model, feature)")
        .endsWith("> " + PopulationStability.ALERT_THRESHOLD);
  }

  @Test
  void shouldOnlyReadMetricsTheAppsPublish() throws IOException {
    // given every app metric the alerts read
    List<String> metrics = alerts().values().stream()
        .flatMap(rule -> MetricNames.appMetricsIn(rule.getExpr().getStrVal()).stream()).distinct().toList();

    // then each is registered by one of the apps
    assertThat(metrics).isNotEmpty().allSatisfy(metric ->
        assertThat(MetricNames.published(metric)).as(metric + " is published by an app").isTrue());
  }

  @Test
  void shouldScrapeEveryAppOnItsMetricsPath() throws IOException {
    // given the ServiceMonitors
    List<ServiceMonitor> monitors = Manifests.parse(Files.readString(SCRAPE)).stream()
        .filter(ServiceMonitor.class::isInstance).map(ServiceMonitor.class::cast).toList();

    // then each Quarkus app is scraped at /q/metrics
    assertThat(monitors).extracting(monitor -> monitor.getMetadata().getName())
        .contains("feature-streams", "pricing-service", "eta-service", "fraud-service", "otel-collector");
    assertThat(monitors).filteredOn(monitor -> !monitor.getMetadata().getName().equals("otel-collector"))
        .allSatisfy(monitor -> assertThat(monitor.getSpec().getEndpoints().get(0).getPath()).isEqualTo("/q/metrics"));
  }

  private static Map<String, Rule> alerts() throws IOException {
    List<HasMetadata> parsed = Manifests.parse(Files.readString(RULE));
    PrometheusRule rule = (PrometheusRule) parsed.get(0);
    return rule.getSpec().getGroups().stream().flatMap(group -> group.getRules().stream())
        .collect(Collectors.toMap(Rule::getAlert, Function.identity()));
  }

  private static String expr(Map<String, Rule> alerts, String alert) {
    return alerts.get(alert).getExpr().getStrVal().strip();
  }
}
