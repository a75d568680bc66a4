package org.ridemarket.service.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisConnectionTest {

  /** The failure a service gives its callers; any unchecked exception type will do. */
  static final class NotConnected extends RuntimeException {
    NotConnected(String message) {
      super(message);
    }
  }

  @Test
  void shouldFailAtOnceWithTheServicesFailureWhenRedisIsDown() {
    // Port 1 on loopback refuses connections: Redis is "down" from the start.
    try (RedisConnection redis = new RedisConnection("redis://127.0.0.1:1", NotConnected::new)) {
      redis.connect();

      assertThatThrownBy(() -> redis.call(open -> open.async().get("key")).await().atMost(Duration.ofMillis(200)))
          .isInstanceOf(NotConnected.class)
          .hasMessage("not connected to Redis at 127.0.0.1:1");
    }
  }

  @Test
  void shouldReportAFailedPingWithItsReason() {
    try (RedisConnection redis = new RedisConnection("redis://127.0.0.1:1", NotConnected::new)) {
      assertThatThrownBy(() -> redis.ping(Duration.ofMillis(500)).await().atMost(Duration.ofSeconds(1)))
          .isInstanceOf(NotConnected.class)
          .hasMessageContaining("127.0.0.1:1");
    }
  }
}
