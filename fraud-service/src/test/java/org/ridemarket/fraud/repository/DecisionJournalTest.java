package org.ridemarket.fraud.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.ridemarket.fraud.mapping.DecisionMapper;
import org.ridemarket.service.deadline.Deadline;
import org.ridemarket.service.sql.OutboxRelay;
import org.ridemarket.service.sql.PromiseJournal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.FraudDecision;
import org.ridemarket.fraud.Payment;
import org.ridemarket.fraud.PaymentDecision;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DecisionJournalTest {

  @Inject
  Pool pool;

  @Inject
  DataSource dataSource;

  @Inject
  DecisionMapper mapper;

  private static final Deadline NONE = Deadline.after(Duration.ofMinutes(5));

  private DecisionJournal journal(int maxBatch, int maxInFlight) {
    // The service's own relay publishes the events of the rows these journals write.
    return new DecisionJournal(pool, OutboxRelay.idle(dataSource, "fraud_outbox"), mapper,
        new PromiseJournal.Bounds(maxBatch, maxInFlight, 10_000));
  }

  @Test
  void shouldBatchDecisionsThatArriveWhileAWriteIsUnderWayAndCommitEveryOne() throws Exception {
    // given one write slot, so that decisions recorded while the first is written must wait and batch
    DecisionJournal journal = journal(64, 1);
    List<String> ids = new ArrayList<>();
    List<CompletableFuture<Boolean>> written = new ArrayList<>();

    // when 200 decisions are recorded back to back
    for (int i = 0; i < 200; i++) {
      String id = "journal-" + UUID.randomUUID();
      ids.add(id);
      written.add(journal.record(decision(id, 1000), NONE).subscribeAsCompletionStage());
    }
    CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    // then every one is inserted, in far fewer writes than decisions
    assertThat(written).allSatisfy(future -> assertThat(future.get()).isTrue());
    assertThat(count(ids)).isEqualTo(200);
    assertThat(journal.writes()).isLessThan(20);
  }

  @Test
  void shouldKeepTheFirstDecisionOfATransactionIdAndSaySo() throws Exception {
    DecisionJournal journal = journal(64, 1);
    String id = "journal-" + UUID.randomUUID();
    assertThat(journal.record(decision(id, 1000), NONE).await().atMost(Duration.ofSeconds(10))).isTrue();

    // a second decision with the same id, inside a batch with two new ones
    CompletableFuture<Boolean> blocker = journal.record(decision("journal-" + UUID.randomUUID(), 1), NONE)
        .subscribeAsCompletionStage();
    String good1 = "journal-" + UUID.randomUUID();
    String good2 = "journal-" + UUID.randomUUID();
    CompletableFuture<Boolean> a = journal.record(decision(good1, 1), NONE).subscribeAsCompletionStage();
    CompletableFuture<Boolean> again = journal.record(decision(id, 99_000), NONE).subscribeAsCompletionStage();
    CompletableFuture<Boolean> b = journal.record(decision(good2, 1), NONE).subscribeAsCompletionStage();
    blocker.get(10, TimeUnit.SECONDS);

    assertThat(a.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(b.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(again.get(10, TimeUnit.SECONDS)).as("already recorded").isFalse();
    assertThat(count(List.of(good1, good2))).isEqualTo(2);
    long amount = pool.preparedQuery("select amount_minor from fraud_decision where transaction_id = $1")
        .execute(Tuple.of(id)).map(rows -> rows.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(10));
    assertThat(amount).as("the first decision stands").isEqualTo(1000);
  }

  private long count(List<String> ids) {
    return pool.preparedQuery("select count(*) from fraud_decision where transaction_id = any($1)")
        .execute(Tuple.of(ids.toArray(String[]::new)))
        .map(rows -> rows.iterator().next().getLong(0))
        .await().atMost(Duration.ofSeconds(10));
  }

  private static PaymentDecision decision(String id, long amountMinor) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Payment payment = new Payment(id, "fp-j", "rider-j", "dev-j", amountMinor, "USD", 40.75, -73.98, null, "trip-j",
        now, "0".repeat(64));
    return new PaymentDecision(payment, FraudDecision.ALLOW, 0.01, "[]", null, "fraud:1", false, now);
  }
}
