package org.ridemarket.service.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.ridemarket.service.onnx.ModelUnavailableException;
import org.ridemarket.service.pool.WorkRefusedException;
import org.ridemarket.service.redis.FeatureStoreException;
import org.ridemarket.service.sql.NotRecordedException;

/**
 * The meters every decision service keeps, named after the service's decision so that dashboards and
 * alerts keep their names: {@code <decision>.latency{degraded}} (server time of an answer),
 * {@code <service>.features.read}, {@code <service>.model.inference}, {@code <service>.journal.record} (the
 * services that record their promises), {@code <service>.degraded{reason}}
 * and {@code <service>.refused{reason}} (503s: the answer could not be recorded in time, or the service is
 * overloaded).
 */
public final class DecisionMetrics {

  private final MeterRegistry registry;
  private final String service;
  private final Timer answered;
  private final Timer answeredDegraded;
  private final Timer featureRead;
  private final Timer inference;
  // Made at the first promise recorded, so that a service without a journal (ETA) shows no empty timer.
  private volatile Timer journal;

  /**
   * Meters of one decision.
   *
   * @param service the service's prefix: {@code pricing}, {@code eta}, {@code fraud}
   * @param latency the answer timer's name, e.g. {@code pricing.quote.latency}
   */
  public DecisionMetrics(MeterRegistry registry, String service, String latency) {
    this.registry = registry;
    this.service = service;
    this.answered = timer(Timer.builder(latency).description("Server time of a decision").tag("degraded", "false"));
    this.answeredDegraded = timer(Timer.builder(latency).description("Server time of a decision")
        .tag("degraded", "true"));
    this.featureRead = timer(Timer.builder(service + ".features.read")
        .description("One pipelined feature store read, whatever its outcome"));
    this.inference = timer(Timer.builder(service + ".model.inference").description("ONNX Runtime runs of a decision"));
  }

  // Buckets for aggregation across instances, plus this instance's own p50/p99/p99.9 (the latency budget).
  private Timer timer(Timer.Builder builder) {
    return builder.publishPercentileHistogram().publishPercentiles(0.5, 0.99, 0.999).register(registry);
  }

  /** A decision was answered {@code nanos} after its request arrived. */
  public void answered(long nanos, boolean degraded) {
    (degraded ? answeredDegraded : answered).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The decision's feature read, {@code read} (called now), timed from the call to its outcome, whatever it is. */
  public <T> Uni<T> timeFeatureRead(Supplier<Uni<T>> read) {
    return timed(read, featureRead);
  }

  /** The model runs of one decision took {@code nanos}. */
  public void inferred(long nanos) {
    inference.record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * The journal's record of a promise, {@code record} (called now), timed from the call to its outcome, whatever
   * it is: the wait for the group commit's batch, the statement and the commit. With the feature read and the
   * inference it splits a decision's time.
   */
  public <T> Uni<T> timeRecord(Supplier<Uni<T>> record) {
    return timed(record, journal());
  }

  private static <T> Uni<T> timed(Supplier<Uni<T>> call, Timer timer) {
    long started = System.nanoTime();
    return call.get().onTermination().invoke(() -> timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
  }

  private Timer journal() {
    Timer timer = journal;
    if (timer == null) {
      // Registering again returns the same timer, so two first promises at once do no harm.
      timer = timer(Timer.builder(service + ".journal.record")
          .description("Recording a promise and its event in PostgreSQL, the group commit's queue included,"
              + " whatever its outcome"));
      journal = timer;
    }
    return timer;
  }

  /** A decision was answered from a fallback; {@code reason}: features, model, overload or internal. */
  public void degraded(String reason) {
    Counter.builder(service + ".degraded").description("Decisions answered from a fallback, by reason")
        .tag("reason", reason).register(registry).increment();
  }

  /**
   * A request was refused with 503 because its promise was not recorded; the meter's reason says why
   * ({@link NotRecordedException.Reason#meterTag()}: a paused PostgreSQL, the deadline, a full queue, an error).
   */
  public void refused(NotRecordedException failure) {
    refused(failure.reason().meterTag());
  }

  /** A request was refused with 503; {@code reason}: overload or one of {@link NotRecordedException.Reason}. */
  public void refused(String reason) {
    Counter.builder(service + ".refused").description("Requests refused with 503, by reason")
        .tag("reason", reason).register(registry).increment();
  }

  /** The meter reason of a degraded answer's cause. */
  public static String reasonOf(Throwable failure) {
    if (failure instanceof FeatureStoreException) {
      return "features";
    }
    if (failure instanceof WorkRefusedException) {
      return "overload";
    }
    if (failure instanceof ModelUnavailableException
        || failure instanceof IllegalStateException || failure instanceof IllegalArgumentException) {
      return "model";
    }
    return "internal";
  }
}
