package org.ridemarket.fraud.repository;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.ridemarket.service.sql.ReplicaMigrations;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ReplicaStartTest {

  @Inject
  Flyway flyway;

  @ConfigProperty(name = "quarkus.flyway.baseline-at-start")
  boolean baselineAtStart;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "quarkus.datasource.password")
  String password;

  @Test
  void shouldBringUpEveryReplicaOfAFirstDeploymentOnAFreshDatabase() throws Exception {
    new ReplicaMigrations(flyway.getConfiguration(), baselineAtStart, jdbcUrl, user, password).startTogether(4, 8);
  }
}
