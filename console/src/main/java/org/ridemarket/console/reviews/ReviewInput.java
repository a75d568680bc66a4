package org.ridemarket.console.reviews;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.regex.Pattern;
import org.ridemarket.console.rest.InvalidInput;

/**
 * Checks what the page sends before it goes to fraud-service, so that the console answers a clear 400
 * naming the field and forwards only well-formed requests. fraud-service checks again; this is the edge.
 */
final class ReviewInput {

  static final Set<String> STATES = Set.of("OPEN", "TAKEN", "LABELED");
  static final Set<String> PATTERNS = Set.of("CARD_TESTING", "STOLEN_CARD_BURST", "ACCOUNT_TAKEOVER",
      "IMPOSSIBLE_TRAVEL", "FRAUD_RING");
  private static final Pattern TRANSACTION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]{1,128}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReviewInput() {
  }

  static String apiKey(String key) {
    if (key == null || key.isBlank()) {
      throw new InvalidInput("X-Api-Key", "the analyst's API key is required");
    }
    if (!PRINTABLE.matcher(key).matches()) {
      throw new InvalidInput("X-Api-Key", "must be 1 to 128 printable characters");
    }
    return key;
  }

  static String state(String state) {
    String value = state == null ? "OPEN" : state;
    if (!STATES.contains(value)) {
      throw new InvalidInput("state", "must be one of OPEN, TAKEN, LABELED");
    }
    return value;
  }

  static int limit(String limit) {
    if (limit == null) {
      return 50;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value >= 1 && value <= 500) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the refusal
    }
    throw new InvalidInput("limit", "must be a whole number from 1 to 500");
  }

  static String transactionId(String id) {
    if (id == null || !TRANSACTION_ID.matcher(id).matches()) {
      throw new InvalidInput("transactionId", "must be 1 to 128 letters, digits, '.', '_', ':' or '-'");
    }
    return id;
  }

  /** The body of a take: {@code {"analyst"}}, re-serialised with only that field. */
  static String take(String body) {
    JsonNode json = object(body);
    return JSON.createObjectNode().put("analyst", analyst(json)).toString();
  }

  /** The body of a label: analyst, FRAUD or LEGIT, and a pattern only with FRAUD. */
  static String label(String body) {
    JsonNode json = object(body);
    String analyst = analyst(json);
    JsonNode label = json.path("label");
    if (!label.isTextual() || !Set.of("FRAUD", "LEGIT").contains(label.asText())) {
      throw new InvalidInput("label", "must be FRAUD or LEGIT");
    }
    ObjectNode forwarded = JSON.createObjectNode().put("analyst", analyst).put("label", label.asText());
    JsonNode pattern = json.path("pattern");
    if (!pattern.isMissingNode() && !pattern.isNull()) {
      if (!pattern.isTextual() || !PATTERNS.contains(pattern.asText())) {
        throw new InvalidInput("pattern", "must be one of " + String.join(", ", PATTERNS.stream().sorted().toList()));
      }
      if (label.asText().equals("LEGIT")) {
        throw new InvalidInput("pattern", "only a FRAUD label names a pattern");
      }
      forwarded.put("pattern", pattern.asText());
    }
    return forwarded.toString();
  }

  private static String analyst(JsonNode json) {
    JsonNode analyst = json.path("analyst");
    if (!analyst.isTextual() || analyst.asText().isBlank() || !PRINTABLE.matcher(analyst.asText()).matches()) {
      throw new InvalidInput("analyst", "must be 1 to 128 printable characters");
    }
    return analyst.asText();
  }

  private static JsonNode object(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidInput("body", "a JSON object is required");
    }
    try {
      JsonNode json = JSON.readTree(body);
      if (json == null || !json.isObject()) {
        throw new InvalidInput("body", "must be a JSON object");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new InvalidInput("body", "is not valid JSON");
    }
  }
}
