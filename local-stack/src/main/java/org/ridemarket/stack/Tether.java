package org.ridemarket.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A tiny shell process that signals a server when this JVM dies without stopping it: the shell
 * reads its stdin, whose write end only this JVM holds, so end-of-file means this JVM is gone.
 */
final class Tether implements AutoCloseable {

  private static final String SCRIPT = "read -r word; [ \"$word\" = disarm ] || kill -s \"$1\" \"$2\"";

  private final Process shell;

  private Tether(Process shell) {
    this.shell = shell;
  }

  /**
   * Ties a process to this JVM's life.
   *
   * @param signal the signal name for {@code kill -s}, e.g. TERM, or INT for a PostgreSQL fast shutdown
   */
  static Tether tie(long pid, String signal) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(
        List.of("/bin/sh", "-c", SCRIPT, "tether", signal, Long.toString(pid)))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    return new Tether(ChildProcesses.start(builder, "", System.out));
  }

  /** Releases the process: it is being stopped in order and must not be signalled later. */
  @Override
  public void close() {
    try (OutputStream stdin = shell.getOutputStream()) {
      stdin.write("disarm\n".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      // the shell is already gone, which disarms it as well
    }
    try {
      if (!shell.waitFor(2, TimeUnit.SECONDS)) {
        shell.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      shell.destroyForcibly();
    }
  }
}
