package org.ridemarket.simulator.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SimClockTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void shouldTellLocalTimeOfDayAcrossTheDaylightSavingChange() {
    // given 23:59:59 local on the Saturday before clocks go back (2026-11-01 02:00 EDT -> 01:00 EST)
    Instant start = LocalDateTime.of(2026, 10, 31, 23, 59, 59).atZone(NEW_YORK).toInstant();
    SimClock clock = new SimClock(start, NEW_YORK);

    // when
    clock.advance();

    // then midnight, then still local time after a day of ticks
    assertThat(clock.minuteOfDay()).isZero();
    assertThat(clock.isMinuteBoundary()).isTrue();
    for (int i = 0; i < 86_400; i++) {
      clock.advance();
    }
    assertThat(clock.hourOfDay()).isEqualTo(23.0);
    assertThat(clock.elapsed()).isEqualTo(86_401_000L);
  }
}
