package org.ridemarket.service.rest.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Where a valid body can be damaged: the paths of its scalar values, of its objects and of its instants. */
final class BodyShape {

  final List<String> leaves = new ArrayList<>();
  final List<String> objects = new ArrayList<>();
  final List<String> instants = new ArrayList<>();

  BodyShape(JsonNode body) {
    collect(body, "body");
  }

  private void collect(JsonNode node, String path) {
    if (node.isObject()) {
      objects.add(path);
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(field.getValue(), JsonText.child(path, field.getKey()));
      }
    } else if (!node.isArray()) {
      leaves.add(path);
      if (node.isTextual() && isInstant(node.textValue())) {
        instants.add(path);
      }
    }
  }

  /** The text of a scalar value: a string's own, a number's as written. */
  static String textOf(JsonNode body, String leaf) {
    JsonNode node = body.at("/" + leaf.replace('.', '/'));
    return node.isTextual() ? node.textValue() : node.toString();
  }

  private static boolean isInstant(String text) {
    try {
      Instant.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
