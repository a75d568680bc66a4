package org.ridemarket.service.rest.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.ridemarket.service.rest.InputLimits;
import org.ridemarket.service.rest.InputScreen;

/**
 * Hardens the one ObjectMapper that reads every request body of a service: duplicate keys and
 * anything after the JSON value refused, nesting bounded, and strings, numbers and instants read by
 * the screened deserializers of this package, unknown fields screened as they are skipped. In one
 * place, applied by Quarkus to every service that has this library.
 */
@Singleton
public class InputHardening implements ObjectMapperCustomizer {

  private final InputScreen screen;
  private final InputLimits limits;
  private final Clock clock;

  @Inject
  InputHardening(InputScreen screen, InputLimits limits) {
    this(screen, limits, Clock.systemUTC());
  }

  /** Hardening with a given clock, for tests. */
  public InputHardening(InputScreen screen, InputLimits limits, Clock clock) {
    this.screen = screen;
    this.limits = limits;
    this.clock = clock;
  }

  // Last, after Quarkus' own customizers: modules registered later win, and Quarkus registers JavaTimeModule.
  @Override
  public int priority() {
    return MINIMUM_PRIORITY;
  }

  @Override
  public void customize(ObjectMapper mapper) {
    // Which of two values would win is the parser's choice, not the client's: refuse both.
    mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    // NaN and Infinity are read as numbers so that the number deserializers can name the field refusing them.
    mapper.getFactory().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxNesting()).build());
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    JsonScreen tokens = new JsonScreen(screen);
    mapper.registerModule(module(tokens));
    mapper.addHandler(new UnknownFieldScreen(tokens));
  }

  private SimpleModule module(JsonScreen tokens) {
    SimpleModule module = new SimpleModule("ridemarket-input-hardening");
    module.addDeserializer(String.class, new ScreenedStringDeserializer(tokens));
    module.addDeserializer(Double.class, new FiniteDoubleDeserializer(tokens, false));
    module.addDeserializer(Double.TYPE, new FiniteDoubleDeserializer(tokens, true));
    addWhole(module, tokens, Long.class);
    addWhole(module, tokens, Long.TYPE);
    addWhole(module, tokens, Integer.class);
    addWhole(module, tokens, Integer.TYPE);
    module.addDeserializer(Instant.class,
        new BoundedInstantDeserializer(tokens, clock, limits.maxInstantPast(), limits.maxInstantAhead()));
    return module;
  }

  @SuppressWarnings("unchecked")
  private static <T> void addWhole(SimpleModule module, JsonScreen tokens, Class<T> type) {
    module.addDeserializer(type, (com.fasterxml.jackson.databind.JsonDeserializer<T>)
        (com.fasterxml.jackson.databind.JsonDeserializer<?>) new WholeNumberDeserializer(tokens, type));
  }
}
