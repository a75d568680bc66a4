package org.ridemarket.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The running launcher's control channel: a Unix domain socket in the state directory
 * ({@code control.sock}), so another terminal can ask it to restart one child ({@code ./stack restart
 * NAME}) with the environment it was started with. A socket file rather than a port: nothing to
 * collide with, and only users who can write the state directory can use it. One request a
 * connection, one line in ({@code restart NAME}), one line back.
 */
final class ControlSocket implements AutoCloseable {

  static final String FILE_NAME = "control.sock";

  private final Path path;
  private final ServerSocketChannel server;
  private final Thread thread;

  private ControlSocket(Path path, ServerSocketChannel server, Function<String, String> handler) {
    this.path = path;
    this.server = server;
    this.thread = new Thread(() -> serve(handler), "stack-control");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Listens on {@code <stateDir>/control.sock}; {@code handler} turns a request line into the answer line.
   * The caller holds the state directory's lock, so a socket file there is a dead launcher's and is replaced.
   */
  static ControlSocket open(Path stateDir, Function<String, String> handler) throws IOException {
    Path path = stateDir.resolve(FILE_NAME);
    Files.deleteIfExists(path);
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    return new ControlSocket(path, server, handler);
  }

  /** Sends one request to the launcher running on {@code stateDir} and returns its answer. */
  static String send(Path stateDir, String request) throws IOException {
    Path path = stateDir.resolve(FILE_NAME);
    if (!Files.exists(path)) {
      throw new IOException("no stack is running on " + stateDir + " (no " + FILE_NAME + ")");
    }
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      PrintStream out = new PrintStream(Channels.newOutputStream(channel), true, StandardCharsets.UTF_8);
      out.println(request);
      BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
          StandardCharsets.UTF_8));
      String answer = in.readLine();
      return answer == null ? "the launcher closed the connection without an answer" : answer;
    }
  }

  private void serve(Function<String, String> handler) {
    while (server.isOpen()) {
      try (SocketChannel client = server.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
            StandardCharsets.UTF_8));
        String request = in.readLine();
        String answer;
        try {
          answer = request == null ? "empty request" : handler.apply(request.trim());
        } catch (RuntimeException e) {
          answer = e.getMessage();
        }
        PrintStream out = new PrintStream(Channels.newOutputStream(client), true, StandardCharsets.UTF_8);
        out.println(answer);
      } catch (IOException e) {
        // the server closed (the stack is stopping) or one client went away: keep serving while open
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // the next launcher on this directory replaces the file anyway
    }
  }
}
