package org.ridemarket.console.surge;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.geo.Cells;

class SurgeResourceTest {

  private static final String CELL = Cells.cellOf(40.7505, -73.9880);

  @Test
  void shouldStartTheFeedWithEveryCellThenSendOnlyChanges() {
    // given a board with one quoted cell, and a page connecting to the feed
    SurgeBoard board = new SurgeBoard(new CityGrid(SurgeBoardTest.MIDTOWN));
    board.quoted(CELL, 1.4, false, 1_000);
    board.flush();
    AssertSubscriber<List<CellView>> page = new SurgeResource(board).stream().subscribe()
        .withSubscriber(AssertSubscriber.create(10));

    // when the cell is quoted again
    board.quoted(CELL, 2.1, false, 2_000);
    board.flush();

    // then the page got the whole city first, with the quoted cell, then a batch of the one change
    assertThat(page.getItems()).hasSize(2);
    assertThat(page.getItems().get(0)).hasSize(board.snapshot().size());
    assertThat(page.getItems().get(0)).filteredOn(view -> view.cell().equals(CELL)).singleElement()
        .satisfies(view -> assertThat(view.multiplier()).isEqualTo(1.4));
    assertThat(page.getItems().get(1)).singleElement().satisfies(view -> {
      assertThat(view.cell()).isEqualTo(CELL);
      assertThat(view.multiplier()).isEqualTo(2.1);
    });
    page.cancel();
  }

  @Test
  void shouldKeepOtherPagesLiveWhenOneStopsReading() {
    // given a page that reads nothing more and one that reads everything
    SurgeBoard board = new SurgeBoard(new CityGrid(SurgeBoardTest.MIDTOWN));
    AssertSubscriber<List<CellView>> stuck = new SurgeResource(board).stream().subscribe()
        .withSubscriber(AssertSubscriber.create(1));
    AssertSubscriber<List<CellView>> reading = new SurgeResource(board).stream().subscribe()
        .withSubscriber(AssertSubscriber.create(100));

    // when many batches go out
    for (int i = 0; i < 20; i++) {
      board.quoted(CELL, 1.0 + i / 10.0, false, i);
      board.flush();
    }

    // then the slow page lost batches, not its connection, and the other got them all
    stuck.assertNotTerminated();
    assertThat(reading.getItems()).hasSize(21);
    reading.assertNotTerminated();
  }
}
