package org.ridemarket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GreatCircleTest {

  @Test
  void shouldMeasureOneDegreeOfLatitude() {
    double metres = GreatCircle.metres(GeoPoint.of(40, -74), GeoPoint.of(41, -74));

    assertThat(metres).isCloseTo(Math.PI / 180 * GreatCircle.EARTH_RADIUS_METRES, within(1e-6));
  }

  @Test
  void shouldAgreeWithAnIndependentHaversine() {
    GeoPoint penn = MidtownPlaces.PENN_STATION;
    GeoPoint un = MidtownPlaces.UN_HEADQUARTERS;

    double metres = GreatCircle.metres(penn, un);

    assertThat(metres).isCloseTo(MidtownPlaces.haversineMetres(penn, un), within(1e-6));
  }

  @Test
  void shouldInterpolateAlongTheArc() {
    GeoPoint a = MidtownPlaces.HUDSON_YARDS;
    GeoPoint b = MidtownPlaces.UN_HEADQUARTERS;

    GeoPoint quarter = GreatCircle.interpolate(a, b, 0.25);

    double whole = GreatCircle.metres(a, b);
    assertThat(GreatCircle.metres(a, quarter)).isCloseTo(whole * 0.25, within(1e-3));
    assertThat(GreatCircle.metres(quarter, b)).isCloseTo(whole * 0.75, within(1e-3));
    assertThat(GreatCircle.interpolate(a, b, 0)).isEqualTo(a);
    assertThat(GreatCircle.interpolate(a, b, 1)).isEqualTo(b);
  }
}
