package org.ridemarket.loadtest.bench;

import static org.ridemarket.loadtest.bench.Format.header;
import static org.ridemarket.loadtest.bench.Format.ms;
import static org.ridemarket.loadtest.bench.Format.row;

import java.util.ArrayList;
import java.util.List;

/**
 * The hot swap's outcome: failed requests (non-2xx or no answer) and latency before, during and after
 * the admin calls, and the calls themselves. It passes with zero failed requests outside the warm-up and
 * every admin call answered 2xx.
 *
 * @param service the service loaded
 * @param rate offered requests per second
 * @param timeline the phases
 * @param outcomes per phase
 * @param calls the admin calls as they happened
 */
public record SwapReport(Service service, int rate, Timeline timeline, PhasedOutcomes outcomes, List<String> calls) {

  /** Zero failed requests outside the warm-up and every swap accepted. */
  public boolean passed() {
    boolean requests = timeline.names().stream().filter(p -> !p.equals("warm-up"))
        .allMatch(p -> outcomes.in(p).notOk() == 0);
    return requests && !calls.isEmpty() && calls.stream().allMatch(c -> c.contains("-> HTTP 2"));
  }

  /** The report's markdown lines (without the run header). */
  public List<String> markdown() {
    List<String> lines = new ArrayList<>();
    lines.add("## Hot swap: " + service.endpoint() + " at " + rate + "/s: " + (passed() ? "PASS" : "FAIL"));
    lines.add("");
    calls.forEach(call -> lines.add("- " + call));
    lines.add("");
    lines.addAll(header(List.of("phase", "from s", "requests", "failed", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
        "gen lag max ms", "statuses")));
    for (String phase : timeline.names()) {
      Outcomes o = outcomes.in(phase);
      lines.add(row(List.of(phase, Long.toString(timeline.startOf(phase).toSeconds()), Long.toString(o.count()),
          Long.toString(o.notOk()), ms(o.millisAt(50)), ms(o.millisAt(99)), ms(o.millisAt(99.9)), ms(o.maxMillis()),
          ms(outcomes.lagIn(phase).maxMillis()), Format.kinds(o.kinds()))));
    }
    return lines;
  }
}
