package org.ridemarket.console.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** Reads a SmallRye Health answer for the checks that are DOWN, to say why a service is not ready. */
final class Readiness {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Readiness() {
  }

  /** "DOWN: name (reason), ..." from a health body; "DOWN" when it names nothing. */
  static String downChecks(String body) {
    List<String> down = new ArrayList<>();
    try {
      for (JsonNode check : JSON.readTree(body).path("checks")) {
        if (!"UP".equals(check.path("status").asText())) {
          String reason = check.path("data").path("reason").asText("");
          down.add(check.path("name").asText("?") + (reason.isEmpty() ? "" : " (" + reason + ")"));
        }
      }
    } catch (java.io.IOException e) {
      return "DOWN";
    }
    return down.isEmpty() ? "DOWN" : "DOWN: " + String.join(", ", down);
  }
}
