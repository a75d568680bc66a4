package org.ridemarket.importers;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did: rows read, rows imported, events emitted, and every bad row counted under its reason
 * (with the first few line numbers of each, to find them), plus a progress line every so many rows. A bad
 * row is never fatal: it is reported here and the import goes on.
 */
public final class ImportReport {

  private static final int EXAMPLES = 3;

  private final String source;
  private final PrintStream out;
  private final long progressEvery;
  private final long startNanos = System.nanoTime();
  private final Map<String, Long> badByReason = new TreeMap<>();
  private final Map<String, List<String>> examples = new TreeMap<>();
  private long rows;
  private long imported;

  /** A report on {@code out} with a progress line every {@code progressEvery} rows (0: none). */
  public ImportReport(String source, PrintStream out, long progressEvery) {
    this.source = source;
    this.out = out;
    this.progressEvery = progressEvery;
  }

  /** One row read and turned into events. */
  public void imported() {
    imported++;
    read();
  }

  /** One row read and refused: counted under its reason, with where it was. */
  public void bad(String where, String reason) {
    badByReason.merge(reason, 1L, Long::sum);
    List<String> seen = examples.computeIfAbsent(reason, r -> new ArrayList<>());
    if (seen.size() < EXAMPLES) {
      seen.add(where);
    }
    read();
  }

  public long rows() {
    return rows;
  }

  public long importedRows() {
    return imported;
  }

  public long badRows() {
    return rows - imported;
  }

  /** Bad rows per reason. */
  public Map<String, Long> badByReason() {
    return Map.copyOf(badByReason);
  }

  /** The summary: counts, rate, then one line per reason of bad rows with up to three places. */
  public void printSummary(long eventsEmitted) {
    double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    out.printf(Locale.ROOT, "%s: %,d rows read, %,d imported, %,d bad; %,d events in %.1f s (%,.0f rows/s, %,.0f events/s)%n",
        source, rows, imported, badRows(), eventsEmitted, seconds, rows / seconds, eventsEmitted / seconds);
    badByReason.forEach((reason, count) -> out.printf(Locale.ROOT, "  bad: %,d x %s (e.g. %s)%n", count, reason,
        String.join(", ", examples.get(reason))));
  }

  private void read() {
    rows++;
    if (progressEvery > 0 && rows % progressEvery == 0) {
      double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
      out.printf(Locale.ROOT, "%s: %,d rows, %,d imported, %,d bad, %,.0f rows/s%n", source, rows, imported,
          badRows(), rows / seconds);
    }
  }
}
