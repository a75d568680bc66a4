package org.ridemarket.eta.rest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.ridemarket.eta.DegradedProfiles;
import org.ridemarket.eta.EtaModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

/** A p10 model trained on the contract's features in another order is refused, and with it all three. */
@QuarkusTest
@TestProfile(DegradedProfiles.ModelMismatched.class)
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(EtaModelTestResource.class)
class ModelMismatchedTest extends ModelUnavailableChecks {

  @Test
  void shouldSayInReadinessThatTheFeatureOrderDiffers() {
    assertNotReadyBecause("refusing published model " + EtaModelTestResource.MISORDERED);
  }
}
