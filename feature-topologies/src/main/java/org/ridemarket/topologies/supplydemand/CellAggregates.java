package org.ridemarket.topologies.supplydemand;

import static org.ridemarket.contracts.features.SupplyDemandFeatures.AVAILABLE_DRIVERS;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.COMPLETED_TRIPS_15M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.DEMAND_SUPPLY_5M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.REQUESTS_15M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.REQUESTS_1M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.REQUESTS_5M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.RING_AVAILABLE_DRIVERS;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.RING_COMPLETED_TRIPS_15M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.RING_DEMAND_SUPPLY_5M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.RING_REQUESTS_15M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.RING_REQUESTS_5M;
import static org.ridemarket.contracts.features.SupplyDemandFeatures.TREND_5M_15M;

import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;

/**
 * The counts a cell's features derive from, at one instant; two equal aggregates give equal
 * vectors, which is how the topology knows whether a cell changed since its last emission.
 */
record CellAggregates(
    int requests1m,
    int requests5m,
    int requests15m,
    int completedTrips15m,
    int availableDrivers,
    int ringRequests5m,
    int ringRequests15m,
    int ringAvailableDrivers,
    int ringCompletedTrips15m) {

  static final CellAggregates EMPTY = new CellAggregates(0, 0, 0, 0, 0, 0, 0, 0, 0);

  boolean isEmpty() {
    return equals(EMPTY);
  }

  /** The cell's feature vector as of {@code eventTime}; each value is placed by its feature name. */
  SupplyDemandSnapshot toSnapshot(String cell, long eventTime) {
    double[] values = new double[SupplyDemandFeatures.NAMES.size()];
    put(values, REQUESTS_1M, requests1m);
    put(values, REQUESTS_5M, requests5m);
    put(values, REQUESTS_15M, requests15m);
    put(values, COMPLETED_TRIPS_15M, completedTrips15m);
    put(values, AVAILABLE_DRIVERS, availableDrivers);
    put(values, RING_REQUESTS_5M, ringRequests5m);
    put(values, RING_REQUESTS_15M, ringRequests15m);
    put(values, RING_AVAILABLE_DRIVERS, ringAvailableDrivers);
    put(values, RING_COMPLETED_TRIPS_15M, ringCompletedTrips15m);
    put(values, TREND_5M_15M, SupplyDemandFeatures.trend(requests5m, requests15m));
    put(values, DEMAND_SUPPLY_5M, SupplyDemandFeatures.demandSupply(requests5m, availableDrivers));
    put(values, RING_DEMAND_SUPPLY_5M, SupplyDemandFeatures.demandSupply(ringRequests5m, ringAvailableDrivers));
    return new SupplyDemandSnapshot(cell, eventTime, values);
  }

  private static void put(double[] values, String name, double value) {
    values[SupplyDemandFeatures.indexOf(name)] = value;
  }
}
