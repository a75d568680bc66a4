package org.ridemarket.contracts.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.SampleEvents;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.schema.ContractSchemas;

class TopicsTest {

  @Test
  void shouldGiveEveryTopicAUniqueNameAndAKeyMeaning() {
    assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates();
    assertThat(Topics.all()).allSatisfy(topic -> {
      assertThat(topic.keyedBy()).isNotBlank();
      assertThat(topic.config()).containsKey("retention.ms");
    });
  }

  @Test
  void shouldCarryEveryEventTypeOnSomeTopic() {
    assertThat(Topics.all().stream().<Class<?>>map(Topic::valueType).distinct().toList())
        .containsExactlyInAnyOrderElementsOf(ContractSchemas.eventTypes());
  }

  @Test
  void shouldSerializeValuesThroughTheTopicsSerde() {
    Topic<String, RideRequested> topic = Topics.RIDE_REQUESTS;
    RideRequested event = SampleEvents.rideRequested();

    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), event);

    assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(event);
    assertThat(Topics.named("rides.requests")).isSameAs(topic);
  }

  @Test
  void shouldKeyEachInputEventAndLabelAsItsTopicSays() {
    assertThat(Topics.keyOf(SampleEvents.rideRequested())).isEqualTo(SampleEvents.rideRequested().getPickupCell());
    assertThat(Topics.keyOf(SampleEvents.driverLocation())).isEqualTo(SampleEvents.driverLocation().getDriverId());
    assertThat(Topics.keyOf(SampleEvents.tripCompleted())).isEqualTo(SampleEvents.tripCompleted().getPickupCell());
    assertThat(Topics.keyOf(SampleEvents.payment())).isEqualTo(SampleEvents.payment().getCardFingerprint());
    assertThat(Topics.keyOf(SampleEvents.fraudLabeled())).isEqualTo(SampleEvents.fraudLabeled().getTransactionId());
    assertThatThrownBy(() -> Topics.keyOf(SampleEvents.priceQuoted()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PriceQuoted");
  }

  @Test
  void shouldRejectATopicWithoutPartitions() {
    assertThatThrownBy(() -> new Topic<>("x", Serdes.String(), Serdes.String(), String.class, 0, "k", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
