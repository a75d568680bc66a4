package org.ridemarket.tracing.zipkin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkZipkinSenderTest {

  private HttpServer zipkin;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private volatile int status = 202;

  @BeforeEach
  void startZipkin() throws IOException {
    zipkin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    zipkin.createContext("/api/v2/spans", exchange -> {
      received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
          + new String(exchange.getRequestBody().readAllBytes(), UTF_8));
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    zipkin.start();
  }

  @AfterEach
  void stopZipkin() {
    zipkin.stop(0);
  }

  private JdkZipkinSender sender() {
    return new JdkZipkinSender("http://127.0.0.1:" + zipkin.getAddress().getPort() + "/api/v2/spans",
        Duration.ofSeconds(5));
  }

  @Test
  void postsTheBatchAsOneJsonArray() throws Exception {
    sender().send(List.of("{\"id\":\"a\"}".getBytes(UTF_8), "{\"id\":\"b\"}".getBytes(UTF_8)));

    assertThat(received.poll(5, TimeUnit.SECONDS))
        .isEqualTo("POST application/json [{\"id\":\"a\"},{\"id\":\"b\"}]");
  }

  @Test
  void aRefusalIsAnErrorNamingTheStatusAndTheEndpoint() {
    status = 400;

    assertThatThrownBy(() -> sender().send(List.of("{}".getBytes(UTF_8))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("400").hasMessageContaining("/api/v2/spans");
  }

  @Test
  void anUnreachableZipkinIsAnError() {
    JdkZipkinSender sender = sender();
    zipkin.stop(0);

    assertThatThrownBy(() -> sender.send(List.of("{}".getBytes(UTF_8)))).isInstanceOf(IOException.class);
  }
}
