package org.ridemarket.simulator.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import org.ridemarket.simulator.trips.MarketOutcome;

/**
 * Prints a progress line every few wall-clock seconds: the simulated clock, events per second by
 * topic (wall-time rate), the total, drivers online and open requests.
 */
public final class ProgressReporter {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private final PrintStream out;
  private final long intervalNanos;
  private final ZoneId zone;
  private long lastNanos;
  private long[] lastCounts;

  /** Prints to {@code out} every {@code interval} (zero: never), times shown in {@code zone}. */
  public ProgressReporter(PrintStream out, Duration interval, ZoneId zone) {
    this.out = out;
    this.intervalNanos = interval.toNanos();
    this.zone = zone;
    this.lastNanos = System.nanoTime();
  }

  /** Prints a line if the interval has passed; the snapshot is only taken then. */
  public void maybeReport(Supplier<Snapshot> snapshot) {
    if (intervalNanos <= 0) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastNanos < intervalNanos) {
      return;
    }
    Snapshot s = snapshot.get();
    double seconds = (now - lastNanos) / 1e9;
    StringBuilder line = new StringBuilder(200);
    line.append("[sim ").append(TIME.format(s.simTime().atZone(zone))).append("] events/s");
    for (int t = 0; t < s.topics().length; t++) {
      long previous = lastCounts == null ? 0 : lastCounts[t];
      line.append(' ').append(s.topics()[t]).append('=')
          .append(String.format(Locale.ROOT, "%,.0f", (s.eventsByTopic()[t] - previous) / seconds));
    }
    line.append(String.format(Locale.ROOT, " | total %,d | drivers online %d | open requests %d",
        s.totalEvents(), s.driversOnline(), s.openRequests()));
    out.println(line);
    lastNanos = now;
    lastCounts = s.eventsByTopic().clone();
  }

  /** The end-of-run summary. */
  public static String summary(Snapshot s, ZoneId zone, Duration wallTime) {
    StringBuilder text = new StringBuilder(800);
    double wallSeconds = Math.max(1e-3, wallTime.toNanos() / 1e9);
    text.append(String.format(Locale.ROOT, "== simulator summary: stopped at %s, wall time %.1f s, %,.0f events/s%n",
        TIME.format(s.simTime().atZone(zone)), wallSeconds, s.totalEvents() / wallSeconds));
    for (int t = 0; t < s.topics().length; t++) {
      text.append(String.format(Locale.ROOT, "   %-18s %,12d%n", s.topics()[t], s.eventsByTopic()[t]));
    }
    text.append(String.format(Locale.ROOT, "   %-18s %,12d%n", "total", s.totalEvents()));
    text.append(String.format(Locale.ROOT,
        "rides: requested %,d, completed %,d, cancelled %,d %s, price-declined %,d, still open %d%n",
        s.ridesRequested(), s.ridesCompleted(), s.ridesCancelled(), s.cancelledByReason(), s.priceDeclined(),
        s.openRequests()));
    text.append(String.format(Locale.ROOT, "market: %s%n", market(s.market())));
    text.append(String.format(Locale.ROOT,
        "trips: mean pickup wait %.0f s, mean duration %.0f s, mean distance %.0f m%n", s.meanPickupWaitSeconds(),
        s.meanTripSeconds(), s.meanTripMeters()));
    text.append(String.format(Locale.ROOT, "payments: %,d, fraud %,d (share %.4f)", s.payments(), s.fraudPayments(),
        s.fraudShare()));
    s.fraudByPattern().forEach((pattern, count) -> text.append(String.format(Locale.ROOT, ", %s %,d (%.4f)",
        pattern, count, s.payments() == 0 ? 0.0 : (double) count / s.payments())));
    text.append(String.format(Locale.ROOT, "%nchargeback labels not yet due: %,d%n", s.labelsPending()));
    if (s.window() != null) {
      MarketOutcome w = s.window();
      String from = TIME.format(Instant.ofEpochMilli(w.window().fromMillis()).atZone(zone));
      String to = w.window().open() ? "the end" : TIME.format(Instant.ofEpochMilli(w.window().toMillis()).atZone(zone));
      text.append(String.format(Locale.ROOT, "report window, rides requested %s to %s: requested %,d, "
          + "completed %,d, cancelled %,d %s, price-declined %,d%n", from, to, w.requested(), w.completed(),
          w.cancelled(), w.cancelledByReason(), w.priceDeclined()));
      text.append(String.format(Locale.ROOT, "   market: %s%n", market(w)));
    }
    return text.toString();
  }

  // Who got a driver, of those who asked and of all who were quoted a price, and how long they waited.
  private static String market(MarketOutcome m) {
    return String.format(Locale.ROOT, "%,d requests got a driver (%.1f%% of requests, %.1f%% of riders quoted), "
        + "pickup wait median %.0f s, p90 %.0f s, mean %.0f s", m.accepted(), 100 * m.acceptedShare(),
        100 * m.acceptedShareOfQuoted(), m.medianPickupWaitSeconds(), m.p90PickupWaitSeconds(),
        m.meanPickupWaitSeconds());
  }
}
