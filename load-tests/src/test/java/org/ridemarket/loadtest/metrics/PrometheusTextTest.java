package org.ridemarket.loadtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  @Test
  void shouldReadNamesLabelsAndValues() {
    // given
    PrometheusText text = PrometheusText.parse("""
        # HELP pricing_features_read_seconds One Redis read of a cell's features
        # TYPE pricing_features_read_seconds histogram
        pricing_features_read_seconds{quantile="0.5"} 5.16096E-4
        pricing_features_read_seconds_count 1740.0
        pricing_quote_latency_seconds_bucket{degraded="true",le="+Inf",} 1725.0 1700000000000
        http_server_requests_seconds_count{method="POST",uri="/quotes",outcome="SUCCESS",status="201"} 12
        odd{text="a \\"quoted\\", comma"} NaN
        """);

    // then
    assertThat(text.samples()).hasSize(5);
    assertThat(text.find("pricing_features_read_seconds", Map.of("quantile", "0.5")).orElseThrow().value())
        .isEqualTo(5.16096E-4);
    assertThat(text.find("pricing_features_read_seconds_count", Map.of()).orElseThrow().value()).isEqualTo(1740.0);
    assertThat(text.find("pricing_quote_latency_seconds_bucket", Map.of("le", "+Inf")).orElseThrow().labels())
        .isEqualTo(Map.of("degraded", "true", "le", "+Inf"));
    assertThat(text.find("http_server_requests_seconds_count", Map.of("status", "201")).orElseThrow().value())
        .isEqualTo(12.0);
    assertThat(text.find("odd", Map.of()).orElseThrow().labels()).containsEntry("text", "a \"quoted\", comma");
    assertThat(text.find("odd", Map.of()).orElseThrow().value()).isNaN();
  }

  @Test
  void shouldSkipWhatItCannotReadInsteadOfFailing() {
    PrometheusText text = PrometheusText.parse("""
        good 1
        no_value
        bad_value{a="b"} twelve
        unclosed{a="b 3
        {a="b"} 4
        good_too{a="b"} 2
        """);
    assertThat(text.samples()).extracting(PrometheusText.Sample::name).containsExactly("good", "good_too");
    assertThat(PrometheusText.parse(null).samples()).isEmpty();
  }
}
