package org.ridemarket.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.SampleEvents;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.schema.ContractSchemas;

class AvroSerdeTest {

  @Test
  void shouldRoundTripEveryEventTypeThroughItsSerde() {
    assertThat(SampleEvents.all()).extracting(Object::getClass)
        .containsExactlyInAnyOrderElementsOf(ContractSchemas.eventTypes());

    for (SpecificRecord event : SampleEvents.all()) {
      AvroSerde<SpecificRecord> serde = serdeFor(event);

      byte[] bytes = serde.serialize("any-topic", event);
      SpecificRecord decoded = serde.deserialize("any-topic", bytes);

      assertThat(decoded).as(event.getSchema().getName()).isEqualTo(event);
      // single-object encoding: magic C3 01, then the 8-byte schema fingerprint
      assertThat(bytes[0]).isEqualTo((byte) 0xC3);
      assertThat(bytes[1]).isEqualTo((byte) 0x01);
    }
  }

  @Test
  void shouldReadAnEventWrittenWithAnOlderSchemaVersion() throws IOException {
    // given a producer still on an older RideRequested: no quoteId, and no PREMIUM product
    byte[] written = writtenWithOlderRideRequested();

    // when today's consumer reads it, knowing the old schema by its fingerprint
    SchemaStore.Cache store = new SchemaStore.Cache();
    store.addSchema(olderRideRequested());
    RideRequested read = new AvroSerde<>(RideRequested.class, store).deserialize("rides.requests", written);

    // then the fields resolve by name and the new field takes its default
    assertThat(read.getEventId()).isEqualTo(UUID.fromString("6b3b5b8e-3f4c-4e1b-9d1a-2f8f1c0a7e11"));
    assertThat(read.getRequestId()).isEqualTo("req-old");
    assertThat(read.getProduct()).isEqualTo(Product.XL);
    assertThat(read.getPickup().getLat()).isEqualTo(40.758);
    assertThat(read.getQuoteId()).isNull();
  }

  @Test
  void shouldRefuseAWriterSchemaItDoesNotKnow() throws IOException {
    byte[] written = writtenWithOlderRideRequested();
    AvroSerde<RideRequested> serde = new AvroSerde<>(RideRequested.class);

    assertThatThrownBy(() -> serde.deserialize("rides.requests", written))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("RideRequested")
        .hasMessageContaining("rides.requests");
  }

  @Test
  void shouldTurnGarbageIntoASerializationExceptionNamingTheTopic() {
    AvroSerde<PaymentAttempted> serde = new AvroSerde<>(PaymentAttempted.class);

    assertThatThrownBy(() -> serde.deserialize("payments.events", "{\"amount\": 12}".getBytes()))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("payments.events");
  }

  @Test
  void shouldBeConfigurableByClassNameAsKafkaClientsInstantiateIt() {
    AvroSerde<SpecificRecord> serde = new AvroSerde<>();
    serde.configure(Map.of(AvroSerde.VALUE_TYPE_CONFIG, RideRequested.class.getName()), false);
    RideRequested event = SampleEvents.rideRequested();

    assertThat(serde.deserialize("t", serde.serialize("t", event))).isEqualTo(event);
    assertThat(serde.type()).isEqualTo(RideRequested.class);
  }

  @Test
  void shouldRejectAConfiguredTypeOutsideTheContract() {
    AvroSerde<SpecificRecord> serde = new AvroSerde<>();

    assertThatThrownBy(() -> serde.configure(Map.of(AvroSerde.VALUE_TYPE_CONFIG, "java.lang.String"), false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(AvroSerde.VALUE_TYPE_CONFIG);
  }

  @Test
  void shouldPassTombstonesThrough() {
    AvroSerde<RideRequested> serde = new AvroSerde<>(RideRequested.class);

    assertThat(serde.serialize("t", null)).isNull();
    assertThat(serde.deserialize("t", null)).isNull();
  }

  @SuppressWarnings("unchecked")
  private static AvroSerde<SpecificRecord> serdeFor(SpecificRecord event) {
    return new AvroSerde<>((Class<SpecificRecord>) event.getClass());
  }

  private static byte[] writtenWithOlderRideRequested() throws IOException {
    Schema older = olderRideRequested();
    GenericRecord point = new GenericData.Record(older.getField("pickup").schema());
    point.put("lat", 40.758);
    point.put("lon", -73.9855);
    GenericRecord old = new GenericData.Record(older);
    old.put("eventId", "6b3b5b8e-3f4c-4e1b-9d1a-2f8f1c0a7e11");
    old.put("eventTime", 1_793_620_800_000L);
    old.put("requestId", "req-old");
    old.put("riderId", "rider-old");
    old.put("pickup", point);
    old.put("dropoff", point);
    old.put("pickupCell", "882a100d65fffff");
    old.put("product", new GenericData.EnumSymbol(older.getField("product").schema(), "XL"));
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(old, written);
    return written.toByteArray();
  }

  private static Schema olderRideRequested() throws IOException {
    try (InputStream in = AvroSerdeTest.class.getResourceAsStream("/schemas/RideRequested-v0.avsc")) {
      return new Schema.Parser().parse(in);
    }
  }
}
