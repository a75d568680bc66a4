package org.ridemarket.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rider app asking one pricing-service for quotes, one after the other, on its own thread while a fault
 * happens: every answer with its status, its time and whether it came degraded or with a Retry-After, so a test
 * can hold the service to its budget under the fault.
 */
final class QuoteProbe implements AutoCloseable {

  /** One answer; status 0 when none came within the client's 5-s timeout. */
  record Answer(double millis, int status, boolean retryAfter, boolean degraded) {
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String BODY = "{\"riderId\":\"usr_chaos\",\"product\":\"STANDARD\","
      + "\"pickup\":{\"lat\":40.7527,\"lon\":-73.9772},\"dropoff\":{\"lat\":40.7484,\"lon\":-73.9857}}";

  private final URI quotes;
  private final List<Answer> answers = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  private QuoteProbe(URI base) {
    this.quotes = base.resolve("/quotes");
    this.thread = new Thread(this::run, "quote-probe");
  }

  /** Starts quoting at {@code base} (a pricing-service) every 20 ms until closed. */
  static QuoteProbe start(URI base) {
    QuoteProbe probe = new QuoteProbe(base);
    probe.thread.start();
    return probe;
  }

  /** Sends {@code count} quotes one after the other and returns their answers: a warm-up, or a check. */
  static List<Answer> send(URI base, int count) {
    QuoteProbe probe = new QuoteProbe(base);
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      answers.add(probe.quote());
    }
    return answers;
  }

  /** The answers so far. */
  synchronized List<Answer> answers() {
    return List.copyOf(answers);
  }

  /** Statuses with their counts, e.g. {@code {201=250, 503=12}}. */
  static Map<Integer, Integer> statuses(List<Answer> answers) {
    Map<Integer, Integer> counts = new TreeMap<>();
    answers.forEach(answer -> counts.merge(answer.status(), 1, Integer::sum));
    return counts;
  }

  private void run() {
    while (running) {
      Answer answer = quote();
      synchronized (this) {
        answers.add(answer);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private Answer quote() {
    long started = System.nanoTime();
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(quotes).timeout(Duration.ofSeconds(5))
              .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
          HttpResponse.BodyHandlers.ofString());
      double millis = (System.nanoTime() - started) / 1e6;
      return new Answer(millis, response.statusCode(), response.headers().firstValue("Retry-After").isPresent(),
          response.body().contains("\"degraded\":true"));
    } catch (HttpTimeoutException e) {
      return new Answer((System.nanoTime() - started) / 1e6, 0, false, false);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return new Answer((System.nanoTime() - started) / 1e6, -1, false, false);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}
