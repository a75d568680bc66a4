package org.ridemarket.stack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** A PrintStream whose lines a test can wait for. */
final class OutputLines {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  PrintStream stream() {
    return stream;
  }

  synchronized List<String> lines() {
    synchronized (bytes) {
      return Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    }
  }

  long count(Predicate<String> line) {
    return lines().stream().filter(line).count();
  }

  /** Waits until {@code count} lines match; fails with the output if they do not in time. */
  void await(Predicate<String> line, long count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count(line) < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " matching lines within " + timeout + "; output:\n"
            + String.join("\n", lines()));
      }
      Thread.sleep(20);
    }
  }
}
