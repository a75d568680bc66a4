package org.ridemarket.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.drivers.SurgeMap;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.MemorySink;
import org.ridemarket.simulator.riders.PriceOracle;

/**
 * What a live tick waits for before its events leave: the quote calls and the surge map refresh block on HTTP, so
 * the drivers' pings go out before the first quote, each ride request right after its own quote, and the map is
 * refreshed after the tick's last event. Feature freshness is measured from the tick's time; an event held behind a
 * slow call is that much staler (docs/adr/0032-simulator-tick-order.md).
 */
class TickOrderTest {

  private static final String PINGS = "drivers.locations";
  private static final String REQUESTS = "rides.requests";
  private static final MemorySink sink = new MemorySink();
  /** For every quote call: its tick's time and how many events the sink held when it was asked. */
  private static final List<long[]> quotes = new ArrayList<>();
  /** For every refresh of the surge map: its tick's time and how many events the sink held. */
  private static final List<long[]> refreshes = new ArrayList<>();

  @BeforeAll
  static void runABusyQuarterHour() {
    PriceOracle recording = request -> {
      quotes.add(new long[] {request.eventTimeMillis(), sink.events().size()});
      return 1.0;
    };
    SurgeMap map = new SurgeMap() {
      @Override
      public void refresh(SimClock clock) {
        refreshes.add(new long[] {clock.now(), sink.events().size()});
      }

      @Override
      public double multiplier(int cell) {
        return 1.0;
      }
    };
    SimulatorConfig eveningPeak = TestRuns.config(Duration.ofMinutes(15)).seed(3).drivers(300).demandScale(5)
        .start(TestRuns.MONDAY_MORNING.plus(Duration.ofHours(11))).build();
    TestRuns.run(eveningPeak, TestRuns.builtInCity(), List.of(sink), recording, map);
  }

  @Test
  void shouldSendEveryPingOfATickBeforeItsFirstQuoteCall() {
    // given the sink position of each tick's first quote call
    Map<Long, Long> firstQuote = new HashMap<>();
    quotes.forEach(q -> firstQuote.putIfAbsent(q[0], q[1]));
    assertThat(firstQuote).hasSizeGreaterThan(400);

    // then no ping of a tick is emitted after that tick's first quote was asked for
    List<EncodedEvent> events = sink.events();
    long pingsChecked = 0;
    for (int i = 0; i < events.size(); i++) {
      EncodedEvent event = events.get(i);
      Long quoted = firstQuote.get(event.eventTimeMillis());
      if (event.topic().equals(PINGS) && quoted != null) {
        assertThat((long) i).as("ping at %d", event.eventTimeMillis()).isLessThan(quoted);
        pingsChecked++;
      }
    }
    assertThat(pingsChecked).isGreaterThan(10_000);
  }

  @Test
  void shouldSendEachRideRequestBeforeTheNextRiderIsQuoted() {
    // given where each tick's ride requests are in the sink (every rider accepts a flat price)
    List<EncodedEvent> events = sink.events();
    Map<Long, List<Integer>> requestsOfTick = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).topic().equals(REQUESTS)) {
        requestsOfTick.computeIfAbsent(events.get(i).eventTimeMillis(), t -> new ArrayList<>()).add(i);
      }
    }
    int ticksWithSeveralQuotes = 0;
    Map<Long, Integer> quotesSoFar = new HashMap<>();
    for (long[] quote : quotes) {
      int before = quotesSoFar.merge(quote[0], 1, Integer::sum) - 1;
      long emitted = requestsOfTick.getOrDefault(quote[0], List.of()).stream().filter(i -> i < quote[1]).count();

      // then every earlier quote of the tick already became a ride request
      assertThat(emitted).as("requests at the quote call %d of %d", before + 1, quote[0]).isEqualTo(before);
      ticksWithSeveralQuotes += before == 1 ? 1 : 0;
    }
    assertThat(ticksWithSeveralQuotes).isGreaterThan(50);
  }

  @Test
  void shouldRefreshTheSurgeMapAfterTheTicksLastEvent() {
    // given the sink position at each refresh
    assertThat(refreshes).hasSize(15 * 60);
    Map<Long, Integer> endOfTick = new HashMap<>();
    List<EncodedEvent> events = sink.events();
    for (int i = 0; i < events.size(); i++) {
      endOfTick.put(events.get(i).eventTimeMillis(), i + 1);
    }
    for (long[] refresh : refreshes) {
      // then every event of the tick was emitted before it, and none of a later tick
      assertThat(refresh[1]).as("events before the refresh at %d", refresh[0])
          .isEqualTo((long) endOfTick.getOrDefault(refresh[0], (int) refresh[1]));
    }
  }
}
