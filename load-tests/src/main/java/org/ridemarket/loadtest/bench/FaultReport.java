package org.ridemarket.loadtest.bench;

import static org.ridemarket.loadtest.bench.Format.header;
import static org.ridemarket.loadtest.bench.Format.ms;
import static org.ridemarket.loadtest.bench.Format.row;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What callers saw while PostgreSQL and Redis were paused: per service and phase, the worst latencies,
 * answers later than the budget plus the margin, statuses, 5xx other than the designed 503, and 503s
 * with Retry-After. A service passes when, outside the warm-up, none is late, none is a 5xx other than
 * 503, none failed without an answer and every 503 says when to retry.
 *
 * @param timeline the phases
 * @param budgets each service's budget
 * @param margin allowed beyond the budget
 * @param outcomes per service
 * @param events the pauses and resumes as they happened
 */
public record FaultReport(Timeline timeline, Map<Service, Duration> budgets, Duration margin,
    Map<Service, PhasedOutcomes> outcomes, List<String> events) {

  /** Whether {@code service} kept every promise outside the warm-up. */
  public boolean passed(Service service) {
    for (String phase : timeline.names()) {
      if (phase.equals("warm-up")) {
        continue;
      }
      Outcomes o = outcomes.get(service).in(phase);
      if (o.late() > 0 || o.otherServerErrors() > 0 || o.failures() > 0
          || o.unavailableWithRetryAfter() < o.unavailable()) {
        return false;
      }
    }
    return true;
  }

  /** The report's markdown lines (without the run header). */
  public List<String> markdown() {
    List<String> lines = new ArrayList<>();
    lines.add("## Faults");
    lines.add("");
    lines.add("Phases, in order: " + String.join(", ", timeline.names().stream()
        .map(p -> p + " (from " + timeline.startOf(p).toSeconds() + " s)").toList()) + ".");
    lines.add("");
    events.forEach(event -> lines.add("- " + event));
    for (Map.Entry<Service, PhasedOutcomes> entry : outcomes.entrySet()) {
      Service service = entry.getKey();
      Duration late = budgets.get(service).plus(margin);
      lines.add("");
      lines.add("### " + service.endpoint() + " (" + service.label() + "-service): budget "
          + budgets.get(service).toMillis() + " ms, late after " + late.toMillis() + " ms: "
          + (passed(service) ? "PASS" : "FAIL"));
      lines.add("");
      lines.addAll(header(List.of("phase", "requests", "p50 ms", "p99.9 ms", "max ms", "late", "5xx other than 503",
          "503 (with Retry-After)", "no answer", "degraded", "statuses", "generator lag max ms")));
      for (String phase : timeline.names()) {
        Outcomes o = entry.getValue().in(phase);
        lines.add(row(List.of(phase, Long.toString(o.count()), ms(o.millisAt(50)), ms(o.millisAt(99.9)),
            ms(o.maxMillis()), Long.toString(o.late()), Long.toString(o.otherServerErrors()),
            o.unavailable() + " (" + o.unavailableWithRetryAfter() + ")", Long.toString(o.failures()),
            Format.percent(o.degradedShare()), Format.kinds(o.kinds()),
            ms(entry.getValue().lagIn(phase).maxMillis()))));
      }
      lines.addAll(lateAnswers(entry.getValue()));
    }
    return lines;
  }

  // When each phase's late answers were due, so a reader can set them against the events above and the
  // generator's lag (a late send is inside the wait).
  private List<String> lateAnswers(PhasedOutcomes service) {
    List<String> lines = new ArrayList<>();
    for (String phase : timeline.names()) {
      Outcomes outcomes = service.in(phase);
      List<Outcomes.Late> late = outcomes.lateAnswers();
      if (!late.isEmpty()) {
        lines.add("");
        lines.add("Late in " + phase + " (due at, waited, outcome"
            + (outcomes.late() > late.size() ? "; the first " + late.size() : "") + "): "
            + String.join(", ", late.stream().map(answer -> String.format(Locale.ROOT, "%.3f s %s ms %s",
                answer.dueSeconds(), ms(answer.waitedMillis()), answer.outcome())).toList()));
      }
    }
    return lines;
  }
}
