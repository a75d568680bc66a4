package org.ridemarket.contracts.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Reads and writes {@link ModelSignature} as pretty-printed JSON, instants as ISO-8601 strings, so
 * that a signature file is readable by people and by any language.
 */
public final class ModelSignatureJson {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      // contracts does not carry jackson-datatype-jsr310; Instant is the only java.time type here.
      .registerModule(new SimpleModule("model-signature-instants")
          .addSerializer(Instant.class, ToStringSerializer.instance)
          .addDeserializer(Instant.class, new InstantDeserializer()))
      .enable(SerializationFeature.INDENT_OUTPUT)
      // A signature written by a newer release must not silently lose fields when read by an older one.
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private ModelSignatureJson() {
  }

  /** The signature as UTF-8 JSON bytes. */
  public static byte[] write(ModelSignature signature) {
    try {
      return MAPPER.writeValueAsBytes(signature);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the signature of " + signature.id(), e);
    }
  }

  /** A signature from UTF-8 JSON bytes; invalid content fails with the reason. */
  public static ModelSignature read(byte[] json) {
    try {
      return MAPPER.readValue(json, ModelSignature.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a valid model signature: " + e.getMessage(), e);
    }
  }

  private static final class InstantDeserializer extends StdDeserializer<Instant> {

    InstantDeserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = parser.getValueAsString();
      try {
        return Instant.parse(text);
      } catch (RuntimeException e) {
        return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
      }
    }
  }
}
