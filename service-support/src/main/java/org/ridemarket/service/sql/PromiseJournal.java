package org.ridemarket.service.sql;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.function.Function;
import org.ridemarket.service.config.ServingConfig;
import org.jboss.logging.Logger;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.logging.RateLimitedLog;
import org.ridemarket.service.sql.NotRecordedException.Reason;

/**
 * Records promises (quotes, fraud decisions) and their events in one statement (docs/adr/0011): the
 * promise's row and its event's row in the service's outbox table are inserted together, so they commit
 * or fail together, and {@link OutboxRelay} publishes the event afterwards. A stored promise therefore
 * always gets its event, and an event never exists for a promise that was not stored. Writes go through
 * {@link GroupCommit}: one statement per promise, batched under load.
 *
 * @param <T> the promise
 */
public final class PromiseJournal<T> {

  /** A promise's event as Kafka will carry it. */
  public record Event(String topic, String key, byte[] value) {
  }

  private static final int WARM_CONNECTIONS = 4;
  private static final Duration WARM_TIMEOUT = Duration.ofSeconds(10);

  private final GroupCommit<T> commits;
  private final Function<T, Tuple> row;
  private final Pool pool;
  private final String statement;
  private final RateLimitedLog failures = new RateLimitedLog(Logger.getLogger(PromiseJournal.class));

  /**
   * A journal of {@code insert} (an INSERT of the promise's row with {@code parameters} parameters and
   * no RETURNING clause; an {@code ON CONFLICT DO NOTHING} stores no event for a row not inserted).
   */
  public PromiseJournal(Pool pool, String insert, int parameters, Function<T, Tuple> tuple,
      Function<T, Event> event, ServingConfig.Journal config, OutboxRelay relay, String name) {
    String withEvent = "with promise as (" + insert + " returning 1)"
        + " insert into " + relay.table() + " (topic, event_key, event_value, traceparent) select $" + (parameters + 1)
        + ", $" + (parameters + 2) + ", $" + (parameters + 3) + ", $" + (parameters + 4) + " from promise";
    this.row = item -> withEvent(tuple.apply(item), event.apply(item));
    this.pool = pool;
    this.statement = withEvent;
    this.commits = new GroupCommit<>(pool, withEvent, row,
        config.maxBatch(), config.maxInFlight(), config.maxWaiting(), config.stallAfter(), relay::wake, name);
    warm(pool, withEvent, Math.min(config.maxInFlight(), WARM_CONNECTIONS));
  }

  // Opens a few connections and prepares the insert on each, in the background, so that the first promises
  // after a start do not pay for the connection handshakes (a cold first commit exceeded a 250 ms deadline).
  private static void warm(Pool pool, String insert, int connections) {
    for (int i = 0; i < connections; i++) {
      pool.withConnection(connection -> connection.prepare(insert).replaceWithVoid())
          .ifNoItem().after(WARM_TIMEOUT).fail()
          .subscribe().with(prepared -> { },
              failure -> Logger.getLogger(PromiseJournal.class).debugf("warming a connection failed: %s", failure));
    }
  }

  /**
   * Records a promise and its event unless {@code deadline} passes first.
   *
   * @return a Uni of true when the promise's row was inserted, false when its key was taken (nothing
   *     was written); it fails with {@link NotRecordedException} when PostgreSQL failed, too many writes
   *     were waiting, or the deadline passed (the promise must then not be given)
   */
  public Uni<Boolean> record(T promise, Deadline deadline) {
    // The group commit bounds the wait by the deadline itself (GroupCommit#record).
    return commits.record(promise, deadline)
        .onFailure(failure -> !(failure instanceof NotRecordedException))
        .transform(failure -> new NotRecordedException(Reason.FAILED,
            "PostgreSQL did not record it: " + failure.getMessage(), failure))
        .onFailure().invoke(failure -> failures.degraded("a promise was not recorded and is refused with 503",
            "postgres", failure));
  }

  /**
   * Rehearses {@link #record} and records nothing (the warm-up, ADR 0031): builds the row and the event
   * exactly as it would, encoding included, and runs the statement in a transaction that is rolled back, so
   * that the connections, the prepared statement and the client's code are warm. Nothing is committed, so
   * nothing reaches the outbox or Kafka, and the relay is not woken.
   *
   * @return a Uni that fails with the statement's failure, or with {@link NotRecordedException} at {@code deadline}
   */
  public Uni<Void> rehearse(T promise, Deadline deadline) {
    Tuple tuple = row.apply(promise);
    return deadline.bound(pool.withConnection(connection -> connection.begin().chain(transaction -> connection
        .preparedQuery(statement).execute(tuple)
        .onItemOrFailure().transformToUni((rows, failure) -> failure == null ? transaction.rollback()
            // A failed statement has ended the transaction already; the rehearsal still fails with its reason.
            : transaction.rollback().onItemOrFailure().transformToUni((ignored, alsoFailed) -> Uni.createFrom()
                .failure(failure))))),
        () -> new NotRecordedException(Reason.DEADLINE, "the rehearsal had no answer from PostgreSQL within "
            + deadline.budget().toMillis() + " ms"));
  }

  /** Group commit bounds set in code rather than configuration (tests, tools). */
  public record Bounds(int maxBatch, int maxInFlight, int maxWaiting, Duration stallAfter)
      implements ServingConfig.Journal {

    /** Bounds with the configuration's default stall duration. */
    public Bounds(int maxBatch, int maxInFlight, int maxWaiting) {
      this(maxBatch, maxInFlight, maxWaiting, Duration.parse(DEFAULT_STALL_AFTER));
    }
  }

  /** Writes sent so far (a batch or a retried single promise each); for tests. */
  public int writes() {
    return commits.writes();
  }

  private static Tuple withEvent(Tuple promise, Event event) {
    return promise.addString(event.topic()).addString(event.key()).addValue(Buffer.buffer(event.value()))
        .addValue(traceparent());
  }

  // W3C trace context of the request, so that the relayed event continues the request's trace.
  private static String traceparent() {
    SpanContext span = Span.current().getSpanContext();
    if (!span.isValid()) {
      return null;
    }
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
  }
}
