package org.ridemarket.service.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

  private static final String CATEGORY = "org.ridemarket.service.logging.test";
  // Held for the whole class: the JDK's LogManager keeps loggers only weakly, so a logger that nothing holds can be
  // collected between adding the handler and logging, and the test's lines then go to a new logger without it.
  private static final java.util.logging.Logger CAPTURED = java.util.logging.Logger.getLogger(CATEGORY);
  private final List<LogRecord> lines = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord line) {
      lines.add(line);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  @BeforeEach
  void capture() {
    CAPTURED.addHandler(capture);
  }

  @AfterEach
  void release() {
    CAPTURED.removeHandler(capture);
  }

  @Test
  void shouldLogOnceWithinTheInterval() {
    RateLimitedLog log = new RateLimitedLog(Logger.getLogger(CATEGORY), Duration.ofHours(1));

    log.degraded("answered from fallback", "features", new IllegalStateException("redis down"));
    log.degraded("answered from fallback", "features", new IllegalStateException("redis down"));
    log.warnf("also %s", "suppressed");

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).getLevel()).isEqualTo(java.util.logging.Level.WARNING);
  }

  @Test
  void shouldLogAgainOnceTheIntervalHasPassed() {
    RateLimitedLog log = new RateLimitedLog(Logger.getLogger(CATEGORY), Duration.ZERO);

    log.warnf("first");
    log.degraded("answered from fallback", "internal", new NullPointerException());

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1).getLevel()).isEqualTo(java.util.logging.Level.SEVERE);
    assertThat(lines.get(1).getThrown()).isInstanceOf(NullPointerException.class);
  }
}
