package org.ridemarket.service.rest.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a valid body back as JSON text with damage no JSON library would write: a value replaced by
 * raw text, a key written twice, members added to an object. Paths are those an error body names
 * ({@code pickup.lat}, {@code body} for the root).
 */
final class JsonText {

  private final Map<String, String> replaced = new HashMap<>();
  private final Map<String, List<String>> added = new HashMap<>();
  private final Map<String, List<String>> addedFirst = new HashMap<>();
  private String duplicated;

  /** Writes {@code raw} instead of the value at {@code path}. */
  JsonText replace(String path, String raw) {
    replaced.put(path, raw);
    return this;
  }

  /** Adds a member, raw {@code "key": value} text, to the object at {@code path}. */
  JsonText add(String path, String rawMember) {
    added.computeIfAbsent(path, p -> new ArrayList<>()).add(rawMember);
    return this;
  }

  /**
   * Adds a member before or after the object's own: Jackson binds a record's unknown fields differently
   * when they come before its last known one (it buffers them).
   */
  JsonText add(String path, String rawMember, boolean before) {
    (before ? addedFirst : added).computeIfAbsent(path, p -> new ArrayList<>()).add(rawMember);
    return this;
  }

  /** Writes the member at {@code path} twice. */
  JsonText duplicate(String path) {
    duplicated = path;
    return this;
  }

  String render(JsonNode root) {
    StringBuilder out = new StringBuilder();
    render(root, "body", out);
    return out.toString();
  }

  private void render(JsonNode node, String path, StringBuilder out) {
    if (replaced.containsKey(path)) {
      out.append(replaced.get(path));
    } else if (node.isObject()) {
      out.append('{');
      boolean first = true;
      for (String member : addedFirst.getOrDefault(path, List.of())) {
        out.append(first ? "" : ", ").append(member);
        first = false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = child(path, field.getKey());
        for (int times = child.equals(duplicated) ? 2 : 1; times > 0; times--) {
          out.append(first ? "" : ", ").append(quote(field.getKey())).append(": ");
          render(field.getValue(), child, out);
          first = false;
        }
      }
      for (String member : added.getOrDefault(path, List.of())) {
        out.append(first ? "" : ", ").append(member);
        first = false;
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        render(node.get(i), path + "[" + i + "]", out);
      }
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }

  static String child(String parent, String name) {
    return "body".equals(parent) ? name : parent + "." + name;
  }

  /** A JSON string literal; control characters and every surrogate escaped, so lone ones survive as text. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
