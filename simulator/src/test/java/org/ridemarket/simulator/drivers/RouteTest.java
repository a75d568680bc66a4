package org.ridemarket.simulator.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.ridemarket.simulator.city.StreetGrid;

class RouteTest {

  @Test
  void shouldDriveAnLAlongTheGrid() {
    // given a route 300 m crosstown then 400 m uptown
    Route route = Route.between(0, 0, 300, 400, false);

    // then
    assertThat(route.length()).isEqualTo(700);
    assertThat(route.u(150)).isEqualTo(150);
    assertThat(route.v(150)).isEqualTo(0);
    assertThat(route.heading(150)).isEqualTo(StreetGrid.HEADING_PLUS_U);
    assertThat(route.u(500)).isEqualTo(300);
    assertThat(route.v(500)).isEqualTo(200);
    assertThat(route.heading(500)).isEqualTo(StreetGrid.HEADING_PLUS_V);
    assertThat(route.u(10_000)).isEqualTo(300);
    assertThat(route.v(10_000)).isEqualTo(400);
  }

  @Test
  void shouldDetourAboutFourOverPiOnAverage() {
    // given random trips of random direction
    SplittableRandom rng = new SplittableRandom(2);
    double driven = 0;
    double straight = 0;

    // when
    for (int i = 0; i < 100_000; i++) {
      double angle = rng.nextDouble() * 2 * Math.PI;
      double du = 1_000 * Math.cos(angle);
      double dv = 1_000 * Math.sin(angle);
      driven += Route.between(0, 0, du, dv, rng.nextBoolean()).length();
      straight += 1_000;
    }

    // then the detour factor is the Manhattan one, about 1.27
    assertThat(driven / straight).isCloseTo(4 / Math.PI, Offset.offset(0.01));
  }
}
