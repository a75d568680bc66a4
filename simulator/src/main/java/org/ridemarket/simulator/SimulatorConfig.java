package org.ridemarket.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.ridemarket.simulator.fraud.LabelDelay;
import org.ridemarket.simulator.city.DemandSpike;
import org.ridemarket.simulator.trips.RequestWindow;

/**
 * Everything a run depends on besides its sinks; the same config (and input files) always gives
 * the same events. Build one with {@link #builder()}; every setting has a default for a live demo.
 *
 * @param seed seed of every random stream
 * @param speed simulated seconds per wall second; infinity runs as fast as possible
 * @param duration simulated time to run, or null to run until stopped
 * @param drivers drivers in the fleet (not all on shift at once)
 * @param riders riders who may request rides
 * @param demandScale multiplier on the calibrated request rates
 * @param fraudShare fraudulent payments / all payments
 * @param labelDelay delay of chargeback labels after a fraudulent payment
 * @param spikes demand spikes
 * @param kafkaBootstrap Kafka bootstrap servers, or null for no Kafka output
 * @param compression the Kafka producer's compression.type (lz4 by default)
 * @param out event log file, or null
 * @param groundTruth ground-truth CSV file, or null
 * @param uberCsv Uber pickups file to calibrate demand, or null for built-in hotspots
 * @param start simulated start time
 * @param zone local time zone of the city
 * @param matchRadiusMeters farthest driving distance between a matched driver and the pickup
 * @param driftProbability chance that a repositioning idle driver heads for demand rather than cruising
 * @param progressInterval wall time between progress lines, zero for none
 * @param pricingUrl base URL of a live pricing-service to quote each request (closed loop), or null for flat prices
 * @param surgeRefresh simulated time between two fetches of the live surge map that idle drivers follow
 * @param reportFrom start of the report window after the run's start, or null (the start, if a window is set)
 * @param reportTo end of the report window after the run's start, or null (the end of the run)
 */
public record SimulatorConfig(long seed, double speed, Duration duration, int drivers, int riders, double demandScale,
    double fraudShare, LabelDelay labelDelay, List<DemandSpike> spikes, String kafkaBootstrap, String compression,
    Path out, Path groundTruth, Path uberCsv, Instant start, ZoneId zone, double matchRadiusMeters,
    double driftProbability, Duration progressInterval, URI pricingUrl, Duration surgeRefresh, Duration reportFrom,
    Duration reportTo) {

  /** New York, where the default city is. */
  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  /** Monday 2 November 2026, 16:00 in New York: the evening peak builds up, so a live demo is busy at once. */
  public static final Instant DEFAULT_START = LocalDateTime.of(2026, 11, 2, 16, 0).atZone(NEW_YORK).toInstant();

  public SimulatorConfig {
    spikes = List.copyOf(spikes);
    require(speed > 0, "speed must be positive");
    require(duration == null || !duration.isNegative(), "duration must not be negative");
    require(drivers > 0, "drivers must be positive");
    require(riders > 0, "riders must be positive");
    require(demandScale >= 0, "demand scale must not be negative");
    require(fraudShare >= 0 && fraudShare <= 0.5, "fraud share must be within 0..0.5");
    require(matchRadiusMeters > 0, "match radius must be positive");
    require(driftProbability >= 0 && driftProbability <= 1, "drift probability must be within 0..1");
    require(surgeRefresh.compareTo(Duration.ZERO) > 0, "surge refresh must be positive");
    require(reportFrom == null || !reportFrom.isNegative(), "report window must not start before the run");
    require(reportTo == null || reportTo.compareTo(reportFrom == null ? Duration.ZERO : reportFrom) > 0,
        "report window must end after it starts");
    require(List.of("lz4", "zstd", "snappy", "gzip", "none").contains(compression),
        "compression must be one of lz4, zstd, snappy, gzip, none");
  }

  /** True when the summary also reports the requests made in a window of the run. */
  public boolean hasReportWindow() {
    return reportFrom != null || reportTo != null;
  }

  /** The requests the summary's window covers: the whole run when no window is set. */
  public RequestWindow reportWindow() {
    return hasReportWindow() ? RequestWindow.of(start, reportFrom, reportTo) : RequestWindow.ALL;
  }

  /** A builder holding the defaults. */
  public static SimulatorConfigBuilder builder() {
    return new SimulatorConfigBuilder();
  }

  /** A builder starting from this config. */
  public SimulatorConfigBuilder toBuilder() {
    return new SimulatorConfigBuilder(this);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
