package org.ridemarket.pricing.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import javax.sql.DataSource;
import org.ridemarket.pricing.mapping.QuoteMapper;
import org.ridemarket.service.sql.PromiseJournal;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.sql.NotRecordedException;
import org.ridemarket.service.sql.NotRecordedException.Reason;
import org.ridemarket.service.sql.OutboxRelay;
import org.ridemarket.stack.LocalStack;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.pricing.Fare;
import org.ridemarket.pricing.Position;
import org.ridemarket.pricing.Quote;
import org.ridemarket.pricing.SurgeDecision;
import org.ridemarket.pricing.SurgeSource;
import org.ridemarket.pricing.Trip;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class QuoteJournalTest {

  @Inject
  Pool pool;

  @Inject
  DataSource dataSource;

  @Inject
  QuoteMapper mapper;

  @Inject
  QuoteJournal serviceJournal;

  private QuoteJournal journal(int maxBatch, int maxInFlight) {
    // The service's own relay publishes the events of the rows these journals write.
    return new QuoteJournal(pool, OutboxRelay.idle(dataSource, "quote_outbox"), mapper,
        new PromiseJournal.Bounds(maxBatch, maxInFlight, 10_000));
  }

  private static final Deadline NONE = Deadline.after(Duration.ofMinutes(5));

  // A journal that counts PostgreSQL as stalled after 100 ms without an answer.
  private QuoteJournal stallingJournal(int maxInFlight) {
    return new QuoteJournal(pool, OutboxRelay.idle(dataSource, "quote_outbox"), mapper,
        new PromiseJournal.Bounds(64, maxInFlight, 100, Duration.ofMillis(100)));
  }

  private static void assertRefusedForTheStall(CompletableFuture<Void> answer) {
    assertThatThrownBy(() -> answer.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(NotRecordedException.class)
        .hasMessageContaining("answered nothing").cause()
        .isInstanceOfSatisfying(NotRecordedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALLED));
  }

  @Test
  void shouldBatchQuotesThatArriveWhileAWriteIsUnderWayAndCommitEveryOne() throws Exception {
    // given one write slot, so that quotes recorded while the first is written must wait and batch
    QuoteJournal journal = journal(64, 1);
    List<Quote> quotes = new ArrayList<>();
    List<CompletableFuture<Void>> written = new ArrayList<>();

    // when 200 quotes are recorded back to back
    for (int i = 0; i < 200; i++) {
      Quote quote = quote(UUID.randomUUID());
      quotes.add(quote);
      written.add(journal.record(quote, NONE).subscribeAsCompletionStage());
    }
    CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    // then every one is committed, in far fewer writes than quotes
    assertThat(count(quotes)).isEqualTo(200);
    assertThat(journal.writes()).isLessThan(20);
  }

  @Test
  void shouldSendEveryQuoteThatArrivesDuringAWriteInTheNextOneWithTheServicesDefaultBounds() throws Exception {
    // given the service's own journal, its first write held by a paused PostgreSQL (shorter than the stall time)
    LocalStack stack = LocalStackTestResource.shared();
    int writesBefore = serviceJournal.writes();
    List<Quote> quotes = new ArrayList<>();
    List<CompletableFuture<Void>> written = new ArrayList<>();
    stack.pausePostgres(true);
    try {
      // when 51 quotes are recorded: the first two start a write each, the other 49 arrive while both are under way
      for (int i = 0; i < 51; i++) {
        Quote quote = quote(UUID.randomUUID());
        quotes.add(quote);
        written.add(serviceJournal.record(quote, NONE).subscribeAsCompletionStage());
      }
      Thread.sleep(300);
    } finally {
      stack.pausePostgres(false);
    }
    CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    // then all are committed in three writes: two at a time (serving.journal.max-in-flight = 2), and the 49
    // that waited for them share the next (with more slots, each of the first few would be a write of its own)
    assertThat(count(quotes)).isEqualTo(51);
    assertThat(serviceJournal.writes() - writesBefore).isEqualTo(3);
  }

  @Test
  void shouldFailOnlyTheBadQuoteOfABatch() throws Exception {
    // given a quote already recorded
    QuoteJournal journal = journal(64, 1);
    Quote first = quote(UUID.randomUUID());
    journal.record(first, NONE).await().atMost(Duration.ofSeconds(10));

    // when a batch holds a second quote with its id between two good ones
    CompletableFuture<Void> blocker = journal.record(quote(UUID.randomUUID()), NONE).subscribeAsCompletionStage();
    Quote good1 = quote(UUID.randomUUID());
    Quote good2 = quote(UUID.randomUUID());
    CompletableFuture<Void> a = journal.record(good1, NONE).subscribeAsCompletionStage();
    CompletableFuture<Void> duplicate = journal.record(quote(first.getId()), NONE).subscribeAsCompletionStage();
    CompletableFuture<Void> b = journal.record(good2, NONE).subscribeAsCompletionStage();
    blocker.get(10, TimeUnit.SECONDS);

    // then the good ones are committed and only the duplicate fails
    a.get(10, TimeUnit.SECONDS);
    b.get(10, TimeUnit.SECONDS);
    assertThat(count(List.of(good1, good2))).isEqualTo(2);
    try {
      duplicate.get(10, TimeUnit.SECONDS);
      throw new AssertionError("a second quote with an existing id was accepted");
    } catch (ExecutionException expected) {
      assertThat(expected.getCause()).isInstanceOf(NotRecordedException.class).hasMessageContaining("duplicate key");
      assertThat(((NotRecordedException) expected.getCause()).reason()).isEqualTo(Reason.FAILED);
    }
  }

  @Test
  void shouldNeverWriteAQuoteWhoseDeadlinePassedWhileItWaited() throws Exception {
    // given one write slot, stuck behind a paused PostgreSQL
    QuoteJournal journal = journal(64, 1);
    LocalStack stack = LocalStackTestResource.shared();
    Quote stuck = quote(UUID.randomUUID());
    Quote late = quote(UUID.randomUUID());
    CompletableFuture<Void> first;
    CompletableFuture<Void> second;
    stack.pausePostgres(true);
    try {
      first = journal.record(stuck, NONE).subscribeAsCompletionStage();
      // when a quote waits for the slot longer than its request's deadline
      second = journal.record(late, Deadline.after(Duration.ofMillis(200))).subscribeAsCompletionStage();
      Thread.sleep(500);
    } finally {
      stack.pausePostgres(false);
    }

    // then its caller is told it was not recorded, and it never is, while the first commits
    assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).cause()
        .isInstanceOfSatisfying(NotRecordedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DEADLINE));
    first.get(30, TimeUnit.SECONDS);
    Thread.sleep(500);
    assertThat(count(List.of(stuck))).isEqualTo(1);
    assertThat(count(List.of(late))).isZero();
  }

  @Test
  void shouldRefuseAtOnceWhenTooManyQuotesAreWaiting() throws Exception {
    // given one write slot and room for two waiting quotes, behind a paused PostgreSQL
    QuoteJournal journal = new QuoteJournal(pool, OutboxRelay.idle(dataSource, "quote_outbox"), mapper,
        new PromiseJournal.Bounds(64, 1, 2, Duration.ofHours(1)));
    LocalStack stack = LocalStackTestResource.shared();
    List<CompletableFuture<Void>> accepted = new ArrayList<>();
    CompletableFuture<Void> refused;
    stack.pausePostgres(true);
    try {
      accepted.add(journal.record(quote(UUID.randomUUID()), NONE).subscribeAsCompletionStage());
      Thread.sleep(200);
      accepted.add(journal.record(quote(UUID.randomUUID()), NONE).subscribeAsCompletionStage());
      accepted.add(journal.record(quote(UUID.randomUUID()), NONE).subscribeAsCompletionStage());
      // when one more arrives
      refused = journal.record(quote(UUID.randomUUID()), NONE).subscribeAsCompletionStage();

      // then it is refused while PostgreSQL is still paused, not queued behind it
      assertThatThrownBy(() -> refused.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(NotRecordedException.class)
          .hasMessageContaining("already waiting").cause()
          .isInstanceOfSatisfying(NotRecordedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BACKLOG));
    } finally {
      stack.pausePostgres(false);
    }
    // and the accepted ones commit once it is back
    CompletableFuture.allOf(accepted.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
  }

  @Test
  void shouldRefuseAtOnceWhilePostgresHasAnsweredNothingAndWriteAgainWhenItAnswers() throws Exception {
    // given a write under way behind a paused PostgreSQL for longer than the stall duration
    QuoteJournal journal = stallingJournal(4);
    LocalStack stack = LocalStackTestResource.shared();
    Quote stuck = quote(UUID.randomUUID());
    Quote probeQuote = quote(UUID.randomUUID());
    Quote refusedQuote = quote(UUID.randomUUID());
    CompletableFuture<Void> first;
    CompletableFuture<Void> probe;
    CompletableFuture<Void> refused;
    long waitedNanos;
    stack.pausePostgres(true);
    try {
      first = journal.record(stuck, NONE).subscribeAsCompletionStage();
      Thread.sleep(300);
      // when two more quotes arrive, with a whole budget left and free write slots: the first is let through
      // as the stall's probe, the second is not
      probe = journal.record(probeQuote, NONE).subscribeAsCompletionStage();
      long asked = System.nanoTime();
      refused = journal.record(refusedQuote, NONE).subscribeAsCompletionStage();
      assertRefusedForTheStall(refused);
      waitedNanos = System.nanoTime() - asked;
    } finally {
      stack.pausePostgres(false);
    }

    // then it was refused at once (not after its deadline, which it did not have), and never written
    assertThat(waitedNanos).as("ns waited for the refusal").isLessThan(TimeUnit.SECONDS.toNanos(1));
    first.get(30, TimeUnit.SECONDS);
    probe.get(30, TimeUnit.SECONDS);
    assertThat(count(List.of(refusedQuote))).isZero();
    // and once PostgreSQL has answered, quotes are written again
    Quote after = quote(UUID.randomUUID());
    journal.record(after, NONE).subscribeAsCompletionStage().get(30, TimeUnit.SECONDS);
    assertThat(count(List.of(stuck, probeQuote, after))).isEqualTo(3);
  }

  @Test
  void shouldRefuseTheQueuedQuotesAndTheProbeAtOnceWhileEverySlotWaitsOnASilentPostgres() throws Exception {
    // given the only write slot taken by a write behind a paused PostgreSQL, and a quote queued behind it
    // with a whole budget left
    QuoteJournal journal = stallingJournal(1);
    LocalStack stack = LocalStackTestResource.shared();
    Quote stuck = quote(UUID.randomUUID());
    Quote queuedQuote = quote(UUID.randomUUID());
    Quote probeQuote = quote(UUID.randomUUID());
    CompletableFuture<Void> first;
    CompletableFuture<Void> queued;
    CompletableFuture<Void> probe;
    long waitedNanos;
    stack.pausePostgres(true);
    try {
      first = journal.record(stuck, NONE).subscribeAsCompletionStage();
      queued = journal.record(queuedQuote, NONE).subscribeAsCompletionStage();
      Thread.sleep(300);
      // when the first quote after the stall duration arrives: the one a stall lets through as its probe
      long asked = System.nanoTime();
      probe = journal.record(probeQuote, NONE).subscribeAsCompletionStage();

      // then it is refused at once, since no slot could send it, and so is the quote queued before it
      assertRefusedForTheStall(probe);
      assertRefusedForTheStall(queued);
      waitedNanos = System.nanoTime() - asked;
    } finally {
      stack.pausePostgres(false);
    }

    // (neither waited for its deadline, which it did not have) and neither is ever written; the stuck one is
    assertThat(waitedNanos).as("ns waited for the refusals").isLessThan(TimeUnit.SECONDS.toNanos(1));
    first.get(30, TimeUnit.SECONDS);
    Thread.sleep(500);
    assertThat(count(List.of(queuedQuote, probeQuote))).isZero();
    assertThat(count(List.of(stuck))).isEqualTo(1);
  }

  @Test
  void shouldRunTheStatementWhenItRehearsesButCommitNothing() throws Exception {
    // given a quote already recorded
    QuoteJournal journal = journal(64, 4);
    Quote recorded = quote(UUID.randomUUID());
    journal.record(recorded, NONE).await().atMost(Duration.ofSeconds(10));
    int writes = journal.writes();

    // when a new quote is rehearsed, and another with the recorded quote's id
    Quote rehearsed = quote(UUID.randomUUID());
    journal.rehearse(rehearsed, NONE).await().atMost(Duration.ofSeconds(10));
    Throwable duplicate = catchThrowable(() -> journal.rehearse(quote(recorded.getId()), NONE).await()
        .atMost(Duration.ofSeconds(10)));

    // then the statement ran in PostgreSQL (the duplicate key failed there) and nothing was committed or
    // counted as a write; the rehearsed quote can still be recorded
    assertThat(duplicate).hasMessageContaining("duplicate key");
    assertThat(count(List.of(rehearsed))).isZero();
    assertThat(journal.writes()).isEqualTo(writes);
    journal.record(rehearsed, NONE).await().atMost(Duration.ofSeconds(10));
    assertThat(count(List.of(rehearsed))).isEqualTo(1);
  }

  private long count(List<Quote> quotes) {
    return pool.preparedQuery("select count(*) from quote where id = any($1)")
        .execute(Tuple.of(quotes.stream().map(Quote::getId).toArray(UUID[]::new)))
        .map(rows -> rows.iterator().next().getLong(0))
        .await().atMost(Duration.ofSeconds(10));
  }

  private static Quote quote(UUID id) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return new Quote(id, "usr_journal", Product.STANDARD, new Position(40.75, -73.98), new Position(40.76, -73.97),
        "882a100d65fffff", new Trip(1500, 300), new SurgeDecision(1.2, SurgeSource.MODEL, "surge:test"),
        new Fare(250, 165, 175, 118, 708, "USD"), now, now.plusSeconds(300));
  }
}
