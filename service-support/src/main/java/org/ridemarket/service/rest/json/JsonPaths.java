package org.ridemarket.service.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBufferReadContext;
import java.util.ArrayDeque;
import java.util.Deque;
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
    return build(context, true, null);
  }

  /** The path of the object holding the current field name, for a refusal of the name itself. */
  public static String ofContainer(JsonStreamContext context) {
    return build(context, false, null);
  }

  /**
   * The path of the current value of a parser that replays buffered tokens: Jackson buffers a record's
   * unknown fields and replays them once the record is read, from a buffer whose contexts know only the
   * field's own name. The record's path comes from the live parser, which is at the record's end.
   */
  static String of(JsonStreamContext context, boolean ownName, JsonParser live) {
    if (live == null) {
      return build(context, ownName, null);
    }
    // At the record's END_OBJECT the live context is already the record's parent, at the record's own field.
    String record = live.currentToken() == JsonToken.END_OBJECT ? of(live.getParsingContext())
        : ofContainer(live.getParsingContext());
    return build(context, ownName, record);
  }

  private static String build(JsonStreamContext context, boolean ownName, String replayPrefix) {
    Deque<String> segments = new ArrayDeque<>();
    boolean first = true;
    boolean replayed = false;
    for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
      boolean nameWanted = ownName || !first;
      first = false;
      if (level instanceof TokenBufferReadContext && !(level.getParent() instanceof TokenBufferReadContext)) {
        // The buffer's root holds the field's name, whatever its type; what lies above it is stale.
        if (nameWanted && level.getCurrentName() != null) {
          segments.push(safeName(level.getCurrentName()));
        }
        replayed = replayPrefix != null;
        if (replayed) {
          break;
        }
      } else if (level.inArray()) {
        // At START_ARRAY no element is current yet: the path is the array's own.
        if (level.hasCurrentIndex()) {
          segments.push("[" + level.getCurrentIndex() + "]");
        }
      } else if (level.inObject() && nameWanted && level.getCurrentName() != null) {
        segments.push(safeName(level.getCurrentName()));
      }
    }
    if (replayed && !BODY.equals(replayPrefix)) {
      segments.push(replayPrefix);
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

  /** A field name as it may be answered: itself if a plain identifier and no card number, else {@code *}. */
  public static String safeName(String name) {
    return PLAIN_NAME.matcher(name).matches() && !CardNumbers.looksLikeCardNumber(name) ? name : "*";
  }
}
