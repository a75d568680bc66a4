package org.ridemarket.models.surge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.simulator.SimulatorConfig;
import org.ridemarket.simulator.Simulation;
import org.ridemarket.simulator.city.City;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventFileReader;
import org.ridemarket.simulator.output.EventFileSink;
import org.ridemarket.simulator.output.EventSink;
import org.ridemarket.simulator.riders.PriceOracle;
import org.ridemarket.simulator.riders.RiderPopulation;
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;

public class SupplyDemandReplayTest {

  private static final BalancingMultiplier LABEL = new BalancingMultiplier(RiderPopulation::acceptShare, 3.0);

  @Test
  void shouldGiveTheSameRowsWithThinnedPingsAsWithEveryPing() {
    // given one simulated evening rush, replayed with every ping and with thinned pings
    SurgeHistory every = new SurgeHistory(new SupplyDemandReplay(SupplyDemandSettings.defaults(), false));
    SurgeHistory thinned = new SurgeHistory(new SupplyDemandReplay(SupplyDemandSettings.defaults(), true));
    simulate(Duration.ofMinutes(32), 120, 17, every, thinned);

    // when rows are sampled from both
    List<SurgeRow> expected = every.rows(LABEL);
    List<SurgeRow> actual = thinned.rows(LABEL);
    every.close();
    thinned.close();

    // then they hold the same cells, vectors and labels at the same times, with far fewer records piped
    assertThat(expected).hasSizeGreaterThan(50);
    assertThat(actual).hasSameSizeAs(expected);
    int differing = 0;
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i).cell()).isEqualTo(expected.get(i).cell());
      assertThat(actual.get(i).label()).isEqualTo(expected.get(i).label());
      if (!Arrays.equals(actual.get(i).features(), expected.get(i).features())) {
        differing++;
      }
    }
    assertThat(differing).as("rows whose vector differs").isZero();
    assertThat(thinned.replay().piped()).isLessThan(every.replay().piped() / 3);
    assertThat(thinned.replay().thinned()).isPositive();
  }

  @Test
  void shouldSeeDemandAndSupplyInTheSampledVectors() {
    SurgeHistory history = new SurgeHistory(new SupplyDemandReplay());
    simulate(Duration.ofMinutes(40), 400, 9, history);
    List<SurgeRow> rows = history.rows(LABEL);
    history.close();

    int requests = SupplyDemandFeatures.indexOf(SupplyDemandFeatures.REQUESTS_15M);
    int drivers = SupplyDemandFeatures.indexOf(SupplyDemandFeatures.RING_AVAILABLE_DRIVERS);
    assertThat(rows).anySatisfy(row -> assertThat(row.features()[requests]).isPositive());
    assertThat(rows).anySatisfy(row -> assertThat(row.features()[drivers]).isPositive());
    assertThat(rows).allSatisfy(row -> assertThat(row.served()).isBetween(0, row.requested()));
    // rows start after the warm-up and their label horizon ends inside the history
    long first = rows.get(0).time();
    long last = rows.get(rows.size() - 1).time();
    assertThat(last - first).isLessThanOrEqualTo(Duration.ofMinutes(40).minus(SurgeHistory.WARM_UP)
        .minus(SurgeHistory.HORIZON).toMillis());
  }

  @Test
  void shouldGiveTheSameRowsFromTheSimulatorsEventLog(@TempDir Path directory) {
    // given one simulated half hour written to an event log while it is replayed directly
    Path log = directory.resolve("history.events.gz");
    SurgeHistory direct = new SurgeHistory(new SupplyDemandReplay());
    try (EventFileSink file = new EventFileSink(log)) {
      simulate(Duration.ofMinutes(30), 200, 17, direct, file);
    }

    // when the log is replayed, as the training job's --history does
    SurgeHistory fromLog = new SurgeHistory(new SupplyDemandReplay());
    try (EventFileReader reader = new EventFileReader(log)) {
      reader.forEachRemaining(fromLog::accept);
    }

    // then the rows are the same
    List<SurgeRow> expected = direct.rows(LABEL);
    List<SurgeRow> actual = fromLog.rows(LABEL);
    direct.close();
    fromLog.close();
    assertThat(expected).isNotEmpty();
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i).features()).isEqualTo(expected.get(i).features());
      assertThat(actual.get(i).label()).isEqualTo(expected.get(i).label());
    }
  }

  /** Simulates {@code length} of Midtown from {@code startHour} on 2026-11-02 (seed 5) into {@code sinks}. */
  public static void simulate(Duration length, int drivers, int startHour, EventSink... sinks) {
    SimulatorConfig config = SimulatorConfig.builder().seed(5).speed(Double.POSITIVE_INFINITY).duration(length)
        .drivers(drivers).start(LocalDateTime.of(2026, 11, 2, startHour, 0).atZone(SimulatorConfig.NEW_YORK).toInstant())
        .progressInterval(Duration.ZERO).build();
    EventSink tee = new EventSink() {
      @Override
      public void accept(EncodedEvent event) {
        for (EventSink sink : sinks) {
          sink.accept(event);
        }
      }

      @Override
      public void close() {
      }
    };
    Simulation simulation = new Simulation(config, City.midtown(null), List.of(tee), PriceOracle.FLAT);
    simulation.run(() -> false, tick -> { });
    simulation.flush();
  }
}
