package org.ridemarket.simulator;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.ridemarket.simulator.city.City;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.drivers.Driver;
import org.ridemarket.simulator.drivers.SurgeMap;
import org.ridemarket.simulator.fraud.GroundTruthWriter;
import org.ridemarket.simulator.output.EventEmitter;
import org.ridemarket.simulator.output.EventSink;
import org.ridemarket.simulator.progress.Snapshot;
import org.ridemarket.simulator.riders.PriceOracle;
import org.ridemarket.simulator.trips.MarketOutcome;
import org.ridemarket.simulator.trips.RequestWindow;
import org.ridemarket.simulator.trips.TripStats;

/**
 * One run of the city: a single-threaded loop of one-second ticks. Each tick starts and ends shifts,
 * moves every online driver (pick-ups, drop-offs, payments), matches waiting requests, sends the due
 * pings, adds new requests (each after its rider's quote), attempts planned payments, releases due
 * labels and refreshes the surge map when due. Every event of a tick carries the tick's time, so the
 * output is in event-time order; the blocking calls come after the events that do not need them.
 */
public final class Simulation {

  private final SimulatorConfig config;
  private final SimClock clock;
  private final EventEmitter emitter;
  private final SurgeMap surgeMap;
  private final World world;
  private final GroundTruthWriter groundTruth;
  private final RequestWindow reportWindow;
  private long windowPriceDeclined;
  private boolean firstTick = true;

  /** A run of {@code config} over {@code city}, writing to {@code sinks}, quoting prices with {@code oracle}. */
  public Simulation(SimulatorConfig config, City city, List<EventSink> sinks, PriceOracle oracle) {
    this(config, city, sinks, oracle, SurgeMap.NONE);
  }

  /** As above, with idle drivers drifting toward the surge that {@code surgeMap} shows. */
  public Simulation(SimulatorConfig config, City city, List<EventSink> sinks, PriceOracle oracle, SurgeMap surgeMap) {
    this.config = config;
    this.clock = new SimClock(config.start(), config.zone());
    this.emitter = new EventEmitter(sinks);
    this.surgeMap = surgeMap;
    this.world = World.create(config, city, clock, emitter, oracle, surgeMap);
    this.groundTruth = config.groundTruth() == null ? null : new GroundTruthWriter(config.groundTruth());
    this.reportWindow = config.reportWindow();
    if (groundTruth != null) {
      world.paymentDesk().observe(groundTruth);
    }
  }

  /** Runs until the configured duration is simulated or {@code stop} says so; {@code listener} sees every tick. */
  public void run(BooleanSupplier stop, TickListener listener) {
    while (!finished() && !stop.getAsBoolean()) {
      tick();
      listener.afterTick(this);
    }
  }

  /** True once the configured duration has been simulated. */
  public boolean finished() {
    return config.duration() != null && clock.elapsed() >= config.duration().toMillis();
  }

  /** Simulates one tick and moves the clock on. */
  public void tick() {
    world.fleet().updateShifts(clock, firstTick, driver -> world.pings().ping(driver, clock));
    firstTick = false;
    for (Driver driver : world.fleet().drivers()) {
      if (driver.online()) {
        world.driverStep().step(driver, clock);
      }
    }
    world.dispatcher().dispatch(clock);
    // The drivers' state is final for the tick: their pings go out before the riders' blocking quote calls.
    for (Driver driver : world.fleet().drivers()) {
      if (driver.online() && world.pings().due(driver, clock)) {
        world.pings().ping(driver, clock);
      }
    }
    long declinedBefore = world.requests().priceDeclined();
    world.requests().arrivals(clock, request -> world.dispatcher().open(request, clock));
    // Riders who walk away leave no trip to count by request time; every arrival of a tick is made at its time.
    if (reportWindow.contains(clock.now())) {
      windowPriceDeclined += world.requests().priceDeclined() - declinedBefore;
    }
    world.scheduledPayments().releaseDue(clock);
    world.labels().releaseDue(clock);
    // The driver app polls its map; what it fetches steers idle drivers from the next tick on.
    surgeMap.refresh(clock);
    clock.advance();
  }

  /** The simulated clock. */
  public SimClock clock() {
    return clock;
  }

  /** Flushes sinks and the ground truth, e.g. before a progress line. */
  public void flush() {
    emitter.flush();
    if (groundTruth != null) {
      groundTruth.flush();
    }
  }

  /** Closes the sinks (flushing them) and the ground truth; throws if a sink lost events. */
  public void close() {
    try {
      emitter.close();
    } finally {
      if (groundTruth != null) {
        groundTruth.close();
      }
    }
  }

  /** The state of the run now. */
  public Snapshot snapshot() {
    TripStats trips = world.trips().stats();
    MarketOutcome window = config.hasReportWindow()
        ? world.trips().windowStats().outcome(windowPriceDeclined) : null;
    String[] topics = EventEmitter.TOPICS.stream().map(topic -> topic.name()).toArray(String[]::new);
    return new Snapshot(clock.instant(), topics, emitter.counts(), world.fleet().online(),
        world.dispatcher().waitingCount(), trips.outcome(world.requests().priceDeclined()), window,
        trips.meanTripSeconds(), trips.meanTripMeters(), world.paymentStats().total(), world.paymentStats().fraud(),
        world.paymentStats().fraudByPattern(), world.labels().pending());
  }

  /** Called after every tick, e.g. to pace the run and print progress. */
  @FunctionalInterface
  public interface TickListener {

    /** The tick just simulated; {@code simulation.clock()} is already at the next one. */
    void afterTick(Simulation simulation);
  }
}
