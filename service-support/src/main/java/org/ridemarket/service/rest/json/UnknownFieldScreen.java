package org.ridemarket.service.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;

/**
 * Screens the fields a request type does not know while Jackson skips them: a card number in an unknown,
 * nested field, an array element or a field name is refused like one in a known field, without a
 * second parse of the body.
 */
final class UnknownFieldScreen extends DeserializationProblemHandler {

  private final JsonScreen screen;

  UnknownFieldScreen(JsonScreen screen) {
    this.screen = screen;
  }

  @Override
  public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
      JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
    // The parser is at the value: an object or array value has already opened its own context.
    JsonStreamContext holder = parser.currentToken().isStructStart()
        ? parser.getParsingContext().getParent() : parser.getParsingContext();
    // A record's unknown fields are replayed from a buffer after the record is read: the live parser,
    // at the record's end, knows where the record is.
    JsonParser live = parser == context.getParser() ? null : context.getParser();
    screen.checkFieldName(parser, holder, propertyName, live);
    screen.skipScreened(parser, live);
    return true;
  }
}
