package org.ridemarket.service.sql;

import io.netty.util.Timeout;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.deadline.DeadlineTimer;
import org.ridemarket.service.deadline.Stall;
import org.ridemarket.service.sql.NotRecordedException.Reason;
import org.ridemarket.service.vertx.VertxContexts;

/**
 * Group commit of one INSERT statement (docs/adr/0005): a row is inserted at once while fewer than
 * {@code maxInFlight} writes are under way; rows arriving meanwhile are sent together, as one pipelined
 * batch (one round trip, one implicit transaction), when a write finishes. Under light load every row
 * is its own single-statement write; under heavy load the round trip is shared by the batch.
 *
 * <p>A failed batch is retried one row at a time, so one bad row fails only its own caller. A caller's
 * Uni completes only after its statement is committed, with whether it inserted a row (false for an
 * {@code ON CONFLICT DO NOTHING} that found the key taken).
 *
 * <p>When a write has been under way for {@code stallAfter} and PostgreSQL has answered nothing since (it
 * is paused, or its host is gone), new rows are refused at once rather than left to wait out their
 * deadlines ({@link Stall}), and so are the rows queued behind the unanswered writes; one row per stall
 * duration is let through as a probe when a write slot is free to send it. The first answer ends that.
 *
 * @param <T> what one row records
 */
public final class GroupCommit<T> {

  private record Pending<T>(T item, CompletableFuture<Boolean> written, Deadline deadline) {
  }

  private final Pool pool;
  private final String insert;
  private final Function<T, Tuple> tuple;
  private final int maxBatch;
  private final int maxInFlight;
  private final int maxWaiting;
  private final Runnable afterCommit;
  private final Queue<Pending<T>> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waitingCount = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger writes = new AtomicInteger();
  private final Stall stall;

  /**
   * Group commit of {@code insert}, one statement per item with the parameters {@code tuple} gives, with at
   * most {@code maxWaiting} rows waiting for a write (more are refused at once) and {@code afterCommit} run
   * after every committed write, refusing rows at once while PostgreSQL has answered nothing for
   * {@code stallAfter} with a write under way.
   *
   * @param configPrefix the service's configuration prefix of the bounds, for the error message
   */
  public GroupCommit(Pool pool, String insert, Function<T, Tuple> tuple, int maxBatch, int maxInFlight,
      int maxWaiting, Duration stallAfter, Runnable afterCommit, String configPrefix) {
    if (maxBatch < 1 || maxInFlight < 1 || maxWaiting < 1) {
      throw new IllegalArgumentException(configPrefix + " needs max-batch, max-in-flight and max-waiting >= 1");
    }
    this.maxWaiting = maxWaiting;
    this.afterCommit = afterCommit;
    this.pool = pool;
    this.insert = insert;
    this.tuple = tuple;
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.stall = new Stall(stallAfter);
  }

  /**
   * Inserts the row of {@code item} unless {@code deadline} passes before its write is sent: a row still
   * waiting then is never written. Its Uni fails with {@link NotRecordedException} when the deadline
   * passes before the commit (whether or not the row was sent; a row sent may still commit), and at once
   * when {@code maxWaiting} rows are already waiting or PostgreSQL is stalled.
   *
   * @return a Uni of true when the statement inserted a row, false when it inserted none; it completes,
   *     on the caller's Vert.x context, once the statement is committed or the deadline has passed
   */
  public Uni<Boolean> record(T item, Deadline deadline) {
    Executor context = VertxContexts.current();
    long waitMillis = deadline.remaining().toMillis();
    if (waitMillis < 1) {
      return Uni.createFrom().failure(new NotRecordedException(Reason.DEADLINE,
          "the deadline passed before the write"));
    }
    if (stall.stalled() && (inFlight.get() >= maxInFlight || stall.skip())) {
      // While PostgreSQL is stalled a row is refused at once: always while every write slot is held (queued,
      // it could only wait out its deadline, even as the stall's probe), otherwise unless it is the probe.
      // The rows already queued behind the unanswered writes are refused with it.
      NotRecordedException stalled = new NotRecordedException(Reason.STALLED,
          "PostgreSQL has answered nothing for " + stall.silent().toMillis() + " ms");
      refuseWaiting(stalled);
      return Uni.createFrom().failure(stalled);
    }
    if (waitingCount.incrementAndGet() > maxWaiting) {
      waitingCount.decrementAndGet();
      return Uni.createFrom().failure(new NotRecordedException(Reason.BACKLOG,
          maxWaiting + " writes are already waiting"));
    }
    CompletableFuture<Boolean> written = new CompletableFuture<>();
    // The deadline is enforced here, on the future itself, rather than by a Mutiny timeout downstream: the
    // first of commit, failure and expiry completes it and the others are no-ops, where two Mutiny signals
    // racing (a timeout and a late failure) made Mutiny drop and log the loser as an error under load.
    Timeout expiry = DeadlineTimer.schedule(Duration.ofMillis(waitMillis), () -> written.completeExceptionally(
        new NotRecordedException(Reason.DEADLINE, "PostgreSQL did not commit within the request's deadline of "
            + deadline.budget().toMillis() + " ms")));
    // Cancelled once answered, so that an answered row costs nothing at its deadline.
    written.whenComplete((inserted, failure) -> expiry.cancel());
    waiting.add(new Pending<>(item, written, deadline));
    drain();
    return Uni.createFrom().completionStage(written).emitOn(context);
  }

