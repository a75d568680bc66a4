package org.ridemarket.kafkabroker;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends this JVM when its stdin reaches end-of-file: the launcher holds the write end of that pipe,
 * so EOF means the launcher is gone, even when it was killed with SIGKILL and ran no hook.
 */
public final class ParentWatchdog implements Runnable {

  private static final long HALT_AFTER_MILLIS = 10_000;

  private final InputStream stdin;

  public ParentWatchdog(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Starts watching on a daemon thread. */
  public void start() {
    Thread thread = new Thread(this, "parent-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    byte[] buffer = new byte[256];
    try {
      while (stdin.read(buffer) >= 0) {
        // the launcher never writes; anything read is ignored
      }
    } catch (IOException e) {
      // a broken pipe means the same as end-of-file
    }
    System.err.println("kafka-broker: stdin closed (launcher stopping or gone), shutting down");
    Thread halt = new Thread(() -> {
      sleepQuietly(HALT_AFTER_MILLIS);
      Runtime.getRuntime().halt(1);
    }, "parent-watchdog-halt");
    halt.setDaemon(true);
    halt.start();
    // System.exit runs Kafka's own shutdown hook; the halt above bounds how long that may take.
    System.exit(0);
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
