package org.ridemarket.simulator;

import java.util.SplittableRandom;
import org.ridemarket.simulator.city.City;
import org.ridemarket.simulator.city.Congestion;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.drivers.AvailableDrivers;
import org.ridemarket.simulator.drivers.DriverFleet;
import org.ridemarket.simulator.drivers.DriverMotion;
import org.ridemarket.simulator.drivers.LocationPings;
import org.ridemarket.simulator.drivers.SurgeMap;
import org.ridemarket.simulator.drivers.SurgeSeekingIdlePolicy;
import org.ridemarket.simulator.fraud.ChargebackLabels;
import org.ridemarket.simulator.fraud.FraudController;
import org.ridemarket.simulator.fraud.FraudEpisodes;
import org.ridemarket.simulator.fraud.FraudInjector;
import org.ridemarket.simulator.fraud.PatternBag;
import org.ridemarket.simulator.fraud.RecentPayments;
import org.ridemarket.simulator.ids.IdGenerator;
import org.ridemarket.simulator.output.EventEmitter;
import org.ridemarket.simulator.payments.LegitPayments;
import org.ridemarket.simulator.payments.Merchants;
import org.ridemarket.simulator.payments.PaymentDesk;
import org.ridemarket.simulator.payments.PaymentStats;
import org.ridemarket.simulator.payments.ScheduledPayments;
import org.ridemarket.simulator.riders.PriceOracle;
import org.ridemarket.simulator.riders.RequestGenerator;
import org.ridemarket.simulator.riders.RideShapes;
import org.ridemarket.simulator.riders.RiderPopulation;
import org.ridemarket.simulator.trips.Dispatcher;
import org.ridemarket.simulator.trips.DriverStep;
import org.ridemarket.simulator.trips.TripEvents;
import org.ridemarket.simulator.trips.TripLifecycle;

/** The moving parts of one run, wired together; each part draws from its own seeded random stream. */
record World(DriverFleet fleet, DriverStep driverStep, Dispatcher dispatcher, TripLifecycle trips,
    RequestGenerator requests, ScheduledPayments scheduledPayments, ChargebackLabels labels, LocationPings pings,
    PaymentDesk paymentDesk, PaymentStats paymentStats) {

  private static final int MERCHANTS = 60;
  private static final double BUCKET_METERS = 400;

  static World create(SimulatorConfig config, City city, SimClock clock, EventEmitter emitter, PriceOracle oracle,
      SurgeMap surgeMap) {
    // Streams are split in a fixed order; adding a stream at the end leaves the others unchanged.
    SplittableRandom root = new SplittableRandom(config.seed());
    IdGenerator ids = new IdGenerator(root.split());
    SplittableRandom population = root.split();
    SplittableRandom demand = root.split();
    SplittableRandom traffic = root.split();
    SplittableRandom idle = root.split();
    SplittableRandom trips = root.split();
    SplittableRandom payments = root.split();
    SplittableRandom fraud = root.split();
    SplittableRandom labels = root.split();

    RiderPopulation riders = new RiderPopulation(config.riders(), ids, population);
    DriverMotion motion = new DriverMotion(city.grid(), city.cells(), new Congestion(city.demand(), traffic), traffic);
    double half = Math.hypot(4_200, 2_600) / 2 + BUCKET_METERS;
    AvailableDrivers available = new AvailableDrivers(-half, half, -half, half, BUCKET_METERS);
    DriverFleet fleet = new DriverFleet(config.drivers(), ids, available, motion, city.demand(), population);
    LocationPings pings = new LocationPings(city.grid(), city.cellAddresses(), ids, emitter);

    PaymentDesk desk = new PaymentDesk(ids, emitter);
    ScheduledPayments scheduled = new ScheduledPayments(desk);
    Merchants merchants = new Merchants(MERCHANTS, ids);
    LegitPayments legit = new LegitPayments(desk, scheduled, riders, merchants, city.box(), payments);
    TripLifecycle lifecycle = new TripLifecycle(new TripEvents(ids, emitter), fleet, available, motion, riders, legit,
        driver -> pings.ping(driver, clock), config.reportWindow(), trips);
    // With no surge in reach (always, with SurgeMap.NONE) this draws exactly what demand seeking alone draws.
    DriverStep step = new DriverStep(lifecycle, available, motion,
        new SurgeSeekingIdlePolicy(city.demand(), city.grid(), config.driftProbability(), surgeMap, idle), trips);
    Dispatcher dispatcher = new Dispatcher(lifecycle, available, motion, config.matchRadiusMeters());
    RequestGenerator requests = new RequestGenerator(city.demand(), config.demandScale(), config.spikes(), riders,
        new RideShapes(city.box(), city.grid()), oracle, city.cellAddresses(), ids, demand);

    PaymentStats stats = new PaymentStats();
    RecentPayments recent = FraudInjector.recentPayments();
    FraudEpisodes episodes = new FraudEpisodes(ids, riders, recent, merchants, city.box(), fraud);
    ChargebackLabels chargebacks = new ChargebackLabels(config.labelDelay(), ids, emitter, labels);
    desk.observe(stats);
    desk.observe(chargebacks);
    desk.observe(new FraudInjector(new FraudController(config.fraudShare()), new PatternBag(fraud), episodes, recent,
        scheduled));
    return new World(fleet, step, dispatcher, lifecycle, requests, scheduled, chargebacks, pings, desk, stats);
  }
}
