package org.ridemarket.contracts.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.SampleEvents;
import org.ridemarket.contracts.topics.Topics;

class SupplyDemandFeaturesTest {

  private static final String CELL = "882a100d65fffff";

  @Test
  void shouldKeepTheReleasedFeatureOrder() {
    // a model's signature pins this order: changing it silently feeds features to the wrong inputs
    assertThat(SupplyDemandFeatures.NAMES).containsExactly(
        "requests_1m", "requests_5m", "requests_15m", "completed_trips_15m", "available_drivers",
        "ring_requests_5m", "ring_requests_15m", "ring_available_drivers", "ring_completed_trips_15m",
        "trend_5m_15m", "demand_supply_5m", "ring_demand_supply_5m");
  }

  @Test
  void shouldNameAnAvroFieldForEveryFeature() {
    Schema schema = SupplyDemandVector.getClassSchema();

    assertThat(SupplyDemandFeatures.NAMES).allSatisfy(name ->
        assertThat(schema.getField(name)).as(name).isNotNull());
    assertThat(schema.getFields()).hasSize(SupplyDemandFeatures.NAMES.size() + 2);
  }

  @Test
  void shouldDefineTheTrendAsTheShortRateOverTheLongRate() {
    assertThat(SupplyDemandFeatures.trend(5, 15)).isEqualTo(1.0);
    assertThat(SupplyDemandFeatures.trend(10, 15)).isEqualTo(2.0);
    assertThat(SupplyDemandFeatures.trend(0, 0)).as("no history").isEqualTo(1.0);
    assertThat(SupplyDemandFeatures.trend(0, 6)).isEqualTo(0.0);
  }

  @Test
  void shouldDivideDemandByAtLeastOneDriver() {
    assertThat(SupplyDemandFeatures.demandSupply(6, 3)).isEqualTo(2.0);
    assertThat(SupplyDemandFeatures.demandSupply(6, 0)).isEqualTo(6.0);
  }

  @Test
  void shouldKeyTheRedisHashByCell() {
    assertThat(SupplyDemandFeatures.redisKey(CELL)).isEqualTo("features:sd:882a100d65fffff");
  }

  @Test
  void shouldRoundTripThroughTheRedisHash() {
    SupplyDemandSnapshot snapshot = SupplyDemandSnapshot.fromAvro(SampleEvents.supplyDemandVector());

    Map<String, String> hash = snapshot.toRedisHash(1_793_620_801_000L);

    assertThat(hash).containsEntry("event_time", Long.toString(snapshot.eventTime()))
        .containsEntry("updated_at", "1793620801000")
        .containsEntry("requests_5m", "9.0")
        .hasSize(SupplyDemandFeatures.NAMES.size() + 2);
    assertThat(SupplyDemandSnapshot.fromRedisHash(CELL, hash)).isEqualTo(snapshot);
  }

  @Test
  void shouldRoundTripThroughAvroAndTheTopicSerde() {
    SupplyDemandVector vector = SampleEvents.supplyDemandVector();
    var serde = Topics.SUPPLY_DEMAND_FEATURES.valueSerde();

    SupplyDemandVector read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", vector));

    SupplyDemandSnapshot snapshot = SupplyDemandSnapshot.fromAvro(read);
    assertThat(snapshot.value(SupplyDemandFeatures.RING_REQUESTS_15M)).isEqualTo(40.0);
    assertThat(snapshot.toAvro()).isEqualTo(vector);
    assertThat(snapshot.toFloats()).hasSize(SupplyDemandFeatures.NAMES.size()).startsWith(2f, 9f, 21f);
    assertThat(Topics.SUPPLY_DEMAND_FEATURES.compacted()).isTrue();
  }

  @Test
  void shouldNameTheFieldAHashLacks() {
    Map<String, String> hash = new java.util.HashMap<>(
        SupplyDemandSnapshot.fromAvro(SampleEvents.supplyDemandVector()).toRedisHash(0));
    hash.remove("available_drivers");

    assertThatThrownBy(() -> SupplyDemandSnapshot.fromRedisHash(CELL, hash))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("available_drivers");
    assertThatThrownBy(() -> new SupplyDemandSnapshot(CELL, 0, new double[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
