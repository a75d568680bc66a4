package org.ridemarket.pricing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Test profiles that start the service with one dependency broken. */
public final class DegradedProfiles {

  private DegradedProfiles() {
  }

  /** Redis stopped: the service points at a port nothing listens on (connection refused). */
  public static class RedisStopped implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("serving.features.redis-url", "redis://127.0.0.1:1");
    }
  }

  /** No surge model in the artifact store under the configured name. */
  public static class ModelMissing implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("pricing.model.name", "absent");
    }
  }

  /** A surge model whose signature lists the contract's features in another order. */
  public static class ModelMismatched implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("pricing.model.name", SurgeModelTestResource.MISORDERED);
    }
  }
}
