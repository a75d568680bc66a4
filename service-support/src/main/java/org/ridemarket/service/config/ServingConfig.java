package org.ridemarket.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration of the serving core that every decision service shares (prefix {@code serving});
 * every default runs against the local stack.
 */
@ConfigMapping(prefix = "serving")
public interface ServingConfig {

  /**
   * Deadline of each decision endpoint by decision name ({@code quote}, {@code eta}, {@code score}):
   * no caller waits longer than this, whatever is paused.
   */
  Map<String, Duration> deadlines();

  /** Deadline of an endpoint without its own entry in {@link #deadlines()}. */
  @WithDefault("PT0.25S")
  Duration defaultDeadline();

  /** The bounded pool that runs CPU work (inference, routing, policy) off the event loops. */
  Pool pool();

  /** The feature store read. */
  Features features();

  /** The model artifact store and hot swaps. */
  Models models();

  /** Group commit of promises (quotes, fraud decisions) with their events. */
  Journal journal();

  /** The relay of recorded promises' events from the outbox table to Kafka. */
  Outbox outbox();

  /** The rehearsal of the decision path before readiness (ADR 0031). */
  Warmup warmup();

  /** Keys of the admin endpoints ({@code X-Admin-Key}); none configured means admin calls are refused. */
  Optional<List<String>> adminKeys();

  /** CPU pool bounds. */
  interface Pool {

    /** Worker threads; 0 means one per available processor. */
    @WithDefault("0")
    int threads();

    /** Tasks that may wait for a worker; beyond it a request is refused or degraded at once. */
    @WithDefault("512")
    int queue();
  }

  /** The Redis feature store. */
  interface Features {

    /** Redis URI of the feature store, for example redis://127.0.0.1:16379. */
    @WithDefault("redis://127.0.0.1:16379")
    String redisUrl();

    /** Longest one pipelined read may take (less when the request's deadline is nearer). */
    @WithDefault("PT0.03S")
    Duration timeout();

    /**
     * How long Redis may answer nothing while a read is under way before decisions skip it at once (a
     * degraded answer) instead of each waiting out the timeout; its first answer ends that.
     */
    @WithDefault("PT0.1S")
    Duration stallAfter();
  }

  /** Where models come from and how new versions are picked up. */
  interface Models {

    /** Root of the artifact store ({@code <dir>/<name>/<name>-<version>.onnx}). */
    @WithDefault("models/artifacts")
    Path dir();

    /** How often the store is checked for a newer version of an unpinned model; 0 turns it off. */
    @WithDefault("PT10S")
    Duration pollInterval();
  }

  /** Group commit bounds. */
  interface Journal {

    /** The default of {@link #stallAfter()}, also for bounds set in code. */
    String DEFAULT_STALL_AFTER = "PT0.15S";

    /** Most promises in one write (one pipelined round trip, one implicit transaction). */
    @WithDefault("128")
    int maxBatch();

    /**
     * Writes under way at once; more promises wait and are batched. Two: the promises that arrive during a
     * write still share the next, and one slow write no longer holds every promise behind it (docs/adr/0005,
     * amendments).
     */
    @WithDefault("2")
    int maxInFlight();

    /** Promises that may wait for a write; beyond it a request fails fast with 503. */
    @WithDefault("2048")
    int maxWaiting();

    /**
     * How long PostgreSQL may answer nothing while a write is under way before new promises are refused at
     * once with 503 (a paused or unreachable database) instead of waiting out their deadlines.
     */
    @WithDefault(DEFAULT_STALL_AFTER)
    Duration stallAfter();
  }

  /** The outbox relay. */
  interface Outbox {

    /** The service's own outbox table, so that services sharing a database never relay each other's events. */
    @WithDefault("outbox")
    String table();

    /** Whether this instance relays the outbox (any number of instances may; rows are locked). */
    @WithDefault("true")
    boolean enabled();

    /** Longest pause between two looks at the outbox when no new promise wakes the relay. */
    @WithDefault("PT0.2S")
    Duration pollInterval();

    /**
     * How long the relay, woken by a commit, waits for more commits before it looks: the promises of that
     * time leave in one relay transaction and one Kafka request instead of one each. Zero: at once. 50 ms rather than
     * 10 ms spends less CPU in the service, the broker and PostgreSQL, and nothing reads the events within
     * milliseconds (docs/benchmarks/2026-12-05-native-transport.md).
     */
    @WithDefault("PT0.05S")
    Duration linger();

    /** Most events relayed in one transaction. */
    @WithDefault("500")
    int batch();

    /** How long one batch may wait for Kafka before the transaction is rolled back and retried. */
    @WithDefault("PT30S")
    Duration sendTimeout();
  }

  /**
   * Warm-up: rounds of side-effect-free rehearsals of the decision path (a feature-store read, a run of each
   * model on the pool, a request to the HTTP server, each service's own steps) before readiness says UP, so
   * that a new instance's first callers do not pay for class loading, the JIT and cold connections.
   */
  interface Warmup {

    /** Rounds of every step; 0 turns the warm-up off (readiness does not wait for it). */
    @WithDefault("2000")
    int rounds();

    /** Longest the warm-up may hold readiness back; after it the instance is ready, warm or not. */
    @WithDefault("PT30S")
    Duration maxDuration();
  }
}
