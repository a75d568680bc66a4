package org.ridemarket.topologies.velocity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ridemarket.contracts.features.VelocityFeatures.DISTINCT_CARDS_24H;
import static org.ridemarket.contracts.features.VelocityFeatures.DISTINCT_DEVICES_24H;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.features.VelocityEntityType;
import org.ridemarket.contracts.features.VelocityFeatures;

class VelocitySerdesTest {

  private static final long T = 1_795_000_000_000L;

  @Test
  void shouldRestoreAnEntityStateExactly() {
    // given an entity with payments in every tier, a late one, several cards and devices
    EntityState state = new EntityState();
    state.record(payment("card-1", "device-1", 1000), T);
    state.record(payment("card-2", "device-1", 2500), T + 35_000);
    state.record(payment("card-2", "device-2", 400), T + 2 * 3_600_000);
    state.record(payment("card-3", "device-3", 700), T + 2 * 3_600_000 - 60_000);
    state.recordLabel(T + 3 * 3_600_000);

    // when it goes through the changelog format
    EntityState restored = roundTrip(state);

    // then its values survive, and it goes on exactly like the original
    assertThat(restored.values()).containsExactly(state.values());
    assertThat(restored.latestActivityTime()).isEqualTo(state.latestActivityTime());
    EntityPayment next = payment("card-1", "device-4", 900);
    long nextTime = T + 23 * 3_600_000;
    assertThat(restored.record(next, nextTime)).isEqualTo(state.record(next, nextTime));
    assertThat(restored.values()).containsExactly(state.values());
  }

  @Test
  void shouldRoundTripAnEntityPayment() {
    List<KeyValue<String, EntityPayment>> fannedOut = EntityPayment.fanOut(
        TestPayments.payment("fp_1", "user-1", "device-1", 1475, Instant.ofEpochMilli(T)));

    assertThat(fannedOut).extracting(pair -> pair.key).containsExactly("card:fp_1", "user:user-1", "device:device-1");
    for (KeyValue<String, EntityPayment> pair : fannedOut) {
      assertThat(VelocitySerdes.ENTITY_PAYMENT.deserializer().deserialize("t",
          VelocitySerdes.ENTITY_PAYMENT.serializer().serialize("t", pair.value))).isEqualTo(pair.value);
    }
  }

  @Test
  void shouldRoundTripAMerchantsPaymentAndALabel() {
    List<KeyValue<String, EntityPayment>> fannedOut = EntityPayment.fanOut(PaymentAttempted.newBuilder(
        TestPayments.payment("fp_1", "user-1", "device-1", 1475, Instant.ofEpochMilli(T)))
        .setTripId(null).setMerchantId("mer-1").build());
    EntityPayment label = new EntityPayment(VelocityEntityType.MERCHANT, 0, 0, 0, Double.NaN, Double.NaN, true);

    assertThat(fannedOut).extracting(pair -> pair.key)
        .containsExactly("card:fp_1", "user:user-1", "device:device-1", "merchant:mer-1");
    for (EntityPayment payment : List.of(fannedOut.get(3).value, label)) {
      assertThat(VelocitySerdes.ENTITY_PAYMENT.deserializer().deserialize("t",
          VelocitySerdes.ENTITY_PAYMENT.serializer().serialize("t", payment))).isEqualTo(payment);
    }
  }

  @Test
  void shouldRefuseAFormatItDoesNotKnow() {
    byte[] future = VelocitySerdes.ENTITY_STATE.serializer().serialize("t", new EntityState());
    future[0] = 9;

    assertThatThrownBy(() -> VelocitySerdes.ENTITY_STATE.deserializer().deserialize("t", future))
        .isInstanceOf(SerializationException.class).hasMessageContaining("format 9");
  }

  @Test
  void shouldCapTheDistinctIdsOfAnEntityAndKeepTheNewest() {
    EntityState state = new EntityState();
    for (int i = 0; i < RecentIds.CAP + 6; i++) {
      state.record(payment("card-" + i, "device-1", 100), T + i * 1_000L);
    }

    double[] restored = roundTrip(state).values();

    assertThat(restored[index(DISTINCT_CARDS_24H)]).as("64 reads '64 or more'").isEqualTo(RecentIds.CAP);
    assertThat(restored[index(DISTINCT_DEVICES_24H)]).isEqualTo(1);
  }

  @Test
  void shouldNotCarryYesterdaysBucketsOrIdsInItsChangelog() {
    // given one entity busy yesterday, and one that paid once yesterday
    EntityState busy = new EntityState();
    for (int i = 0; i < 20; i++) {
      busy.record(payment("card-" + i, "device-" + i, 100), T + i * 60_000L);
    }
    EntityState quiet = new EntityState();
    quiet.record(payment("card-0", "device-0", 100), T);

    // when both pay two days later
    long later = T + 2 * 86_400_000L;
    busy.record(payment("card-x", "device-x", 100), later);
    quiet.record(payment("card-x", "device-x", 100), later);

    // then what they store is the same size: expired buckets and ids are gone
    assertThat(VelocitySerdes.ENTITY_STATE.serializer().serialize("t", busy))
        .hasSameSizeAs(VelocitySerdes.ENTITY_STATE.serializer().serialize("t", quiet));
  }

  private static EntityPayment payment(String card, String device, long amount) {
    return new EntityPayment(VelocityEntityType.USER, EntityPayment.idHash(card), EntityPayment.idHash(device),
        amount, 40.7580, -73.9855, false);
  }

  private static int index(String name) {
    return VelocityFeatures.indexOf(name);
  }

  private static EntityState roundTrip(EntityState state) {
    return VelocitySerdes.ENTITY_STATE.deserializer().deserialize("t",
        VelocitySerdes.ENTITY_STATE.serializer().serialize("t", state));
  }
}
