package org.ridemarket.eta.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.ridemarket.eta.DegradedProfiles;
import org.ridemarket.eta.EtaModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

/** The point and p10 models are there, the p90 is not: no model is served. */
@QuarkusTest
@TestProfile(DegradedProfiles.ModelMissing.class)
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(EtaModelTestResource.class)
class ModelMissingTest extends ModelUnavailableChecks {

  @Test
  void shouldSayInReadinessWhichModelIsMissing() {
    assertNotReadyBecause("no published model eta-p90-absent");
  }
}
