package org.ridemarket.service.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.ridemarket.service.rest.CardNumbers;
import org.ridemarket.service.rest.InputScreen;

/**
 * The screen of a body's tokens as the parser meets them: strings and field names through the
 * {@link InputScreen}, whole numbers against card numbers. Known fields are screened by the hardened
 * deserializers, unknown ones by {@link UnknownFieldScreen} while they are skipped: one parse, no
 * second pass over the body.
 */
public final class JsonScreen {

  private final InputScreen screen;

  /** A screen of tokens with these string checks. */
  public JsonScreen(InputScreen screen) {
    this.screen = screen;
  }

  /** Refuses the current string value if the string screen does. */
  void checkString(JsonParser parser, String value) throws RefusedJsonException {
    checkString(parser, value, null);
  }

  /** Refuses the current string value; {@code live} is the live parser when {@code parser} replays a buffer. */
  void checkString(JsonParser parser, String value, JsonParser live) throws RefusedJsonException {
    if (screen.isCardNumber(value)) {
      throw RefusedJsonException.cardNumber(parser, JsonPaths.of(parser.getParsingContext(), true, live));
    }
    String problem = screen.problem(value);
    if (problem != null) {
      throw RefusedJsonException.invalid(parser, JsonPaths.of(parser.getParsingContext(), true, live), problem);
    }
  }

  /** Refuses a field name if the string screen does; the refusal names the object holding it, never the name. */
  void checkFieldName(JsonParser parser, JsonStreamContext holder, String name, JsonParser live)
      throws RefusedJsonException {
    if (screen.isCardNumber(name)) {
      throw RefusedJsonException.cardNumber(parser, JsonPaths.of(holder, false, live));
    }
    String problem = screen.problem(name);
    if (problem != null) {
      throw RefusedJsonException.invalid(parser, JsonPaths.of(holder, false, live), "has a field name that " + problem);
    }
  }

  /** Refuses the current number if it is a whole number that looks like a card number. */
  void checkNumber(JsonParser parser) throws IOException {
    checkNumber(parser, null);
  }

  private void checkNumber(JsonParser parser, JsonParser live) throws IOException {
    boolean card;
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      String text = parser.getText();
      card = text.length() >= 13 && CardNumbers.looksLikeCardNumber(text.startsWith("-") ? text.substring(1) : text);
    } else {
      card = !parser.isNaN() && CardNumbers.looksLikeCardNumber(parser.getDecimalValue());
    }
    if (card) {
      throw RefusedJsonException.cardNumber(parser, JsonPaths.of(parser.getParsingContext(), true, live));
    }
  }

  /** Screens every token of the current value (a scalar, or an object or array to its end) and skips it. */
  void skipScreened(JsonParser parser, JsonParser live) throws IOException {
    int depth = 0;
    JsonToken token = parser.currentToken();
    while (token != null) {
      switch (token) {
        case START_OBJECT, START_ARRAY -> depth++;
        case END_OBJECT, END_ARRAY -> depth--;
        case FIELD_NAME -> checkFieldName(parser, parser.getParsingContext(), parser.currentName(), live);
        case VALUE_STRING -> checkString(parser, parser.getText(), live);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> checkNumber(parser, live);
        default -> {
        }
      }
      if (depth == 0) {
        return;
      }
      token = parser.nextToken();
    }
  }
}
