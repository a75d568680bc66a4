package org.ridemarket.service.rest.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * Sends bad bodies to an endpoint, a few at a time over plain java.net.http (RestAssured per request
 * would take minutes for ten thousand), and checks each answer: never a 5xx; a 400 naming the expected
 * field where the damage has one; the card number refusal, never repeating the card number.
 */
public final class FuzzDriver {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CONCURRENCY = 4;

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  /**
   * The outcome of a run.
   *
   * @param sent how many bodies were answered
   * @param statuses how many answers per mutation and status, e.g. {@code duplicate-key 400=770}
   * @param failures what went wrong, one line per bad answer
   */
  public record Report(int sent, Map<String, Integer> statuses, List<String> failures) {
  }

  /** POSTs every body to {@code endpoint} with the given headers (an API key, say). */
  public Report post(URI endpoint, Map<String, String> headers, List<BadBody> bodies) throws InterruptedException {
    Semaphore slots = new Semaphore(CONCURRENCY);
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    Queue<String> outcomes = new ConcurrentLinkedQueue<>();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    for (BadBody body : bodies) {
      slots.acquire();
      HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
      headers.forEach(request::header);
      pending.add(client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
          .whenComplete((response, failure) -> {
            slots.release();
            if (failure != null) {
              failures.add(body.mutation() + ": no answer (" + failure + ") to " + body.text());
              return;
            }
            outcomes.add(body.mutation() + " " + response.statusCode());
            String problem = check(body, response.statusCode(), response.body());
            if (problem != null) {
              failures.add(body.mutation() + ": " + problem + " for " + body.text() + " -> " + response.statusCode()
                  + " " + response.body());
            }
          }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    Map<String, Integer> statuses = new TreeMap<>();
    outcomes.forEach(outcome -> statuses.merge(outcome, 1, Integer::sum));
    return new Report(outcomes.size(), statuses, List.copyOf(failures));
  }

  /** What is wrong with an answer to a bad body, or null when it is right. */
  public static String check(BadBody body, int status, String answer) {
    if (status >= 500) {
      return "a " + status;
    }
    if (body.secret() != null && (answer.contains(body.secret()) || digitsOf(answer).contains(body.secret()))) {
      return "the card number repeated";
    }
    if (body.field() == null) {
      return null;
    }
    if (status != 400) {
      return "not a 400";
    }
    JsonNode error;
    try {
      error = JSON.readTree(answer);
    } catch (IOException e) {
      return "not an error body";
    }
    if (body.cardNumber() && !"card number refused".equals(error.path("title").asText())) {
      return "not the card number refusal";
    }
    for (JsonNode field : error.path("errors")) {
      if (body.field().equals(field.path("field").asText())) {
        return null;
      }
    }
    return "the 400 does not name " + body.field();
  }

  private static String digitsOf(String text) {
    return text.replaceAll("[^0-9]", "");
  }
}