  /** Writes sent so far (a batch or a retried single row each); for tests. */
  public int writes() {
    return writes.get();
  }

  // Refuses every row still waiting for a write slot (drain() may take some meanwhile: each row is taken once).
  private void refuseWaiting(NotRecordedException stalled) {
    Pending<T> next;
    while ((next = waiting.poll()) != null) {
      waitingCount.decrementAndGet();
      next.written().completeExceptionally(stalled);
    }
  }

  // Starts writes while there are waiting rows and free slots. A finishing write frees its slot before
  // it drains, and a new row is queued before it drains, so none is left waiting.
  private void drain() {
    while (!waiting.isEmpty()) {
      int current = inFlight.get();
      if (current >= maxInFlight) {
        return;
      }
      if (!inFlight.compareAndSet(current, current + 1)) {
        continue;
      }
      List<Pending<T>> batch = new ArrayList<>();
      Pending<T> next;
      while (batch.size() < maxBatch && (next = waiting.poll()) != null) {
        waitingCount.decrementAndGet();
        if (next.deadline().expired()) {
          // Its caller has been answered (or is about to be) without it: it must not be promised now.
          next.written().completeExceptionally(new NotRecordedException(Reason.DEADLINE,
              "the deadline passed before the write"));
        } else {
          batch.add(next);
        }
      }
      if (batch.isEmpty()) {
        inFlight.decrementAndGet();
        continue;
      }
      write(batch);
    }
  }

  private void write(List<Pending<T>> batch) {
    writes.incrementAndGet();
    Uni<Void> written = insert(batch)
        .invoke(inserted -> {
          for (int i = 0; i < batch.size(); i++) {
            batch.get(i).written().complete(inserted.get(i));
          }
        })
        .replaceWithVoid()
        .onFailure().recoverWithUni(failure -> batch.size() == 1
            ? Uni.createFrom().failure(failure)
            : Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(this::insertAlone)
                .collect().last().replaceWithVoid());
    // Counted from the subscription, which sends the write: building it can fail before anything is sent.
    stall.begin();
    written.subscribe().with(
        done -> {
          stall.end(true);
          afterCommit.run();
          finish(batch, null);
        },
        failure -> {
          stall.end(true);
          finish(batch, failure);
        });
  }

  // After a failed batch: each row on its own, completing (or failing) only its own Uni.
  private Uni<Void> insertAlone(Pending<T> pending) {
    writes.incrementAndGet();
    return insert(List.of(pending))
        .invoke(inserted -> pending.written().complete(inserted.get(0)))
        .onFailure().invoke(failure -> pending.written().completeExceptionally(failure))
        .onFailure().recoverWithNull()
        .replaceWithVoid();
  }

  // One row count per statement, in order: true when it inserted a row.
  private Uni<List<Boolean>> insert(List<Pending<T>> batch) {
    Uni<RowSet<Row>> result = batch.size() == 1
        ? pool.preparedQuery(insert).execute(tuple.apply(batch.get(0).item()))
        : pool.preparedQuery(insert).executeBatch(batch.stream().map(pending -> tuple.apply(pending.item())).toList());
    return result.map(rows -> {
      List<Boolean> inserted = new ArrayList<>(batch.size());
      for (RowSet<Row> statement = rows; statement != null; statement = statement.next()) {
        inserted.add(statement.rowCount() > 0);
      }
      if (inserted.size() != batch.size()) {
        throw new IllegalStateException("expected " + batch.size() + " row counts, got " + inserted.size());
      }
      return inserted;
    });
  }

  // Completes whatever a retry did not already complete (completing twice is a no-op).
  private void finish(List<Pending<T>> batch, Throwable failure) {
    for (Pending<T> pending : batch) {
      if (failure != null) {
        pending.written().completeExceptionally(failure);
      } else if (!pending.written().isDone()) {
        pending.written().completeExceptionally(new IllegalStateException("row left unwritten"));
      }
    }
    inFlight.decrementAndGet();
    drain();
  }
}
