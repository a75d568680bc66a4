package org.ridemarket.tracing.zipkin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.Encoding;

/**
 * Posts batches of JSON spans to Zipkin's {@code /api/v2/spans} with the JDK's HTTP client. The exporter's
 * default sender needs OkHttp (and Kotlin); this one costs nothing on the classpath. Called on the batch
 * span processor's thread, never on a request's.
 */
final class JdkZipkinSender extends BytesMessageSender.Base {

  // Zipkin's own limit for one POST.
  private static final int MESSAGE_MAX_BYTES = 5 * 1024 * 1024;

  private final URI endpoint;
  private final Duration timeout;
  private final HttpClient client;

  JdkZipkinSender(String endpoint, Duration timeout) {
    super(Encoding.JSON);
    this.endpoint = URI.create(endpoint);
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public int messageMaxBytes() {
    return MESSAGE_MAX_BYTES;
  }

  @Override
  public void send(List<byte[]> encodedSpans) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
        .header("Content-Type", encoding.mediaType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(encoding.encode(encodedSpans))).build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new IOException("Zipkin answered " + response.statusCode() + " to " + endpoint);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while sending spans to " + endpoint, e);
    }
  }

  @Override
  public void close() {
    // HttpClient has nothing to release before Java 21.
  }
}
