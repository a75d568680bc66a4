package org.ridemarket.simulator.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ridemarket.simulator.SimulatorConfig;
import org.ridemarket.simulator.SimulatorConfigBuilder;
import org.ridemarket.simulator.city.DemandSpike;
import org.ridemarket.simulator.clock.Durations;
import org.ridemarket.simulator.fraud.LabelDelay;
import org.ridemarket.simulator.services.LiveServices;

/**
 * Parses the simulator's command line ({@code --name value} or {@code --name=value}) into a
 * config; with no arguments it is the live demo: 10x speed, no end, Kafka from
 * {@code KAFKA_BOOTSTRAP_SERVERS}, demand from the Uber file when it is found.
 */
public final class CommandLine {

  /** Environment variable naming the Kafka bootstrap servers. */
  public static final String KAFKA_ENV = "KAFKA_BOOTSTRAP_SERVERS";
  /** Used when neither {@code --kafka} nor the environment name a broker. */
  public static final String DEFAULT_KAFKA = "localhost:9092";
  /** Where the Uber pickups are looked for, relative to the working directory, when not named. */
  public static final List<String> UBER_CANDIDATES = List.of(
      "../shared/data/uber-2014/uber-raw-data-apr14.csv", "../../shared/data/uber-2014/uber-raw-data-apr14.csv");

  /** Environment variable with the gateway's API key for {@code --fraud-url}. */
  public static final String FRAUD_API_KEY_ENV = "FRAUD_API_KEY";

  /** The outcome: a config and the live services to call, or a request for help. */
  public record Parsed(SimulatorConfig config, LiveServices services, boolean help) {
  }

  private CommandLine() {
  }

  /** Parses {@code args}; relative Uber candidates are resolved against {@code workingDir}. */
  public static Parsed parse(List<String> args, Map<String, String> env, Path workingDir) {
    SimulatorConfigBuilder b = SimulatorConfig.builder();
    String kafka = env.getOrDefault(KAFKA_ENV, DEFAULT_KAFKA);
    boolean noKafka = false;
    boolean noUber = false;
    Path uber = null;
    URI etaUrl = null;
    URI fraudUrl = null;
    String fraudApiKey = env.get(FRAUD_API_KEY_ENV);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (name.equals("--help") || name.equals("-h")) {
        return new Parsed(null, LiveServices.NONE, true);
      }
      if (name.equals("--no-kafka")) {
        noKafka = true;
        continue;
      }
      if (name.equals("--no-uber")) {
        noUber = true;
        continue;
      }
      String value;
      if (arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException(name + " needs a value");
      }
      try {
        switch (name) {
          case "--seed" -> b.seed(Long.parseLong(value));
          case "--speed" -> b.speed(
              value.equalsIgnoreCase("max") ? Double.POSITIVE_INFINITY : Double.parseDouble(value));
          case "--duration" -> b.duration(isUnlimited(value) ? null : Durations.parse(value));
          case "--drivers" -> b.drivers(Integer.parseInt(value));
          case "--riders" -> b.riders(Integer.parseInt(value));
          case "--demand-scale" -> b.demandScale(Double.parseDouble(value));
          case "--fraud-share" -> b.fraudShare(Double.parseDouble(value));
          case "--label-delay" -> b.labelDelay(LabelDelay.parse(value));
          case "--spike" -> b.spike(DemandSpike.parse(value));
          case "--kafka" -> kafka = value;
          case "--compression" -> b.compression(value);
          case "--pricing-url" -> b.pricingUrl(URI.create(value));
          case "--eta-url" -> etaUrl = URI.create(value);
          case "--fraud-url" -> fraudUrl = URI.create(value);
          case "--fraud-api-key" -> fraudApiKey = value;
          case "--surge-refresh" -> b.surgeRefresh(Durations.parse(value));
          case "--report-from" -> b.reportFrom(Durations.parse(value));
          case "--report-to" -> b.reportTo(Durations.parse(value));
          case "--out" -> b.out(Path.of(value));
          case "--ground-truth" -> b.groundTruth(Path.of(value));
          case "--uber-csv" -> uber = Path.of(value);
          case "--start" -> b.start(parseStart(value, zoneIn(args)));
          case "--zone" -> b.zone(ZoneId.of(value));
          case "--match-radius" -> b.matchRadiusMeters(Double.parseDouble(value));
          case "--drift" -> b.driftProbability(Double.parseDouble(value));
          case "--progress" -> b.progressInterval(value.equals("0") || value.equals("off")
              ? Duration.ZERO : Durations.parse(value));
          default -> throw new IllegalArgumentException("unknown option " + name + " (see --help)");
        }
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new IllegalArgumentException(name + ": cannot read '" + value + "'", e);
      }
    }
    if (uber != null && !Files.isRegularFile(uber)) {
      throw new IllegalArgumentException("--uber-csv: no file at " + uber);
    }
    b.uberCsv(noUber ? null : uber != null ? uber : locateUber(workingDir));
    b.kafkaBootstrap(noKafka ? null : kafka);
    return new Parsed(b.build(), new LiveServices(etaUrl, fraudUrl, fraudApiKey), false);
  }

  private static boolean isUnlimited(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return v.equals("unlimited") || v.equals("none") || v.equals("forever");
  }

  private static Path locateUber(Path workingDir) {
    return UBER_CANDIDATES.stream().map(workingDir::resolve).filter(Files::isRegularFile)
        .map(Path::normalize).findFirst().orElse(null);
  }

  private static ZoneId zoneIn(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).startsWith("--zone=")) {
        return ZoneId.of(args.get(i).substring("--zone=".length()));
      }
      if (args.get(i).equals("--zone") && i + 1 < args.size()) {
        return ZoneId.of(args.get(i + 1));
      }
    }
    return SimulatorConfig.NEW_YORK;
  }

  /** {@code 2026-11-02T07:00} (local time in the zone) or an instant such as {@code 2026-11-02T12:00:00Z}. */
  static Instant parseStart(String value, ZoneId zone) {
    if (value.equals("now")) {
      return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notAnInstant) {
      return LocalDateTime.parse(value).atZone(zone).toInstant();
    }
  }
}
