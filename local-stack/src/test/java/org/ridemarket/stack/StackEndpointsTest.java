package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class StackEndpointsTest {

  @Test
  void shouldExposeTheProjectsEnvironmentContract() {
    // given
    StackEndpoints endpoints = new StackEndpoints("127.0.0.1:19092", "redis://127.0.0.1:16379",
        "127.0.0.1", 15432, "ridemarket", "ridemarket", "secret");

    // when
    var environment = endpoints.asEnvironment();

    // then
    assertThat(environment).containsExactly(
        entry("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"),
        entry("REDIS_URL", "redis://127.0.0.1:16379"),
        entry("POSTGRES_URL", "postgresql://127.0.0.1:15432/ridemarket"),
        entry("POSTGRES_USER", "ridemarket"),
        entry("POSTGRES_PASSWORD", "secret"));
    assertThat(endpoints.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/ridemarket");
  }
}
