package org.ridemarket.loadtest;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ridemarket.simulator.clock.Durations;

/**
 * What one load run does, read from system properties ({@code -Drate=500} on the Maven command line
 * reaches the simulation): the same settings for every endpoint's simulation.
 *
 * @param baseUrl the service under load ({@code baseUrl}, default http://127.0.0.1:8081)
 * @param metricsUrl its Prometheus endpoint ({@code metricsUrl}, default baseUrl + /q/metrics)
 * @param rates offered rates in requests per second, run one after the other ({@code rate}, e.g. 500 or
 *     500,1000; default 50, so that a run without arguments is gentle)
 * @param warmUp load at each rate before it is measured, excluded from the numbers ({@code warmup}, default 10s)
 * @param duration measured phase at each rate ({@code duration}, default 60s)
 * @param seed seed of the generated requests ({@code seed}, default 42)
 */
public record LoadSettings(URI baseUrl, URI metricsUrl, List<Integer> rates, Duration warmUp, Duration duration,
    long seed) {

  /** Highest rate accepted: well above what two cores can offer, low enough to catch a typo. */
  public static final int MAX_RATE = 20_000;

  public LoadSettings {
    rates = List.copyOf(rates);
    if (rates.isEmpty()) {
      throw new IllegalArgumentException("rate: at least one rate is needed");
    }
    if (warmUp.isNegative()) {
      throw new IllegalArgumentException("warmup: must not be negative, got " + warmUp);
    }
    if (duration.toSeconds() < 1) {
      throw new IllegalArgumentException("duration: at least 1s, got " + duration);
    }
  }

  /** The settings of this JVM's system properties. */
  public static LoadSettings fromSystemProperties() {
    return from(System::getProperty);
  }

  /** The settings {@code properties} gives; unset properties take their defaults. */
  public static LoadSettings from(UnaryOperator<String> properties) {
    String base = or(properties.apply("baseUrl"), "http://127.0.0.1:8081").replaceAll("/+$", "");
    URI baseUrl = URI.create(base);
    URI metricsUrl = URI.create(or(properties.apply("metricsUrl"), base + "/q/metrics"));
    return new LoadSettings(baseUrl, metricsUrl, rates(or(properties.apply("rate"), "50")),
        duration("warmup", or(properties.apply("warmup"), "10s")),
        duration("duration", or(properties.apply("duration"), "60s")),
        Long.parseLong(or(properties.apply("seed"), "42").trim()));
  }

  /** Whole seconds of the measured phase: Gatling injects by the second. */
  public long durationSeconds() {
    return duration.toSeconds();
  }

  /** Whole seconds of the warm-up. */
  public long warmUpSeconds() {
    return warmUp.toSeconds();
  }

  private static List<Integer> rates(String text) {
    List<Integer> rates = new ArrayList<>();
    for (String part : text.split(",")) {
      int rate;
      try {
        rate = Integer.parseInt(part.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("rate: not a whole number of requests per second: '" + part.trim() + "'");
      }
      if (rate < 1 || rate > MAX_RATE) {
        throw new IllegalArgumentException("rate: must be between 1 and " + MAX_RATE + " per second, got " + rate);
      }
      rates.add(rate);
    }
    return rates;
  }

  private static Duration duration(String property, String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": " + e.getMessage());
    }
  }

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
