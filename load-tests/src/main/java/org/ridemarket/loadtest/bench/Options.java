package org.ridemarket.loadtest.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ridemarket.simulator.clock.Durations;

/**
 * The harness's command line: a sub-command ({@code bench}, {@code faults}, {@code swap}; {@code bench}
 * when omitted) and {@code --name value} (or {@code --name=value}) options. A typo must fail the run at
 * once rather than measure with a default, so every option read is remembered and the rest refused.
 */
public final class Options {

  private final String command;
  private final Map<String, String> values;
  private final List<String> args;
  private final Set<String> read = new TreeSet<>();

  private Options(String command, Map<String, String> values, List<String> args) {
    this.command = command;
    this.values = values;
    this.args = args;
  }

  /** Parses {@code args}; throws IllegalArgumentException naming a malformed one. */
  public static Options parse(String... args) {
    List<String> list = Arrays.asList(args);
    int i = 0;
    String command = "bench";
    if (!list.isEmpty() && !list.get(0).startsWith("--")) {
      command = list.get(0);
      i = 1;
    }
    Map<String, String> values = new LinkedHashMap<>();
    while (i < list.size()) {
      String arg = list.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new IllegalArgumentException("expected --option, got '" + arg + "'");
      }
      int equals = arg.indexOf('=');
      if (equals > 0) {
        values.put(arg.substring(2, equals), arg.substring(equals + 1));
        i++;
      } else if (i + 1 < list.size()) {
        values.put(arg.substring(2), list.get(i + 1));
        i += 2;
      } else {
        throw new IllegalArgumentException(arg + " needs a value");
      }
    }
    return new Options(command, values, List.copyOf(list));
  }

  /** The sub-command. */
  public String command() {
    return command;
  }

  /** The arguments as given, for the report. */
  public String commandLine() {
    return String.join(" ", args);
  }

  /** Text of {@code name}, or {@code fallback}. */
  public String text(String name, String fallback) {
    read.add(name);
    String value = values.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** A duration such as {@code 30s}, {@code 250ms}, {@code 2m}. */
  public Duration duration(String name, String fallback) {
    String text = text(name, fallback);
    try {
      Duration duration = Durations.parse(text);
      if (duration.isNegative()) {
        throw new IllegalArgumentException("negative");
      }
      return duration;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + name + ": not a duration: '" + text + "' (e.g. 30s, 250ms)");
    }
  }

  /** A whole number, at least 0. */
  public int integer(String name, int fallback) {
    return integers(name, Integer.toString(fallback)).get(0);
  }

  /** A comma-separated list of whole numbers, each at least 0. */
  public List<Integer> integers(String name, String fallback) {
    List<Integer> numbers = new ArrayList<>();
    for (String part : list(name, fallback)) {
      try {
        int number = Integer.parseInt(part);
        if (number < 0) {
          throw new NumberFormatException();
        }
        numbers.add(number);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + ": not a whole number: '" + part + "'");
      }
    }
    return numbers;
  }

  /** A comma-separated list, blanks dropped. */
  public List<String> list(String name, String fallback) {
    List<String> parts = Arrays.stream(text(name, fallback).split(",")).map(String::trim)
        .filter(part -> !part.isEmpty()).toList();
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("--" + name + ": needs at least one value");
    }
    return parts;
  }

  /** Throws naming every option given that nothing read: a typo would otherwise go unnoticed. */
  public void requireAllKnown() {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown option(s) for " + command + ": --" + String.join(", --", unknown)
          + " (known: --" + String.join(", --", read) + ")");
    }
  }
}
