package org.ridemarket.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Waits for an app's readiness endpoint ({@code address + /q/health/ready}) to answer 200. */
final class AppReadiness {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private AppReadiness() {
  }

  /** Returns once the app is ready; throws if its process exits or the deadline passes first. */
  static void await(AppSpec app, ProcessHandle process, Instant deadline) throws InterruptedException {
    URI ready = uri(app);
    Readiness.await(app.name(), deadline, () -> {
      if (!process.isAlive()) {
        throw new Readiness.Dead(app.name() + " exited before it was ready");
      }
      check(ready);
    });
  }

  /** The app's readiness endpoint. */
  static URI uri(AppSpec app) {
    return URI.create(app.address().orElseThrow() + AppSpec.READY_PATH);
  }

  /** Returns if the endpoint answers 200 now; throws otherwise. */
  static void check(URI ready) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).GET().build();
    int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    if (status != 200) {
      throw new IOException(ready + " answered " + status);
    }
  }
}
