package org.ridemarket.eta;

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

  /** The p90 model is missing from the artifact store (the point and p10 models are there). */
  public static class ModelMissing implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("eta.model.p90-name", "eta-p90-absent");
    }
  }

  /** A p10 model whose signature lists the contract's features in another order. */
  public static class ModelMismatched implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("eta.model.p10-name", EtaModelTestResource.MISORDERED);
    }
  }

  /** The configured OpenStreetMap extract does not exist: map-free routing. */
  public static class MapMissing implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("eta.routing.osm-file", "target/no-such-extract.osm.pbf");
    }
  }

  /** Kafka unreachable for both channels: a port nothing listens on. */
  public static class KafkaDown implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "eta.events.bootstrap-servers", "127.0.0.1:1",
          "mp.messaging.incoming.trip-events.bootstrap.servers", "127.0.0.1:1");
    }
  }
}
