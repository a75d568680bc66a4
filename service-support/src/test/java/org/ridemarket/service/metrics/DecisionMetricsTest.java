package org.ridemarket.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ridemarket.service.sql.NotRecordedException;
import org.ridemarket.service.sql.NotRecordedException.Reason;

class DecisionMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final DecisionMetrics metrics = new DecisionMetrics(registry, "pricing", "pricing.quote.latency");

  @Test
  void shouldShowNoJournalTimerUntilAPromiseIsRecorded() {
    assertThat(registry.find("pricing.journal.record").timer()).isNull();
    assertThat(registry.find("pricing.features.read").timer()).isNotNull();
  }

  @Test
  void shouldTimeARecordFromTheCallToItsOutcomeWhateverItIs() {
    // given a record that commits after 30 ms and one that is refused
    Uni<Boolean> committed = metrics.timeRecord(() -> Uni.createFrom().item(true)
        .onItem().delayIt().by(Duration.ofMillis(30)));
    Uni<Boolean> refused = metrics.timeRecord(() -> Uni.createFrom()
        .failure(new NotRecordedException(Reason.DEADLINE, "too late")));

    // when
    assertThat(committed.await().atMost(Duration.ofSeconds(5))).isTrue();
    assertThatThrownBy(() -> refused.await().atMost(Duration.ofSeconds(5))).isInstanceOf(NotRecordedException.class);

    // then both are timed, the commit with its wait
    Timer timer = registry.find("pricing.journal.record").timer();
    assertThat(timer).isNotNull();
    assertThat(timer.count()).isEqualTo(2);
    assertThat(timer.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(30);
  }

  @Test
  void shouldTimeAFeatureReadThatFailsAsWellAsOneThatAnswers() {
    // when
    assertThat(metrics.timeFeatureRead(() -> Uni.createFrom().item("vector")).await().indefinitely())
        .isEqualTo("vector");
    assertThatThrownBy(() -> metrics.timeFeatureRead(() -> Uni.createFrom()
        .failure(new IllegalStateException("Redis is down"))).await().indefinitely())
        .isInstanceOf(IllegalStateException.class);

    // then
    assertThat(registry.find("pricing.features.read").timer().count()).isEqualTo(2);
    assertThat(registry.find("pricing.journal.record").timer()).isNull();
  }
}
