package org.ridemarket.contracts.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.ridemarket.contracts.schema.ContractSchemas;

/**
 * Kafka serde for one contract event type in Avro single-object encoding: every message carries
 * the fingerprint of its writer schema, and the reader resolves any released version of the type
 * to the current class. Kafka Streams uses it through {@code Topic}; SmallRye Reactive Messaging
 * and plain clients instantiate it by class name and name the event type in
 * {@value #VALUE_TYPE_CONFIG} (or {@value #KEY_TYPE_CONFIG}).
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

  /** Client property naming the value's event class when Kafka instantiates this serde itself. */
  public static final String VALUE_TYPE_CONFIG = "ridemarket.avro.value.type";
  /** Client property naming the key's event class when Kafka instantiates this serde itself. */
  public static final String KEY_TYPE_CONFIG = "ridemarket.avro.key.type";

  private Class<T> type;
  private BinaryMessageEncoder<T> encoder;
  private BinaryMessageDecoder<T> decoder;

  /** For Kafka's reflective instantiation; {@link #configure} then names the type. */
  public AvroSerde() {
  }

  /** A serde that reads the current and every released writer schema of {@code type}. */
  public AvroSerde(Class<T> type) {
    this(type, null);
  }

  /** As {@link #AvroSerde(Class)}, also accepting writer schemas from {@code extraSchemas}. */
  public AvroSerde(Class<T> type, SchemaStore extraSchemas) {
    init(type, extraSchemas);
  }

  private void init(Class<T> eventType, SchemaStore extraSchemas) {
    this.type = eventType;
    SpecificData model = modelFor(eventType);
    Schema current = ContractSchemas.currentSchema(eventType);
    this.encoder = new BinaryMessageEncoder<>(model, current);
    this.decoder = new BinaryMessageDecoder<>(model, current, extraSchemas);
    ContractSchemas.knownWriterSchemas(eventType).forEach(decoder::addSchema);
  }

  // The generated class's own model resolves record classes through Avro's class loader; under a
  // layered class loader (Quarkus tests and dev mode) that finds a different copy of the class.
  // Bind the model to the loader that loaded the event type, with the class's logical-type conversions.
  private static SpecificData modelFor(Class<?> eventType) {
    SpecificData model = new SpecificData(eventType.getClassLoader());
    SpecificData.getForClass(eventType).getConversions().forEach(model::addLogicalTypeConversion);
    return model;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (type != null) {
      return;
    }
    String property = isKey ? KEY_TYPE_CONFIG : VALUE_TYPE_CONFIG;
    Object name = configs.get(property);
    if (name == null) {
      throw new IllegalArgumentException(property + " must name the contract event class to (de)serialize");
    }
    Class<? extends SpecificRecord> eventType = name instanceof Class<?> c
        ? c.asSubclass(SpecificRecord.class)
        : ContractSchemas.eventTypes().stream()
            .filter(candidate -> candidate.getName().equals(name.toString()))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(property + "=" + name + " is not a contract event type"));
    init((Class<T>) eventType, null);
  }

  /** The event type this serde reads and writes. */
  public Class<T> type() {
    return type;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      encoder.encode(data, out);
      return out.toByteArray();
    } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
      throw new SerializationException("cannot encode " + type.getSimpleName() + " for topic " + topic
          + ": " + e.getMessage(), e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return decoder.decode(data);
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
      throw new SerializationException("cannot decode " + type.getSimpleName() + " from topic " + topic
          + " (" + data.length + " bytes): " + e.getMessage(), e);
    }
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void close() {
    // nothing to release: encoder and decoder hold only schemas and thread-local buffers
  }
}
