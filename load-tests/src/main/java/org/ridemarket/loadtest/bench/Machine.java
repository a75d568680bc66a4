package org.ridemarket.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a report says about the machine: its cores and CPU model, and the load average at a moment. */
public final class Machine {

  private Machine() {
  }

  /** {@code 1.52 0.98 0.61} (1, 5 and 15 minutes), from {@code /proc/loadavg}; {@code ?} if unreadable. */
  public static String loadAverage() {
    try {
      return loadAverage(Files.readString(Path.of("/proc/loadavg")));
    } catch (IOException e) {
      return "?";
    }
  }

  static String loadAverage(String procLoadavg) {
    String[] fields = procLoadavg.trim().split("\\s+");
    return fields.length < 3 ? "?" : fields[0] + " " + fields[1] + " " + fields[2];
  }

  /** {@code 2 cores, Intel(R) Xeon(R) ...}: the cores this JVM may use and the CPU model. */
  public static String description() {
    String model = "unknown CPU";
    try {
      model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse(model);
    } catch (IOException e) {
      // Not Linux: the report says so.
    }
    // availableProcessors() would give the generator's own -XX:ActiveProcessorCount; count them all.
    long cores;
    try {
      cores = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("processor")).count();
    } catch (IOException e) {
      cores = Runtime.getRuntime().availableProcessors();
    }
    return cores + " cores, " + model;
  }
}
