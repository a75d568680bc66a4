package org.ridemarket.loadtest.bench;

import java.time.Instant;
import java.util.List;

/**
 * The header of a report: what was run, when, where, and how busy the machine was at both ends.
 *
 * @param arguments the harness's arguments
 * @param started when the run started
 * @param ended when it ended
 * @param loadAtStart load average (1, 5, 15 min) at the start
 * @param loadAtEnd load average at the end
 * @param machine cores and CPU model
 */
public record RunInfo(String arguments, Instant started, Instant ended, String loadAtStart, String loadAtEnd,
    String machine) {

  /** The command that reproduces the run, from the repository root. */
  public String command() {
    return "mvn -B -q -pl load-tests -Pbench verify -Dbench.args=\"" + arguments + "\"";
  }

  /** The report's first lines: a title with the date, the command, the times, the machine and its load. */
  public List<String> header(String title) {
    return List.of("# " + title + ", " + started.toString().substring(0, 10), "",
        "- command (from the repository root, stack up): `" + command() + "`",
        "- run: " + started + " to " + ended + "; machine: " + machine,
        "- load average (1/5/15 min): " + loadAtStart + " at the start, " + loadAtEnd + " at the end");
  }
}
