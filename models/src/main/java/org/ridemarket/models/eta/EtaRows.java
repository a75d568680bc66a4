package org.ridemarket.models.eta;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.routing.EtaScoring;

/**
 * Builds the two training rows of every completed trip, point in time: the route departs at the pick-up
 * (the trip's duration is pick-up to drop-off), and the congestion vectors are those Redis held for the
 * crossed cells when the rider asked, which is when the ETA is asked for. Both rows go through
 * {@link EtaScoring}, the code the ETA service scores with.
 */
public final class EtaRows {

  private EtaRows() {
  }

  /** The rows of {@code trips} (in that order, road row first), skipping trips with no duration to learn. */
  public static List<EtaRow> of(List<CompletedTrip> trips, CellVectorHistory vectors, BaselineRoutes routes) {
    List<EtaRow> rows = new ArrayList<>(2 * trips.size());
    for (CompletedTrip trip : trips) {
      if (!(trip.durationSeconds() > 0)) {
        continue;
      }
      Instant departure = Instant.ofEpochMilli(trip.pickedUpAt());
      BaselineRoutes.Baseline road = routes.road(trip.pickup(), trip.dropoff(), departure);
      BaselineRoutes.Baseline mapFree = routes.mapFree(trip.pickup(), trip.dropoff(), departure);
      if (road.route().durationSeconds() > 0 && mapFree.route().durationSeconds() > 0) {
        rows.add(row(trip, EtaRow.Pass.ROAD, road, vectors));
        rows.add(row(trip, EtaRow.Pass.MAP_FREE, mapFree, vectors));
      }
    }
    return rows;
  }

  static EtaRow row(CompletedTrip trip, EtaRow.Pass pass, BaselineRoutes.Baseline baseline, CellVectorHistory vectors) {
    Map<String, CongestionSnapshot> cells = vectors.asOf(baseline.route().distinctCells(), trip.requestedAt());
    double[] values = EtaScoring.values(baseline.route(), Instant.ofEpochMilli(trip.pickedUpAt()), cells,
        trip.requestedAt(), baseline.mapFree());
    double seconds = baseline.route().durationSeconds();
    return new EtaRow(trip, pass, EtaScoring.toFloats(values), seconds,
        EtaScoring.residual(trip.durationSeconds(), seconds));
  }
}
