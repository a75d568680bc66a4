package org.ridemarket.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.ridemarket.simulator.city.DemandSpike;
import org.ridemarket.simulator.fraud.LabelDelay;

/** Builds a {@link SimulatorConfig}; starts from the live-demo defaults. */
public final class SimulatorConfigBuilder {

  private long seed = 42;
  private double speed = 10;
  private Duration duration;
  private int drivers = 400;
  private int riders = 20_000;
  private double demandScale = 1.0;
  private double fraudShare = 0.02;
  private LabelDelay labelDelay = LabelDelay.DEFAULT;
  private List<DemandSpike> spikes = new ArrayList<>();
  private String kafkaBootstrap;
  private String compression = "lz4";
  private URI pricingUrl;
  private Path out;
  private Path groundTruth;
  private Path uberCsv;
  private Instant start = SimulatorConfig.DEFAULT_START;
  private ZoneId zone = SimulatorConfig.NEW_YORK;
  private double matchRadiusMeters = 3_000;
  private double driftProbability = 0.6;
  private Duration progressInterval = Duration.ofSeconds(5);
  private Duration surgeRefresh = Duration.ofSeconds(30);
  private Duration reportFrom;
  private Duration reportTo;

  SimulatorConfigBuilder() {
  }

  SimulatorConfigBuilder(SimulatorConfig c) {
    seed = c.seed();
    speed = c.speed();
    duration = c.duration();
    drivers = c.drivers();
    riders = c.riders();
    demandScale = c.demandScale();
    fraudShare = c.fraudShare();
    labelDelay = c.labelDelay();
    spikes = new ArrayList<>(c.spikes());
    kafkaBootstrap = c.kafkaBootstrap();
    compression = c.compression();
    pricingUrl = c.pricingUrl();
    out = c.out();
    groundTruth = c.groundTruth();
    uberCsv = c.uberCsv();
    start = c.start();
    zone = c.zone();
    matchRadiusMeters = c.matchRadiusMeters();
    driftProbability = c.driftProbability();
    progressInterval = c.progressInterval();
    surgeRefresh = c.surgeRefresh();
    reportFrom = c.reportFrom();
    reportTo = c.reportTo();
  }

  public SimulatorConfigBuilder seed(long value) {
    seed = value;
    return this;
  }

  public SimulatorConfigBuilder speed(double value) {
    speed = value;
    return this;
  }

  public SimulatorConfigBuilder duration(Duration value) {
    duration = value;
    return this;
  }

  public SimulatorConfigBuilder drivers(int value) {
    drivers = value;
    return this;
  }

  public SimulatorConfigBuilder riders(int value) {
    riders = value;
    return this;
  }

  public SimulatorConfigBuilder demandScale(double value) {
    demandScale = value;
    return this;
  }

  public SimulatorConfigBuilder fraudShare(double value) {
    fraudShare = value;
    return this;
  }

  public SimulatorConfigBuilder labelDelay(LabelDelay value) {
    labelDelay = value;
    return this;
  }

  public SimulatorConfigBuilder spike(DemandSpike value) {
    spikes.add(value);
    return this;
  }

  public SimulatorConfigBuilder kafkaBootstrap(String value) {
    kafkaBootstrap = value;
    return this;
  }

  public SimulatorConfigBuilder compression(String value) {
    compression = value;
    return this;
  }

  public SimulatorConfigBuilder out(Path value) {
    out = value;
    return this;
  }

  public SimulatorConfigBuilder groundTruth(Path value) {
    groundTruth = value;
    return this;
  }

  public SimulatorConfigBuilder uberCsv(Path value) {
    uberCsv = value;
    return this;
  }

  public SimulatorConfigBuilder start(Instant value) {
    start = value;
    return this;
  }

  public SimulatorConfigBuilder zone(ZoneId value) {
    zone = value;
    return this;
  }

  public SimulatorConfigBuilder matchRadiusMeters(double value) {
    matchRadiusMeters = value;
    return this;
  }

  public SimulatorConfigBuilder driftProbability(double value) {
    driftProbability = value;
    return this;
  }

  /** Quote every request at this pricing-service (closed loop); null for flat prices. */
  public SimulatorConfigBuilder pricingUrl(URI value) {
    pricingUrl = value;
    return this;
  }

  public SimulatorConfigBuilder progressInterval(Duration value) {
    progressInterval = value;
    return this;
  }

  /** Simulated time between two fetches of the live surge map (with a pricing URL). */
  public SimulatorConfigBuilder surgeRefresh(Duration value) {
    surgeRefresh = value;
    return this;
  }

  /** Also report the requests made from this long after the start (to the end, or to {@link #reportTo}). */
  public SimulatorConfigBuilder reportFrom(Duration value) {
    reportFrom = value;
    return this;
  }

  /** Also report the requests made until this long after the start (from the start, or from {@link #reportFrom}). */
  public SimulatorConfigBuilder reportTo(Duration value) {
    reportTo = value;
    return this;
  }

  /** The config; throws IllegalArgumentException naming the first invalid setting. */
  public SimulatorConfig build() {
    return new SimulatorConfig(seed, speed, duration, drivers, riders, demandScale, fraudShare, labelDelay, spikes,
        kafkaBootstrap, compression, out, groundTruth, uberCsv, start, zone, matchRadiusMeters, driftProbability,
        progressInterval, pricingUrl, surgeRefresh, reportFrom, reportTo);
  }
}
