package org.ridemarket.service.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Instants of a request (event and departure times), read as Jackson reads them (ISO-8601 text, epoch
 * seconds) but only within a window around now. Year 1,000,000,000 is a valid {@link Instant}, and
 * PostgreSQL stores what it cannot represent as {@code infinity}: far times are refused here, before
 * any service sees them.
 */
final class BoundedInstantDeserializer extends StdScalarDeserializer<Instant> {

  private final transient JsonScreen screen;
  private final transient Clock clock;
  private final Duration past;
  private final Duration ahead;
  private final String window;

  BoundedInstantDeserializer(JsonScreen screen, Clock clock, Duration past, Duration ahead) {
    super(Instant.class);
    this.screen = screen;
    this.clock = clock;
    this.past = past;
    this.ahead = ahead;
    this.window = "must be at most " + describe(past) + " in the past and " + describe(ahead) + " ahead";
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    String field = JsonPaths.of(parser.getParsingContext());
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      screen.checkString(parser, parser.getText());
    } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      screen.checkNumber(parser);
    } else {
      throw RefusedJsonException.invalid(parser, field, "must be an ISO-8601 instant, e.g. 2026-11-21T18:04:05Z");
    }
    Instant value;
    try {
      value = InstantDeserializer.INSTANT.deserialize(parser, context);
    } catch (IOException | RuntimeException e) {
      // Jackson's message quotes the text; the refusal says only what was expected.
      throw RefusedJsonException.invalid(parser, field, "must be an ISO-8601 instant, e.g. 2026-11-21T18:04:05Z");
    }
    Instant now = clock.instant();
    if (value == null || value.isBefore(now.minus(past)) || value.isAfter(now.plus(ahead))) {
      throw RefusedJsonException.invalid(parser, field, window);
    }
    return value;
  }

  private static String describe(Duration duration) {
    if (duration.toHours() % 24 == 0 && !duration.isZero()) {
      return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
    }
    return duration.toMinutes() % 60 == 0 ? duration.toHours() + " hours" : duration.toMinutes() + " minutes";
  }
}
