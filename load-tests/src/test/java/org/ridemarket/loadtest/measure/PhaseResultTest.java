package org.ridemarket.loadtest.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseResultTest {

  @Test
  void shouldSayEverythingAboutARateInOneLine() {
    // given
    PhaseResult result = new PhaseResult("quote", 500, 60, 30_000, 29_997, Map.of("HTTP 503", 2L, "no response", 1L),
        300, 2.314, 8.4, 31.24, 155.2, 499.84, 0.4);

    // then
    assertThat(result.errorCount()).isEqualTo(3);
    assertThat(result.line()).isEqualTo("quote @ 500/s for 60 s: p50 2.31 ms, p99 8.40 ms, p99.9 31.2 ms, max 155 ms; "
        + "499.8/s achieved (30000 sent, 29997 ok, 3 errors: HTTP 503 x2, no response x1); degraded 1.0%; "
        + "generator lag max 0.40 ms");
  }

  @Test
  void shouldSayWhenThereWereNoErrors() {
    PhaseResult result = new PhaseResult("quote", 50, 10, 500, 500, Map.of(), 500, 1.5, 3, 4, 4.2, 49.9, 0.1);
    assertThat(result.line()).contains("(500 sent, 500 ok, 0 errors); degraded 100.0%");
  }
}
