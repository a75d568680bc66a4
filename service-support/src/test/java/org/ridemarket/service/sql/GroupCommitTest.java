package org.ridemarket.service.sql;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import org.junit.jupiter.api.Test;

// The batching itself runs against a real PostgreSQL in pricing's QuoteJournalTest and fraud's DecisionJournalTest.
class GroupCommitTest {

  private static final Duration STALL = Duration.ofMillis(150);

  @Test
  void shouldRefuseBoundsThatCouldNeverWriteNamingTheServicesConfiguration() {
    assertThatThrownBy(() -> new GroupCommit<String>(null, "insert", Tuple::of, 0, 1, 1, STALL, () -> { },
        "fraud.journal"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraud.journal needs max-batch, max-in-flight and max-waiting >= 1");
    assertThatThrownBy(() -> new GroupCommit<String>(null, "insert", Tuple::of, 1, 0, 1, STALL, () -> { },
        "pricing.journal"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pricing.journal");
  }
}
