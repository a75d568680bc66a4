package org.ridemarket.fraud;

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

  /** No fraud model in the artifact store under the configured name. */
  public static class ModelMissing implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("fraud.model.name", "absent");
    }
  }
}
