package org.ridemarket.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The console's configuration: where the services are, what the map shows, how much history is kept. */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

  /** Base URL of pricing-service (health and metrics). */
  @WithDefault("http://127.0.0.1:8081")
  String pricingUrl();

  /** Base URL of eta-service (health and metrics: accuracy). */
  @WithDefault("http://127.0.0.1:8082")
  String etaUrl();

  /** Base URL of fraud-service (health, metrics, and the review queue the console proxies). */
  @WithDefault("http://127.0.0.1:8083")
  String fraudUrl();

  /** Base URL of feature-streams (health and metrics: freshness, consumer lag). */
  @WithDefault("http://127.0.0.1:8090")
  String featuresUrl();

  /** How often every service's readiness and metrics are sampled. */
  @WithDefault("PT5S")
  Duration pollInterval();

  /** How many samples per service are kept for the charts (at 5 s, 720 is one hour). */
  @WithDefault("720")
  int historySize();

  /** The longest a call to a service (health, metrics, review queue) may take. */
  @WithDefault("PT3S")
  Duration callTimeout();

  /** How far back the live feeds start reading Kafka when the console starts. */
  @WithDefault("PT30M")
  Duration lookback();

  /** Dead-letter examples kept per reason. */
  @WithDefault("5")
  int deadLetterExamples();

  /** The city's box, whose H3 cells the map always draws. */
  City city();

  /** The OpenStreetMap extract the base map is drawn from; default: the Midtown extract beside the project. */
  Optional<String> osmFile();

  /** Street simplification tolerance in metres (Douglas-Peucker). */
  @WithDefault("4")
  double streetToleranceMeters();

  /** A latitude/longitude box. */
  interface City {
    /** Southern edge. */
    @WithDefault("40.7360")
    double minLat();

    /** Northern edge. */
    @WithDefault("40.7590")
    double maxLat();

    /** Western edge. */
    @WithDefault("-74.0126")
    double minLon();

    /** Eastern edge. */
    @WithDefault("-73.9630")
    double maxLon();
  }
}
