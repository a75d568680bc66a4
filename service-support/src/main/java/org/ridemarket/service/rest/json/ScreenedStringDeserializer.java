package org.ridemarket.service.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Strings of a request, screened ({@link JsonScreen}): no card number, no control character, no lone
 * surrogate, not too long. Only a JSON string is a string: Jackson would turn a number into one, and a
 * card number sent as a number into an id.
 */
final class ScreenedStringDeserializer extends StdScalarDeserializer<String> {

  private final transient JsonScreen screen;

  ScreenedStringDeserializer(JsonScreen screen) {
    super(String.class);
    this.screen = screen;
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      String value = parser.getText();
      screen.checkString(parser, value);
      return value;
    }
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      screen.checkNumber(parser);
    }
    throw RefusedJsonException.invalid(parser, JsonPaths.of(parser.getParsingContext()), "must be a string");
  }
}
