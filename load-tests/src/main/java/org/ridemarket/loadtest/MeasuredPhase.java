package org.ridemarket.loadtest;

import java.util.ArrayList;
import java.util.List;
import org.ridemarket.loadtest.measure.PhaseRecorder;
import org.ridemarket.loadtest.metrics.PrometheusText;
import org.ridemarket.loadtest.metrics.ServerTimer;

/**
 * One rate's measured phase: the client-side recorder, and the service's metrics scraped just before
 * and just after it, which together make that rate's lines of the report.
 */
public final class MeasuredPhase {

  private final PhaseRecorder recorder;
  private volatile PrometheusText before = PrometheusText.parse(null);
  private volatile PrometheusText after = PrometheusText.parse(null);

  /** A phase of {@code endpoint} at {@code rate} requests a second for {@code seconds}. */
  public MeasuredPhase(String endpoint, int rate, long seconds) {
    this.recorder = new PhaseRecorder(endpoint, rate, seconds);
  }

  /** Where the phase's requests are recorded. */
  public PhaseRecorder recorder() {
    return recorder;
  }

  /** The service's metrics as the phase starts. */
  public void scrapedBefore(PrometheusText metrics) {
    this.before = metrics;
  }

  /** The service's metrics once every request of the phase has been answered or has failed. */
  public void scrapedAfter(PrometheusText metrics) {
    this.after = metrics;
  }

  /** The summary line, then one line per server timer. */
  public List<String> report(List<ServerTimer> timers) {
    List<String> lines = new ArrayList<>();
    lines.add(recorder.result().line());
    for (ServerTimer timer : timers) {
      lines.add("  " + timer.readFrom(after).lineSince(timer.readFrom(before)));
    }
    return lines;
  }
}
