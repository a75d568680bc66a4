package org.ridemarket.console.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final String PRICING = """
      # HELP serving_model_info The model version in service (always 1)
      # TYPE serving_model_info gauge
      serving_model_info{id="surge:1",model="surge"} 1.0
      # TYPE pricing_quote_latency_seconds summary
      pricing_quote_latency_seconds_count{degraded="false"} 90.0
      pricing_quote_latency_seconds_sum{degraded="false"} 0.4
      pricing_quote_latency_seconds_count{degraded="true"} 10.0
      pricing_quote_latency_seconds{degraded="true",quantile="0.99"} 0.02
      """;

  private static final String FEATURES = """
      feature_freshness_seconds{family="supply_demand",quantile="0.5"} 0.8
      feature_freshness_seconds{family="supply_demand",quantile="0.99"} 2.5
      feature_freshness_seconds{family="velocity",quantile="0.5"} 0.3
      kafka_consumer_fetch_manager_records_lag_max{client_id="a",kafka_version="4.1.1"} 12.0
      kafka_consumer_fetch_manager_records_lag_max{client_id="b",kafka_version="4.1.1"} NaN
      kafka_consumer_fetch_manager_records_lag_max{client_id="c\\"q",kafka_version="4.1.1"} 3.0
      eta_accuracy_mae_seconds NaN
      """;

  @Test
  void shouldReadLabelsValuesAndSkipComments() {
    PrometheusText text = PrometheusText.parse(PRICING);

    assertThat(text.all("serving_model_info")).singleElement().satisfies(sample -> {
      assertThat(sample.labels()).containsEntry("model", "surge").containsEntry("id", "surge:1");
      assertThat(sample.value()).isEqualTo(1.0);
    });
    assertThat(text.sum("pricing_quote_latency_seconds_count", labels -> true)).hasValue(100.0);
    assertThat(text.names()).doesNotContain("#");
  }

  @Test
  void shouldReadModelsAndTheDegradedShareSinceTheLastScrape() {
    // given a scrape with 10 of 100 answers degraded, and an earlier one with 5 of 50
    MetricsReading now = MetricsReading.from(PrometheusText.parse(PRICING));
    MetricsReading before = new MetricsReading(java.util.Map.of(), 50, 5, Double.NaN, Double.NaN, java.util.Map.of(),
        java.util.Map.of(), Double.NaN);

    // then the model is read, and the share is that of the answers in between
    assertThat(now.models()).containsEntry("surge", "surge:1");
    assertThat(now.degradedShareSince(before)).isEqualTo(0.1);
    assertThat(now.degradedShareSince(now)).isNull();
  }

  @Test
  void shouldReadFreshnessPerFamilyAndTheLargestFiniteLag() {
    MetricsReading reading = MetricsReading.from(PrometheusText.parse(FEATURES));

    assertThat(reading.freshnessP50()).containsEntry("supply_demand", 0.8).containsEntry("velocity", 0.3);
    assertThat(reading.freshnessP99()).containsEntry("supply_demand", 2.5);
    assertThat(reading.consumerLag()).isEqualTo(12.0);
    assertThat(reading.etaMaeSeconds()).isNaN();
  }

  @Test
  void shouldSkipLinesItCannotRead() {
    PrometheusText text = PrometheusText.parse("broken{label=1} 3\nok 2\nnovalue\nbad{a=\"x\"} abc\n");

    assertThat(text.names()).containsExactly("ok");
  }

  @Test
  void shouldSayWhichChecksAreDown() {
    String body = """
        {"status":"DOWN","checks":[{"name":"models","status":"DOWN","data":{"reason":"no fraud model"}},
        {"name":"database","status":"UP"}]}""";

    assertThat(Readiness.downChecks(body)).isEqualTo("DOWN: models (no fraud model)");
    assertThat(Readiness.downChecks("not json")).isEqualTo("DOWN");
  }

  @Test
  void shouldParseOnlyTheMetricsItIsAskedFor() {
    // when only the freshness lines are parsed
    PrometheusText freshness = PrometheusText.parse(FEATURES, name -> name.equals("feature_freshness_seconds"));

    // then nothing else is kept, and the lines it keeps are read in full
    assertThat(freshness.names()).containsExactly("feature_freshness_seconds");
    assertThat(freshness.all("feature_freshness_seconds")).hasSize(3);
    // and what the console reads of a scrape is the same whether it parses all of it or only what it reads
    for (String scrape : new String[] {PRICING, FEATURES}) {
      assertThat(MetricsReading.from(PrometheusText.parse(scrape, MetricsReading::reads)))
          .isEqualTo(MetricsReading.from(PrometheusText.parse(scrape)));
    }
    assertThat(MetricsReading.reads("jvm_threads_live_threads")).isFalse();
  }
}
