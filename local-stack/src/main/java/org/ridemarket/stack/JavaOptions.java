package org.ridemarket.stack;

import java.util.List;

/** JVM options given in an environment variable ({@code KAFKA_BROKER_JAVA_OPTS}, {@code <APP>_JAVA_OPTS}). */
final class JavaOptions {

  private JavaOptions() {
  }

  /** The options of {@code value}, separated by whitespace; none for an unset or blank variable. */
  static List<String> of(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
  }
}
