package org.ridemarket.console.health;

import java.util.Map;

/**
 * One sample of one service, as the charts plot it. Numbers the service does not report are null.
 *
 * @param at when it was taken (epoch millis)
 * @param ready true when {@code /q/health/ready} answered 200, false otherwise, null when unreachable
 * @param readiness why not ready, or "UP"
 * @param models model name to version in service
 * @param decisionsPerSecond decisions answered per second since the previous sample
 * @param degradedShare share of them answered degraded
 * @param etaMaeSeconds ETA rolling MAE
 * @param etaCoverage ETA rolling p10-p90 coverage
 * @param freshnessP50 feature family to median freshness in seconds
 * @param freshnessP99 feature family to 99th-percentile freshness in seconds
 * @param consumerLag largest consumer records-lag
 */
public record ServiceSample(long at, Boolean ready, String readiness, Map<String, String> models,
    Double decisionsPerSecond, Double degradedShare, Double etaMaeSeconds, Double etaCoverage,
    Map<String, Double> freshnessP50, Map<String, Double> freshnessP99, Double consumerLag) {

  /** A sample from a readiness answer and a metrics reading, compared with the previous reading. */
  static ServiceSample of(long at, Boolean ready, String readiness, MetricsReading reading, MetricsReading previous,
      long previousAt) {
    if (reading == null) {
      return new ServiceSample(at, ready, readiness, Map.of(), null, null, null, null, Map.of(), Map.of(), null);
    }
    Double rate = previous == null || at <= previousAt ? null
        : Math.max(0, reading.answered() - previous.answered()) * 1000.0 / (at - previousAt);
    return new ServiceSample(at, ready, readiness, reading.models(), rate, reading.degradedShareSince(previous),
        finite(reading.etaMaeSeconds()), finite(reading.etaCoverage()), reading.freshnessP50(),
        reading.freshnessP99(), finite(reading.consumerLag()));
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
