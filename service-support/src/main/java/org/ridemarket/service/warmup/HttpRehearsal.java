package org.ridemarket.service.warmup;

import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Rehearses the HTTP server: one request to the empty decision-edge route ({@code GET /serving/noop-route},
 * 204) over loopback, so that the server's parsing, routing and response writing on the event loops are
 * compiled before the first caller. The empty route decides nothing and records nothing; it shows in the
 * HTTP server's own request metrics under its path. Sent with the JDK's client from the warm-up's thread,
 * which it may block.
 */
@ApplicationScoped
class HttpRehearsal implements WarmupStep {

  private static final String PATH = "/serving/noop-route";
  private static final Duration LISTEN_WAIT = Duration.ofSeconds(10);

  private final Instance<HttpServer> server;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT).build();
  private volatile HttpRequest request;

  HttpRehearsal(Instance<HttpServer> server) {
    this.server = server;
  }

  @Override
  public String name() {
    return "http";
  }

  @Override
  public CompletionStage<?> rehearse(int round) throws IOException, InterruptedException {
    int status = client.send(request(), HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 204) {
      throw new IllegalStateException("GET " + PATH + " answered " + status);
    }
    return CompletableFuture.completedFuture(null);
  }

  private HttpRequest request() {
    HttpRequest current = request;
    if (current == null) {
      current = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + listeningPort() + PATH)).timeout(TIMEOUT)
          .GET().build();
      request = current;
    }
    return current;
  }

  // The warm-up starts with the application, a moment before the HTTP server listens: its first round waits.
  private int listeningPort() {
    long giveUpAt = System.nanoTime() + LISTEN_WAIT.toNanos();
    int port = server.get().getPort();
    while (port <= 0 && System.nanoTime() < giveUpAt) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      port = server.get().getPort();
    }
    if (port <= 0) {
      throw new IllegalStateException("the HTTP server is not listening after " + LISTEN_WAIT.toSeconds() + " s");
    }
    return port;
  }
}
