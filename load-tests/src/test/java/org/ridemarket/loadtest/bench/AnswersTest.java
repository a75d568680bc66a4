package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class AnswersTest {

  @Test
  void shouldReadTheDegradedFlagOfAnAnswer() {
    assertThat(Answers.degraded("{\"quoteId\":\"q1\",\"degraded\":true,\"surge\":1.0}")).isTrue();
    assertThat(Answers.degraded("{\"degraded\" : true}")).isTrue();
    assertThat(Answers.degraded("{\"degraded\":false,\"note\":\"true\"}")).isFalse();
    assertThat(Answers.degraded("{\"decision\":\"ALLOW\"}")).isFalse();
    assertThat(Answers.degraded("")).isFalse();
  }

  @Test
  void shouldNameTheKindOfATransportFailure() {
    assertThat(Answers.failureKind(new TimeoutException("idle"))).isEqualTo("timeout");
    assertThat(Answers.failureKind(new VertxException("The timeout period of 10000ms has been exceeded")))
        .isEqualTo("timeout");
    assertThat(Answers.failureKind(new ConnectException("Connection refused: /127.0.0.1:8081")))
        .isEqualTo("connection refused");
    assertThat(Answers.failureKind(new VertxException("Connection was closed"))).isEqualTo("connection closed");
    assertThat(Answers.failureKind(new IllegalStateException("boom"))).isEqualTo("IllegalStateException");
  }
}
