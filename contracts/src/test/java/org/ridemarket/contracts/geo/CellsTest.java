package org.ridemarket.contracts.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CellsTest {

  @Test
  void shouldKeyAPointByItsResolution8Cell() {
    String timesSquare = Cells.cellOf(40.7580, -73.9855);

    assertThat(Cells.h3().getResolution(timesSquare)).isEqualTo(Cells.RESOLUTION);
    assertThat(Cells.cellOf(40.75801, -73.98551)).isEqualTo(timesSquare);
    assertThat(Cells.h3().getResolution(Cells.regionOf(timesSquare))).isEqualTo(Cells.REGION_RESOLUTION);
  }

  @Test
  void shouldGiveSixNeighboursInTheRing() {
    String cell = Cells.cellOf(40.7527, -73.9772);

    assertThat(Cells.ring(cell)).hasSize(6).doesNotContain(cell);
  }
}
