package org.ridemarket.pricing.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.ridemarket.pricing.DegradedProfiles;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

@QuarkusTest
@TestProfile(DegradedProfiles.ModelMissing.class)
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class ModelMissingTest extends ModelUnavailableChecks {

  @Test
  void shouldSayInReadinessThatThereIsNoModel() {
    assertNotReadyBecause("no published model absent");
  }
}
