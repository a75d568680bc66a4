package org.ridemarket.fraud.repository;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.ridemarket.service.sql.ReplicaMigrations;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ReplicaStartTest {

  @Inject
  Flyway flyway;

  @Test
  void shouldBringUpEveryReplicaOfAFirstDeploymentOnAFreshDatabase() throws Exception {
    ReplicaMigrations.of(flyway).startTogether(4, 8);
  }
}
