package org.ridemarket.eta.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the ETA service; every default runs against the local stack from the repository root. */
@ConfigMapping(prefix = "eta")
public interface EtaConfig {

  /** Where the routing baseline comes from. */
  Routing routing();

  /** Which ETA models are served. */
  Model model();

  /** The range of an ETA answered without the models. */
  Degraded degraded();

  /** What an ETA request may ask for. */
  Request request();

  /** The join of predictions with completed trips, and the rolling accuracy over it. */
  Accuracy accuracy();

  /** The {@code EtaPredicted} events. */
  Events events();

  /** The road router and its graph cache. */
  interface Routing {

    /**
     * The OpenStreetMap extract ({@code .osm.pbf}) to route on, relative to the working directory;
     * absent means map-free routing. A file that is missing or fails to load also gives map-free
     * routing, with a warning.
     */
    Optional<Path> osmFile();

    /** Directory under which the imported graph is kept, so that a restart loads it instead of importing. */
    @WithDefault("target/graph-cache")
    Path graphCacheDir();
  }

  /** The model artifact store and the three models' names in it. */
  interface Model {

    /** The point model: predicts ln(actual / baseline). */
    @WithDefault("eta")
    String pointName();

    /** The 10th-percentile model of the same residual. */
    @WithDefault("eta-p10")
    String p10Name();

    /** The 90th-percentile model of the same residual. */
    @WithDefault("eta-p90")
    String p90Name();

    /** The version of all three to serve; when absent, each model's most recently published version. */
    Optional<String> version();
  }

  /** The answer without models or features: the routing baseline with a wide range. */
  interface Degraded {

    /** p10 of a degraded ETA, as a multiple of the baseline. */
    @WithDefault("0.7")
    double p10Factor();

    /** p90 of a degraded ETA, as a multiple of the baseline. */
    @WithDefault("1.6")
    double p90Factor();
  }

  /** Request limits; a request outside them gets a 400 naming the field. */
  interface Request {

    /** Latest departure accepted, from now. */
    @WithDefault("P7D")
    Duration maxDepartureAhead();

    /** Earliest departure accepted, before now (a client clock a little behind, a retried request). */
    @WithDefault("PT1H")
    Duration maxDepartureBehind();

    /** Closest origin and destination may be, in metres (great circle): closer is the same place. */
    @WithDefault("10")
    double minTripMetres();

    /** Farthest apart origin and destination may be, in kilometres; bounds the cells read per request. */
    @WithDefault("100")
    double maxTripKm();
  }

  /** Where the {@code EtaPredicted} events go, and how long Kafka has to take one before it counts as lost. */
  interface Events {

    /** The Kafka cluster. */
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();

    /**
     * How long a batch gathers before it is sent. Nothing decides on these events (the console and the archiver read
     * them), and at 1,000 ETAs/s a 5-ms linger sent ~200 produce requests a second, each a wake-up of this JVM and
     * of the broker on the same cores as the answers (docs/benchmarks/2026-12-05-eta-cpu.md).
     */
    @WithDefault("PT0.05S")
    Duration linger();

    /** How long an event may wait for Kafka (a broker down) before it is dropped and counted as failed. */
    @WithDefault("PT2M")
    Duration deliveryTimeout();
  }

  /** Predictions waiting for their trip's completion, and the window the accuracy is measured over. */
  interface Accuracy {

    /** How long a prediction waits for its trip's completion before it is forgotten. */
    @WithDefault("PT2H")
    Duration pendingTtl();

    /** Number of most recent joined predictions the rolling accuracy is computed over. */
    @WithDefault("1000")
    int window();
  }
}
