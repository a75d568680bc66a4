package org.ridemarket.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The apps' own metric names as Prometheus sees them, checked against the apps' sources: an alert or
 * a panel on a metric nobody publishes would stay silent forever.
 */
final class MetricNames {

  private static final List<Path> APP_SOURCES = Stream.of("feature-streams", "pricing-service", "eta-service",
      "fraud-service", "service-support").map(module -> Path.of("..", module, "src", "main", "java")).toList();
  private static final Pattern APP_METRIC = Pattern.compile("\\b((?:pricing|eta|fraud|feature|serving)_[a-z0-9_]+)");
  private static final Pattern DECISION_METRICS = Pattern.compile("new DecisionMetrics\\(registry, \"([a-z]+)\"");
  private static final Pattern PROMETHEUS_SUFFIX = Pattern.compile("(_seconds)?(_bucket|_count|_sum|_total|_max)?$");

  private MetricNames() {
  }

  /** The app metrics (pricing_, eta_, fraud_, feature_, serving_) an expression reads. */
  static Set<String> appMetricsIn(String expression) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = APP_METRIC.matcher(expression);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** Whether {@code prometheusName} is a meter some app registers (Micrometer dots become underscores). */
  static boolean published(String prometheusName) {
    String meter = PROMETHEUS_SUFFIX.matcher(prometheusName).replaceFirst("");
    String sources = Sources.TEXT;
    return sources.contains('"' + meter + '"') || sources.contains('"' + meter.replace('_', '.') + '"')
        || Sources.CORE_METERS.contains(meter.replace('_', '.'));
  }

  private static final class Sources {
    static final String TEXT = read();
    // The serving core's meters each decision service registers under its own prefix
    // (service-support's DecisionMetrics: new DecisionMetrics(registry, "pricing", ...)).
    static final Set<String> CORE_METERS = coreMeters(TEXT);

    private static String read() {
      return APP_SOURCES.stream().flatMap(MetricNames::javaFiles).map(MetricNames::content)
          .collect(Collectors.joining("\n"));
    }
  }

  private static Set<String> coreMeters(String sources) {
    Set<String> meters = new TreeSet<>();
    Matcher matcher = DECISION_METRICS.matcher(sources);
    while (matcher.find()) {
      // journal.record is registered at the first recorded promise, by the services that record them (pricing, fraud)
      for (String suffix : List.of("features.read", "model.inference", "journal.record", "degraded", "refused")) {
        meters.add(matcher.group(1) + "." + suffix);
      }
    }
    return meters;
  }

  private static Stream<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String content(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
