package org.ridemarket.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.MemorySink;
import org.ridemarket.simulator.progress.ProgressReporter;
import org.ridemarket.simulator.progress.Snapshot;
import org.ridemarket.simulator.riders.PriceOracle;
import org.ridemarket.simulator.trips.MarketOutcome;

class ReportWindowTest {

  private static final Duration FROM = Duration.ofMinutes(20);
  private static final Duration TO = Duration.ofMinutes(40);

  @Test
  void shouldReportTheRidesRequestedInTheWindowOnly() {
    // given an hour whose summary also reports minutes 20 to 40, where riders are quoted a 1.6x surge
    SimulatorConfig config = TestRuns.config(Duration.ofHours(1)).seed(3).reportFrom(FROM).reportTo(TO).build();
    long from = config.start().plus(FROM).toEpochMilli();
    long to = config.start().plus(TO).toEpochMilli();
    long[] quotedInWindow = new long[1];
    PriceOracle surge = quote -> {
      if (quote.eventTimeMillis() >= from && quote.eventTimeMillis() < to) {
        quotedInWindow[0]++;
      }
      return 1.6;
    };
    MemorySink sink = new MemorySink();

    // when
    Snapshot end = TestRuns.run(config, TestRuns.builtInCity(), List.of(sink), surge);

    // then the window counts exactly the requests made in it, and the riders quoted in it who walked away
    MarketOutcome window = end.window();
    long requestedInWindow = sink.events().stream().filter(e -> e.topic().equals(Topics.RIDE_REQUESTS.name()))
        .map(e -> TestRuns.decode(Topics.RIDE_REQUESTS, e).getEventTime().toEpochMilli())
        .filter(t -> t >= from && t < to).count();
    assertThat(window.requested()).isEqualTo(requestedInWindow).isPositive().isLessThan(end.ridesRequested());
    assertThat(window.priceDeclined()).isPositive().isLessThan(end.priceDeclined());
    assertThat(window.requested() + window.priceDeclined()).isEqualTo(quotedInWindow[0]);
    assertThat(window.accepted()).isPositive().isLessThanOrEqualTo(window.requested());
    assertThat(window.p90PickupWaitSeconds()).isGreaterThanOrEqualTo(window.medianPickupWaitSeconds()).isPositive();
    assertThat(ProgressReporter.summary(end, config.zone(), Duration.ofSeconds(1)))
        .contains("market: ", "p90", "report window, rides requested 2026-11-02 07:20:00 to 2026-11-02 07:40:00");
  }

  @Test
  void shouldReportNoWindowUnlessOneIsSet() {
    Snapshot end = TestRuns.run(TestRuns.config(Duration.ofMinutes(10)).build());

    assertThat(end.window()).isNull();
    assertThat(end.market().requested()).isEqualTo(end.ridesRequested()).isPositive();
    assertThat(ProgressReporter.summary(end, SimulatorConfig.NEW_YORK, Duration.ofSeconds(1)))
        .contains("market: ").doesNotContain("report window");
  }
}
