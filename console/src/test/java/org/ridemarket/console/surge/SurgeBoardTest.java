package org.ridemarket.console.surge;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ridemarket.console.config.ConsoleConfig;
import org.ridemarket.contracts.geo.Cells;

class SurgeBoardTest {

  static final ConsoleConfig.City MIDTOWN = new ConsoleConfig.City() {
    @Override
    public double minLat() {
      return 40.7360;
    }

    @Override
    public double maxLat() {
      return 40.7590;
    }

    @Override
    public double minLon() {
      return -74.0126;
    }

    @Override
    public double maxLon() {
      return -73.9630;
    }
  };
  private static final String CELL = Cells.cellOf(40.7505, -73.9880);

  @Test
  void shouldCoverTheCityWithHexagonsBeforeAnyEvent() {
    // given a board of Midtown
    SurgeBoard board = new SurgeBoard(new CityGrid(MIDTOWN));

    // then every cell of the box and the ring around it is there, with its six corners and nothing known yet
    assertThat(board.snapshot()).hasSizeGreaterThan(30);
    assertThat(board.snapshot()).extracting(CellView::cell).contains(CELL);
    assertThat(board.snapshot()).allSatisfy(view -> {
      assertThat(view.boundary()).hasSize(6);
      assertThat(view.multiplier()).isNull();
    });
  }

  @Test
  void shouldSendChangedCellsAsOneBatchPerFlush() {
    // given a subscriber to the live updates
    SurgeBoard board = new SurgeBoard(new CityGrid(MIDTOWN));
    AssertSubscriber<List<CellView>> subscriber = board.updates().subscribe().withSubscriber(AssertSubscriber.create(10));

    // when a cell's features and two quotes arrive, then the board flushes
    board.features(CELL, 36, 1, 1_000);
    board.quoted(CELL, 1.2, false, 2_000);
    board.quoted(CELL, 1.8, false, 3_000);
    board.flush();
    board.flush();

    // then one batch holds the cell once, with the newest multiplier and its supply and demand
    assertThat(subscriber.getItems()).hasSize(1);
    CellView view = subscriber.getItems().get(0).get(0);
    assertThat(subscriber.getItems().get(0)).hasSize(1);
    assertThat(view.multiplier()).isEqualTo(1.8);
    assertThat(view.demand5m()).isEqualTo(36);
    assertThat(view.supply()).isEqualTo(1);
    assertThat(view.quotedAt()).isEqualTo(3_000);
    assertThat(view.seq()).isEqualTo(3);
  }

  @Test
  void shouldIgnoreAQuoteOlderThanTheOneShown() {
    // given a cell quoted at 1.8
    SurgeBoard board = new SurgeBoard(new CityGrid(MIDTOWN));
    board.quoted(CELL, 1.8, false, 5_000);

    // when a quote made before it arrives late (another partition, a redelivery)
    board.quoted(CELL, 1.0, true, 4_000);
    board.features(CELL, 1, 5, 4_000);
    board.features(CELL, 2, 6, 3_000);

    // then the newer multiplier and the newer features stay
    CellView view = board.snapshot().stream().filter(v -> v.cell().equals(CELL)).findFirst().orElseThrow();
    assertThat(view.multiplier()).isEqualTo(1.8);
    assertThat(view.degraded()).isFalse();
    assertThat(view.demand5m()).isEqualTo(1);
  }

  @Test
  void shouldAddACellOutsideTheCityWhenItIsQuoted() {
    // given a board of Midtown
    SurgeBoard board = new SurgeBoard(new CityGrid(MIDTOWN));
    String brooklyn = Cells.cellOf(40.6782, -73.9442);

    // when a pickup far outside the box is quoted
    board.quoted(brooklyn, 1.3, false, 1_000);

    // then the map draws it too
    assertThat(board.snapshot()).filteredOn(view -> view.cell().equals(brooklyn)).singleElement()
        .satisfies(view -> assertThat(view.boundary()).hasSize(6));
  }
}
