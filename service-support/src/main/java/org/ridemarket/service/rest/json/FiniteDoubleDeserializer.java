package org.ridemarket.service.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Decimal numbers of a request: finite only. {@code 1e309} overflows to Infinity and NaN compares false
 * with every bound, so either would pass {@code @DecimalMax} and reach H3 or a model; a string (Jackson
 * reads {@code "NaN"} as a number) is refused too.
 */
final class FiniteDoubleDeserializer extends StdScalarDeserializer<Double> {

  private final transient JsonScreen screen;
  private final boolean primitive;

  FiniteDoubleDeserializer(JsonScreen screen, boolean primitive) {
    super(primitive ? Double.TYPE : Double.class);
    this.screen = screen;
    this.primitive = primitive;
  }

  @Override
  public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      screen.checkNumber(parser);
      double value = parser.getDoubleValue();
      if (!Double.isFinite(value)) {
        throw RefusedJsonException.invalid(parser, JsonPaths.of(parser.getParsingContext()), "must be a finite number");
      }
      return value;
    }
    if (token == JsonToken.VALUE_STRING) {
      screen.checkString(parser, parser.getText());
    }
    throw RefusedJsonException.invalid(parser, JsonPaths.of(parser.getParsingContext()), "must be a number");
  }

  @Override
  public Double getNullValue(DeserializationContext context) throws JsonMappingException {
    if (primitive) {
      JsonParser parser = context.getParser();
      throw RefusedJsonException.invalid(parser, JsonPaths.of(parser.getParsingContext()), "must be a number");
    }
    return null;
  }
}
