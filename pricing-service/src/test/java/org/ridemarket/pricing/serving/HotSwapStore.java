package org.ridemarket.pricing.serving;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.pricing.SurgeModelFixture;

/** An artifact store of the hot-swap test's own, holding surge:test-1 at start; the test publishes more. */
public class HotSwapStore implements QuarkusTestResourceLifecycleManager {

  static volatile Path root;

  @Override
  public Map<String, String> start() {
    try {
      root = Files.createTempDirectory("pricing-hot-swap-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SurgeModelFixture.publish(root, "surge", "test-1", SupplyDemandFeatures.NAMES);
    return Map.of("serving.models.dir", root.toString(), "serving.models.poll-interval", "PT0.3S");
  }

  @Override
  public void stop() {
    // Deleted with the temporary directory.
  }
}
