package org.ridemarket.console.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/** The samples of a Prometheus text exposition (what {@code /q/metrics} answers), parsed just enough to read. */
public final class PrometheusText {

  private final List<Sample> samples;

  private PrometheusText(List<Sample> samples) {
    this.samples = samples;
  }

  /** Parses {@code text}; comment lines and lines it cannot read are skipped. */
  public static PrometheusText parse(String text) {
    return parse(text, name -> true);
  }

  /**
   * Parses the samples of {@code text} whose metric name passes {@code names}; the other lines are passed over
   * without being split or copied (a scrape of feature-streams is 2 MB, of which the console reads a few lines).
   */
  public static PrometheusText parse(String text, Predicate<String> names) {
    List<Sample> samples = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String name = nameAt(text, start, end);
      if (name != null && names.test(name)) {
        Sample sample = parseLine(text.substring(start, end).strip());
        if (sample != null) {
          samples.add(sample);
        }
      }
      start = end + 1;
    }
    return new PrometheusText(samples);
  }

  // The metric name of the line text[start, end), or null for a blank or comment line.
  private static String nameAt(String text, int start, int end) {
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    if (start == end || text.charAt(start) == '#') {
      return null;
    }
    int i = start;
    while (i < end && text.charAt(i) != '{' && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return text.substring(start, i);
  }

  /** Every sample of metric {@code name}. */
  public List<Sample> all(String name) {
    return samples.stream().filter(sample -> sample.name().equals(name)).toList();
  }

  /** The sum of {@code name}'s samples whose labels pass {@code labels}; empty if there is none. */
  public OptionalDouble sum(String name, Predicate<Map<String, String>> labels) {
    List<Sample> matching = all(name).stream().filter(sample -> labels.test(sample.labels())).toList();
    return matching.isEmpty() ? OptionalDouble.empty()
        : OptionalDouble.of(matching.stream().mapToDouble(Sample::value).sum());
  }

  /** The largest finite value of {@code name}'s samples whose labels pass {@code labels}. */
  public OptionalDouble max(String name, Predicate<Map<String, String>> labels) {
    return all(name).stream().filter(sample -> labels.test(sample.labels())).mapToDouble(Sample::value)
        .filter(Double::isFinite).max();
  }

  /** The names of every metric present. */
  public List<String> names() {
    return samples.stream().map(Sample::name).distinct().toList();
  }

  private static Sample parseLine(String line) {
    int brace = line.indexOf('{');
    int space;
    String name;
    Map<String, String> labels = new LinkedHashMap<>();
    if (brace >= 0 && brace < line.indexOf(' ')) {
      name = line.substring(0, brace);
      int close = parseLabels(line, brace + 1, labels);
      if (close < 0) {
        return null;
      }
      space = close + 1;
    } else {
      space = line.indexOf(' ');
      if (space < 0) {
        return null;
      }
      name = line.substring(0, space);
    }
    String[] rest = line.substring(space).strip().split("\\s+");
    try {
      return new Sample(name, labels, parseValue(rest[0]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // Returns the index of the closing brace, or -1 if the label set is malformed.
  private static int parseLabels(String line, int start, Map<String, String> labels) {
    int i = start;
    while (i < line.length()) {
      if (line.charAt(i) == '}') {
        return i;
      }
      int equals = line.indexOf('=', i);
      if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
        return -1;
      }
      String key = line.substring(i, equals).strip();
      StringBuilder value = new StringBuilder();
      int j = equals + 2;
      for (; j < line.length() && line.charAt(j) != '"'; j++) {
        char c = line.charAt(j);
        if (c == '\\' && j + 1 < line.length()) {
          char next = line.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
      }
      if (j >= line.length()) {
        return -1;
      }
      labels.put(key, value.toString());
      i = j + 1;
      if (i < line.length() && line.charAt(i) == ',') {
        i++;
      }
    }
    return -1;
  }

  private static double parseValue(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  /** One sample: metric name, labels, value. */
  public record Sample(String name, Map<String, String> labels, double value) {
  }
}
