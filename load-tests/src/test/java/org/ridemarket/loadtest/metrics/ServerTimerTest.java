package org.ridemarket.loadtest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Against a scrape of the real pricing-service's /q/metrics (its pricing_* and HTTP count lines). */
class ServerTimerTest {

  private static final ServerTimer FEATURES_READ = ServerTimer.of("pricing.features.read");
  private static final ServerTimer DEGRADED_QUOTES = new ServerTimer("pricing.quote.latency", Map.of("degraded", "true"));

  @Test
  void shouldReadTheServicesTimersFromItsMetrics() throws IOException {
    // given
    PrometheusText metrics = PrometheusText.parse(pricingServiceMetrics());

    // when
    TimerSnapshot read = FEATURES_READ.readFrom(metrics);
    TimerSnapshot quotes = DEGRADED_QUOTES.readFrom(metrics);

    // then
    assertThat(FEATURES_READ.prometheusName()).isEqualTo("pricing_features_read_seconds");
    assertThat(read.present()).isTrue();
    assertThat(read.p50()).isEqualTo(5.16096E-4);
    assertThat(read.p99()).isEqualTo(0.018866176);
    assertThat(read.p999()).isEqualTo(0.046129152);
    assertThat(read.max()).isEqualTo(0.144168383);
    assertThat(read.count()).isEqualTo(1740.0);
    assertThat(read.buckets()).containsEntry(0.001, 754.0).containsEntry(Double.POSITIVE_INFINITY, 1740.0);
    assertThat(quotes.p99()).isEqualTo(0.108986368);
    assertThat(quotes.count()).isEqualTo(1725.0);
    assertThat(quotes.max()).isEqualTo(2.124257215);
    assertThat(ServerTimer.of("pricing.no.such").readFrom(metrics).present()).isFalse();
  }

  @Test
  void shouldReportThePhaseFromTwoScrapes() {
    // given 100 reads before the phase and 1,000 more in it: 900 under 1 ms, 90 under 5.59 ms, 10 under 30 ms
    TimerSnapshot before = snapshot(100, 0.05, Map.of(0.001, 100.0, 0.005592405, 100.0, 0.03, 100.0));
    TimerSnapshot after = snapshot(1_100, 1.05, Map.of(0.001, 1_000.0, 0.005592405, 1_090.0, 0.03, 1_100.0));

    // then
    assertThat(after.bucketQuantileSince(before, 0.5)).isEqualTo(0.001);
    assertThat(after.bucketQuantileSince(before, 0.99)).isEqualTo(0.005592405);
    assertThat(after.bucketQuantileSince(before, 0.999)).isEqualTo(0.03);
    assertThat(after.lineSince(before)).isEqualTo("server pricing.features.read: p50 0.52 ms, p99 18.9 ms, "
        + "p99.9 46.1 ms, max 144 ms (service's window); this phase: 1000 timed, mean 1.00 ms, p50 <= 1.00 ms, "
        + "p99 <= 5.59 ms, p99.9 <= 30.0 ms");
  }

  @Test
  void shouldSayWhenATimerIsMissingOrIdle() {
    TimerSnapshot idle = snapshot(100, 0.05, Map.of());
    assertThat(idle.lineSince(idle)).isEqualTo("server pricing.features.read: none in this phase");
    TimerSnapshot missing = ServerTimer.of("pricing.model.inference").readFrom(PrometheusText.parse(""));
    assertThat(missing.lineSince(missing))
        .isEqualTo("server pricing.model.inference: not published (no pricing_model_inference_seconds in the metrics)");
    assertThat(DEGRADED_QUOTES.label()).isEqualTo("pricing.quote.latency{degraded=true}");
  }

  @Test
  void shouldPlaceAQuantileBeyondTheLastBoundAsSuch() {
    TimerSnapshot before = snapshot(0, 0, Map.of(0.03, 0.0, Double.POSITIVE_INFINITY, 0.0));
    TimerSnapshot after = snapshot(10, 400, Map.of(0.03, 0.0, Double.POSITIVE_INFINITY, 10.0));
    assertThat(after.bucketQuantileSince(before, 0.5)).isCloseTo(-0.03, within(1e-12));
    assertThat(after.lineSince(before)).endsWith("p50 > 30.0 ms, p99 > 30.0 ms, p99.9 > 30.0 ms");
  }

  private static TimerSnapshot snapshot(double count, double sum, Map<Double, Double> buckets) {
    return new TimerSnapshot(FEATURES_READ, count, sum, 5.2E-4, 0.018866176, 0.046129152, 0.144168383,
        new TreeMap<>(buckets));
  }

  private static String pricingServiceMetrics() throws IOException {
    try (InputStream in = ServerTimerTest.class.getResourceAsStream("/metrics/pricing-service.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
