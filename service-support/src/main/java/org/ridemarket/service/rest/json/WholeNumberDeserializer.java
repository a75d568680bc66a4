package org.ridemarket.service.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Whole numbers ({@code long} and {@code int}, boxed or not) of a request: in range, whole, and not a
 * card number. Jackson would cut {@code 1.5} to 1 and wrap a number too large for a long.
 */
final class WholeNumberDeserializer extends StdScalarDeserializer<Number> {

  private final transient JsonScreen screen;
  private final boolean isInt;
  private final boolean primitive;

  WholeNumberDeserializer(JsonScreen screen, Class<?> type) {
    super(type);
    this.screen = screen;
    this.isInt = type == Integer.class || type == Integer.TYPE;
    this.primitive = type.isPrimitive();
  }

  @Override
  public Number deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      screen.checkString(parser, parser.getText());
      throw refused(parser, "must be a number");
    }
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw refused(parser, "must be a number");
    }
    if (parser.isNaN()) {
      throw refused(parser, "must be a whole number");
    }
    screen.checkNumber(parser);
    BigDecimal value = token == JsonToken.VALUE_NUMBER_INT ? new BigDecimal(parser.getBigIntegerValue())
        : parser.getDecimalValue().stripTrailingZeros();
    if (value.scale() > 0) {
      throw refused(parser, "must be a whole number");
    }
    // Digits are counted before any conversion: 1e999999999 must not become a billion-digit number.
    long max = isInt ? Integer.MAX_VALUE : Long.MAX_VALUE;
    if (value.precision() - value.scale() > 19 || value.abs().compareTo(BigDecimal.valueOf(max)) > 0) {
      throw refused(parser, "must be between " + (-max) + " and " + max);
    }
    return isInt ? (Number) value.intValueExact() : (Number) value.longValueExact();
  }

  @Override
  public Number getNullValue(DeserializationContext context) throws JsonMappingException {
    if (primitive) {
      throw refused(context.getParser(), "must be a number");
    }
    return null;
  }

  private static RefusedJsonException refused(JsonParser parser, String reason) {
    return RefusedJsonException.invalid(parser, JsonPaths.of(parser.getParsingContext()), reason);
  }
}
