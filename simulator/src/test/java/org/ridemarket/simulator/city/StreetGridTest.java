package org.ridemarket.simulator.city;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.geo.Cells;

class StreetGridTest {

  private final StreetGrid grid = new StreetGrid(CityBox.MIDTOWN, StreetGrid.MANHATTAN_ROTATION_DEG);

  @Test
  void shouldRunTheAvenuesAlongManhattansRotatedGrid() {
    // given two points on Fifth Avenue, at 34th and at 42nd Street
    double u34 = grid.u(40.74844, -73.98566);
    double u42 = grid.u(40.75300, -73.98230);

    // then going uptown along the avenue barely changes u, and v grows by about 8 blocks (~640 m)
    assertThat(Math.abs(u42 - u34)).isLessThan(40);
    assertThat(grid.v(40.75300, -73.98230) - grid.v(40.74844, -73.98566)).isBetween(540.0, 640.0);
  }

  @Test
  void shouldConvertToTheGridAndBack() {
    double u = grid.u(40.7527, -73.9772);
    double v = grid.v(40.7527, -73.9772);
    assertThat(grid.lat(u, v)).isCloseTo(40.7527, Offset.offset(1e-9));
    assertThat(grid.lon(u, v)).isCloseTo(-73.9772, Offset.offset(1e-9));
  }

  @Test
  void shouldGiveTheContractsCellForAnyPosition() {
    CellAddresses addresses = new CellAddresses();
    for (double lat = 40.736; lat < 40.759; lat += 0.0013) {
      for (double lon = -74.0126; lon < -73.963; lon += 0.0017) {
        assertThat(addresses.cellOf(lat, lon)).isEqualTo(Cells.cellOf(lat, lon));
      }
    }
  }

  @Test
  void shouldCoverTheBoxWithResolution8Cells() {
    CityCells cells = new CityCells(CityBox.MIDTOWN, new CellAddresses());
    assertThat(cells.count()).isBetween(15, 40);
    for (int p = 0; p < cells.pointCount(); p += 7) {
      assertThat(cells.address(cells.pointCell(p))).isEqualTo(Cells.cellOf(cells.pointLat(p), cells.pointLon(p)));
    }
  }
}
