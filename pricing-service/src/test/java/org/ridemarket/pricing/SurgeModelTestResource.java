package org.ridemarket.pricing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.ridemarket.contracts.features.SupplyDemandFeatures;

/**
 * Publishes test surge models into a temporary artifact store once per JVM and points the service
 * at it: {@value #SURGE} (the contract's features, in order) and {@value #MISORDERED} (the same
 * features in reverse order, which the service must refuse).
 */
public class SurgeModelTestResource implements QuarkusTestResourceLifecycleManager {

  /** The model the service serves in the tests. */
  public static final String SURGE = "surge";
  /** A model trained on the right features in the wrong order. */
  public static final String MISORDERED = "surge-misordered";
  /** The version of both. */
  public static final String VERSION = "test-1";

  private static Path store;

  @Override
  public Map<String, String> start() {
    return Map.of("serving.models.dir", store().toString());
  }

  @Override
  public void stop() {
    // The store is reused by the next application start of this JVM and deleted with the temp dir.
  }

  /** The artifact store with both models, published on first use. */
  public static synchronized Path store() {
    if (store == null) {
      try {
        Path root = Files.createTempDirectory("pricing-models-");
        SurgeModelFixture.publish(root, SURGE, VERSION, SupplyDemandFeatures.NAMES);
        List<String> reversed = new ArrayList<>(SupplyDemandFeatures.NAMES);
        Collections.reverse(reversed);
        SurgeModelFixture.publish(root, MISORDERED, VERSION, reversed);
        store = root;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return store;
  }
}
