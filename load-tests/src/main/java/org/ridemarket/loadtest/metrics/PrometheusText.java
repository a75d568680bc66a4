package org.ridemarket.loadtest.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The samples of a Prometheus text exposition (what a service's {@code /q/metrics} returns), enough
 * to read a few of its timers; comments and malformed lines are skipped, not fatal, so that a
 * metric the parser does not understand never spoils a load run.
 */
public final class PrometheusText {

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = List.copyOf(samples);
  }

  /** The samples of {@code text}; empty for null or blank text. */
  public static PrometheusText parse(String text) {
    List<Sample> samples = new ArrayList<>();
    if (text != null) {
      for (String line : text.split("\n")) {
        parseLine(line.strip()).ifPresent(samples::add);
      }
    }
    return new PrometheusText(samples);
  }

  /** Every sample, in the order of the text. */
  public List<Sample> samples() {
    return samples;
  }

  /** The first sample named {@code name} whose labels include all of {@code labels}. */
  public Optional<Sample> find(String name, Map<String, String> labels) {
    return samples.stream().filter(s -> s.name().equals(name) && s.hasLabels(labels)).findFirst();
  }

  static Optional<Sample> parseLine(String line) {
    if (line.isEmpty() || line.startsWith("#")) {
      return Optional.empty();
    }
    int nameEnd = 0;
    while (nameEnd < line.length() && line.charAt(nameEnd) != '{' && !Character.isWhitespace(line.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = line.substring(0, nameEnd);
    Map<String, String> labels = new LinkedHashMap<>();
    int i = nameEnd;
    if (i < line.length() && line.charAt(i) == '{') {
      i = parseLabels(line, i + 1, labels);
      if (i < 0) {
        return Optional.empty();
      }
    }
    String[] rest = line.substring(i).strip().split("\\s+");
    if (name.isEmpty() || rest.length == 0 || rest[0].isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Sample(name, labels, number(rest[0])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  // Reads key="value" pairs up to the closing brace; returns the index after it, or -1 if malformed.
  private static int parseLabels(String line, int from, Map<String, String> labels) {
    int i = from;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '}') {
        return i + 1;
      }
      if (c == ',' || Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int eq = line.indexOf('=', i);
      if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
        return -1;
      }
      String key = line.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      while (j < line.length() && line.charAt(j) != '"') {
        char v = line.charAt(j);
        if (v == '\\' && j + 1 < line.length()) {
          char escaped = line.charAt(++j);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(v);
        }
        j++;
      }
      if (j >= line.length()) {
        return -1;
      }
      labels.put(key, value.toString());
      i = j + 1;
    }
    return -1;
  }

  /** A number as Prometheus writes it in a label ({@code le}, {@code quantile}); NaN if it is none. */
  static double labelNumber(String text) {
    try {
      return number(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static double number(String text) {
    return switch (text) {
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  /**
   * One sample.
   *
   * @param name the metric name, e.g. {@code pricing_features_read_seconds_count}
   * @param labels its labels
   * @param value its value
   */
  public record Sample(String name, Map<String, String> labels, double value) {

    public Sample {
      labels = Map.copyOf(labels);
    }

    /** True when this sample carries every one of {@code wanted}. */
    public boolean hasLabels(Map<String, String> wanted) {
      return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
  }
}
