package org.ridemarket.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A redis-server child process on loopback, without persistence, in a directory cleared on start. */
final class RedisNode implements InfraNode {

  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final Path dir;
  private final int port;
  private final PidFiles pidFiles;
  private volatile Process process;
  private volatile Tether tether;

  RedisNode(Path dir, int port, PidFiles pidFiles) {
    this.dir = dir;
    this.port = port;
    this.pidFiles = pidFiles;
  }

  @Override
  public String name() {
    return "redis";
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void start(Instant deadline) throws Exception {
    Directories.recreate(dir);
    launch(deadline);
  }

  // Redis keeps nothing on disk here: a restarted server starts empty and the feature sinks fill it again.
  @Override
  public void restart(Instant deadline) throws Exception {
    launch(deadline);
  }

  /** Kills the server with SIGKILL and starts an empty one on the same port, for fault tests. */
  void killAndRestart(Instant deadline) throws Exception {
    Process running = process;
    if (tether != null) {
      tether.close();
      tether = null;
    }
    running.toHandle().destroyForcibly();
    running.waitFor();
    pidFiles.remove(name());
    launch(deadline);
  }

  private void launch(Instant deadline) throws Exception {
    List<String> command = List.of(RedisBinary.resolve().toString(),
        "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--daemonize", "no",
        "--dir", dir.toString(), "--pidfile", dir.resolve("redis.pid").toString(),
        "--logfile", dir.resolve("redis.log").toString());
    process = ChildProcesses.start(new ProcessBuilder(command).directory(dir.toFile()), "[redis] ", System.out);
    pidFiles.record(name(), process.toHandle());
    // redis-server does not notice its parent dying, so a tether ends it if this JVM is killed.
    tether = Tether.tie(process.pid(), "TERM");
    Readiness.await(name(), deadline, this::ping);
  }

  private void ping() throws IOException {
    if (!process.isAlive()) {
      throw new Readiness.Dead("redis exited with code " + process.exitValue()
          + "; see " + dir.resolve("redis.log"));
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(1_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(7);
      if (!new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n")) {
        throw new IOException("redis answered PING with " + new String(reply, StandardCharsets.US_ASCII));
      }
    }
  }

  @Override
  public ProcessHandle handle() {
    return process.toHandle();
  }

  @Override
  public CompletableFuture<String> exited() {
    return process.onExit().thenApply(exited -> "exited with code " + exited.exitValue());
  }

  @Override
  public void close() {
    Process running = process;
    if (running == null) {
      return;
    }
    if (tether != null) {
      tether.close();
      tether = null;
    }
    ChildProcesses.stop(running.toHandle(), STOP_GRACE);
    pidFiles.remove(name());
  }
}
