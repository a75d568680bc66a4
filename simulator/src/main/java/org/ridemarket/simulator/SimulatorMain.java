package org.ridemarket.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ridemarket.simulator.city.City;
import org.ridemarket.simulator.cli.CommandLine;
import org.ridemarket.simulator.cli.HelpText;
import org.ridemarket.simulator.clock.Pacer;
import org.ridemarket.simulator.drivers.HttpSurgeMap;
import org.ridemarket.simulator.drivers.SurgeMap;
import org.ridemarket.simulator.output.EventFileSink;
import org.ridemarket.simulator.output.EventSink;
import org.ridemarket.simulator.output.KafkaSink;
import org.ridemarket.simulator.progress.ProgressReporter;
import org.ridemarket.simulator.riders.HttpPriceOracle;
import org.ridemarket.simulator.riders.PriceOracle;
import org.ridemarket.simulator.services.LiveServices;
import org.ridemarket.simulator.services.ServiceCallsSink;

/**
 * Command-line entry point: parses options, opens the sinks, runs the city paced to the chosen
 * speed with progress lines, and on the end of the duration or SIGTERM flushes every sink and
 * prints the summary.
 */
public final class SimulatorMain {

  private static final long SHUTDOWN_GRACE_SECONDS = 60;
  // A rider app waits briefly for a price; past this the quote counts as failed and shows no surge.
  private static final Duration PRICING_TIMEOUT = Duration.ofMillis(500);

  private SimulatorMain() {
  }

  /** Runs the simulator; exits with status 2 on bad options, 1 on failure. */
  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    CommandLine.Parsed parsed;
    try {
      parsed = CommandLine.parse(Arrays.asList(args), System.getenv(), Path.of(""));
    } catch (IllegalArgumentException e) {
      System.err.println("simulator: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (parsed.help()) {
      System.out.print(HelpText.TEXT);
      return;
    }
    try {
      run(parsed.config(), parsed.services(), System.out);
    } catch (RuntimeException e) {
      System.err.println("simulator failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  /** Runs one configured simulation to its end or to SIGTERM, calling {@code services}, printing to {@code out}. */
  static void run(SimulatorConfig config, LiveServices services, PrintStream out) {
    out.println(banner(config) + services(services));
    City city = City.midtown(config.uberCsv());
    out.println("demand: " + city.demand().source() + ", " + city.cells().count() + " H3 res-8 cells");
    List<EventSink> sinks = new ArrayList<>();
    if (config.kafkaBootstrap() != null) {
      sinks.add(new KafkaSink(config.kafkaBootstrap(), config.compression(), KafkaSink.traceRatio(System.getenv())));
    }
    if (config.out() != null) {
      sinks.add(new EventFileSink(config.out()));
    }
    ServiceCallsSink calls = services.any() ? new ServiceCallsSink(services) : null;
    if (calls != null) {
      sinks.add(calls);
    }
    HttpPriceOracle pricing = config.pricingUrl() == null ? null
        : new HttpPriceOracle(config.pricingUrl(), PRICING_TIMEOUT);
    // The driver app's map comes from the same service as the riders' quotes, so drivers follow the surge riders see.
    HttpSurgeMap surgeMap = config.pricingUrl() == null ? null
        : new HttpSurgeMap(config.pricingUrl(), city.cells(), config.surgeRefresh(), PRICING_TIMEOUT);
    Simulation simulation = new Simulation(config, city, sinks, pricing == null ? PriceOracle.FLAT : pricing,
        surgeMap == null ? SurgeMap.NONE : surgeMap);
    CountDownLatch done = new CountDownLatch(1);
    Thread main = Thread.currentThread();
    AtomicBoolean stopRequested = new AtomicBoolean();
    Thread hook = new Thread(() -> {
      stopRequested.set(true);
      try {
        // The JVM exits when this hook returns: wait until the loop has flushed and summarised.
        done.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        main.interrupt();
      }
    }, "simulator-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    long wallStart = System.nanoTime();
    try {
      Pacer pacer = new Pacer(config.speed(), config.start(), Instant.now());
      ProgressReporter progress = new ProgressReporter(out, config.progressInterval(), config.zone());
      simulation.run(stopRequested::get, sim -> {
        pacer.awaitSimTime(sim.clock().elapsed());
        progress.maybeReport(sim::snapshot);
      });
      simulation.close();
      out.print(ProgressReporter.summary(simulation.snapshot(), config.zone(),
          Duration.ofNanos(System.nanoTime() - wallStart)));
      if (pricing != null) {
        out.println(pricing.summary());
        out.println(surgeMap.summary());
      }
      if (calls != null) {
        out.print(calls.summary());
      }
      out.flush();
    } finally {
      done.countDown();
      removeHook(hook);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shutdownInProgress) {
      // The hook is running already and returns as soon as it sees the latch open.
    }
  }

  private static String services(LiveServices services) {
    return (services.etaUrl() == null ? "" : ", ETAs at pick-up from " + services.etaUrl())
        + (services.fraudUrl() == null ? "" : ", payments scored by " + services.fraudUrl());
  }

  private static String banner(SimulatorConfig config) {
    return String.format(Locale.ROOT,
        "ridemarket simulator: seed %d, speed %s, duration %s, start %s, %d drivers, %d riders, demand x%.2f, "
            + "fraud share %.3f, label delay %s..%s, spikes %d, kafka %s, out %s, ground truth %s",
        config.seed(), Double.isInfinite(config.speed()) ? "max" : config.speed() + "x",
        config.duration() == null ? "unlimited" : config.duration(), config.start(), config.drivers(),
        config.riders(), config.demandScale(), config.fraudShare(), config.labelDelay().min(),
        config.labelDelay().max(), config.spikes().size(),
        config.kafkaBootstrap() == null ? "off" : config.kafkaBootstrap() + " (" + config.compression() + ")",
        config.out() == null ? "off" : config.out(), config.groundTruth() == null ? "off" : config.groundTruth())
        + (config.pricingUrl() == null ? ", flat prices"
            : ", quotes and surge map (every " + config.surgeRefresh().toSeconds() + " s) from " + config.pricingUrl());
  }
}
