package org.ridemarket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ridemarket.routing.MidtownPlaces.EMPIRE_STATE;
import static org.ridemarket.routing.MidtownPlaces.TIMES_SQUARE;

import com.graphhopper.GHRequest;
import com.graphhopper.util.Parameters;
import org.junit.jupiter.api.Test;

class GraphHopperRequestTest {

  @Test
  void shouldBoundEverySearchSoGraphHopperNeverAddsItsUnboundedDefaultToTheClock() {
    // when
    GHRequest request = GraphHopperRouter.request(TIMES_SQUARE, EMPIRE_STATE);

    // then: a finite timeout, far above a search's time; unbounded, every search overflows Math.addExact
    long timeout = request.getHints().getLong(Parameters.Routing.TIMEOUT_MS, Long.MAX_VALUE);
    assertThat(timeout).isEqualTo(GraphHopperRouter.SEARCH_TIMEOUT_MS).isBetween(100L, 10_000L);
    assertThat(request.getProfile()).isEqualTo(GraphHopperRouter.PROFILE);
    assertThat(request.getHints().getBool(Parameters.Routing.INSTRUCTIONS, true)).isFalse();
    // and bidirectional Dijkstra, which builds no A* weight approximator (a parse of the custom model) per search
    assertThat(request.getAlgorithm()).isEqualTo(Parameters.Algorithms.DIJKSTRA_BI);
  }
}
