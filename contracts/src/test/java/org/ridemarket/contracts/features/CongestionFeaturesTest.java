package org.ridemarket.contracts.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.SampleEvents;
import org.ridemarket.contracts.topics.Topics;

class CongestionFeaturesTest {

  private static final String CELL = "882a100d65fffff";

  @Test
  void shouldKeepTheReleasedFeatureOrder() {
    // a model's signature pins this order: changing it silently feeds features to the wrong inputs
    assertThat(CongestionFeatures.NAMES).containsExactly(
        "speed_5m", "moving_pings_5m", "speed_15m", "moving_pings_15m", "free_flow_speed", "free_flow_weight",
        "congestion_index", "trip_speed_15m", "trips_15m", "trip_speed_60m", "trips_60m");
  }

  @Test
  void shouldNameAnAvroFieldForEveryFeature() {
    Schema schema = CongestionVector.getClassSchema();

    assertThat(CongestionFeatures.NAMES).allSatisfy(name ->
        assertThat(schema.getField(name)).as(name).isNotNull());
    assertThat(schema.getFields()).hasSize(CongestionFeatures.NAMES.size() + 2);
  }

  @Test
  void shouldDefineTheIndexAsTheCurrentSpeedOverFreeFlowAndOneWhenUnknown() {
    assertThat(CongestionFeatures.congestionIndex(6.0, 12.0)).isEqualTo(0.5);
    assertThat(CongestionFeatures.congestionIndex(Double.NaN, 12.0)).as("no moving driver").isEqualTo(1.0);
    assertThat(CongestionFeatures.congestionIndex(6.0, Double.NaN)).as("free flow not learned").isEqualTo(1.0);
    assertThat(CongestionFeatures.congestionIndex(6.0, 0.0)).isEqualTo(1.0);
  }

  @Test
  void shouldKeyTheRedisHashByCell() {
    assertThat(CongestionFeatures.redisKey(CELL)).isEqualTo("features:cong:882a100d65fffff");
    assertThatThrownBy(() -> CongestionFeatures.indexOf("nope")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRoundTripThroughTheRedisHashNaNIncluded() {
    double[] values = CongestionSnapshot.fromAvro(SampleEvents.congestionVector()).values();
    values[CongestionFeatures.indexOf(CongestionFeatures.TRIP_SPEED_15M)] = Double.NaN;
    CongestionSnapshot snapshot = new CongestionSnapshot(CELL, 1_793_620_800_000L, values);

    Map<String, String> hash = snapshot.toRedisHash(1_793_620_801_000L);

    assertThat(hash).containsEntry("event_time", Long.toString(snapshot.eventTime()))
        .containsEntry("updated_at", "1793620801000")
        .containsEntry("speed_15m", "7.2")
        .containsEntry("trip_speed_15m", "NaN")
        .hasSize(CongestionFeatures.NAMES.size() + 2);
    assertThat(CongestionSnapshot.fromRedisHash(CELL, hash)).isEqualTo(snapshot);
  }

  @Test
  void shouldRoundTripThroughAvroAndTheTopicSerde() {
    CongestionVector vector = SampleEvents.congestionVector();
    var serde = Topics.CONGESTION_FEATURES.valueSerde();

    CongestionVector read = serde.deserializer().deserialize("features.congestion",
        serde.serializer().serialize("features.congestion", vector));

    assertThat(CongestionSnapshot.fromAvro(read)).isEqualTo(CongestionSnapshot.fromAvro(vector));
    assertThat(CongestionSnapshot.fromAvro(read).value(CongestionFeatures.CONGESTION_INDEX)).isEqualTo(0.6);
  }
}
