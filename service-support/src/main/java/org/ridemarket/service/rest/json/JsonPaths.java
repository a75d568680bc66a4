package org.ridemarket.service.rest.json;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.util.TokenBufferReadContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.regex.Pattern;
import org.ridemarket.service.rest.CardNumbers;

/**
 * The path of the value a parser is at, as error bodies name it: {@code pickup.lat},
 * {@code extra.notes[1]}, {@code body} for the document itself. A field name that is not a plain
 * identifier (a client's unknown key may be a card number or carry control characters) is written
 * {@code *}: a path is answered, so it must never repeat what the client sent.
 */
public final class JsonPaths {

  /** The name of the body as a whole. */
  public static final String BODY = "body";

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

  private JsonPaths() {
  }

  /** The path of the current value, its own field name included. */
  public static String of(JsonStreamContext context) {
    return build(context, true);
  }

  /** The path of the object holding the current field name, for a refusal of the name itself. */
  public static String ofContainer(JsonStreamContext context) {
    return build(context, false);
  }

  private static String build(JsonStreamContext context, boolean ownName) {
    Deque<String> segments = new ArrayDeque<>();
    boolean own = true;
    for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
      if (isReplayOf(level, level.getParent())) {
        // Jackson replays a record's unknown fields from a buffer whose root repeats the live field's name.
        continue;
      }
      if (level.inArray()) {
        // At START_ARRAY no element is current yet: the path is the array's own.
        if (level.hasCurrentIndex()) {
          segments.push("[" + level.getCurrentIndex() + "]");
        }
      } else if (level.inObject() && level.getCurrentName() != null && (ownName || !own)) {
        segments.push(safeName(level.getCurrentName()));
      }
      own = false;
    }
    if (segments.isEmpty()) {
      return BODY;
    }
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      if (path.length() > 0 && !segment.startsWith("[")) {
        path.append('.');
      }
      path.append(segment);
    }
    return path.toString();
  }

  private static boolean isReplayOf(JsonStreamContext level, JsonStreamContext parent) {
    return level instanceof TokenBufferReadContext && parent != null && !(parent instanceof TokenBufferReadContext)
        && parent.inObject() && Objects.equals(level.getCurrentName(), parent.getCurrentName());
  }

  /** A field name as it may be answered: itself if a plain identifier and no card number, else {@code *}. */
  public static String safeName(String name) {
    return PLAIN_NAME.matcher(name).matches() && !CardNumbers.looksLikeCardNumber(name) ? name : "*";
  }
}
