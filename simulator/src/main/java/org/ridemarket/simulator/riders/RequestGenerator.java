package org.ridemarket.simulator.riders;

import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.simulator.city.CellAddresses;
import org.ridemarket.simulator.city.DemandMap;
import org.ridemarket.simulator.city.DemandSpike;
import org.ridemarket.simulator.city.Point;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.ids.IdGenerator;

/**
 * Riders asking for rides: Poisson arrivals per cell and tick at the hour's rate times the demand
 * scale (and any active spike); each rider is quoted a price first and walks away when the
 * multiplier is above what the rider accepts.
 */
public final class RequestGenerator {

  private final DemandMap demand;
  private final double demandScale;
  private final List<DemandSpike> spikes;
  private final int[] spikeCells;
  private final RiderPopulation riders;
  private final RideShapes shapes;
  private final PriceOracle oracle;
  private final CellAddresses cellAddresses;
  private final IdGenerator ids;
  private final RandomGenerator rng;
  private long priceDeclined;

  /** A generator drawing from {@code rng}; spikes in cells outside the city are rejected. */
  public RequestGenerator(DemandMap demand, double demandScale, List<DemandSpike> spikes, RiderPopulation riders,
      RideShapes shapes, PriceOracle oracle, CellAddresses cellAddresses, IdGenerator ids, RandomGenerator rng) {
    this.demand = demand;
    this.demandScale = demandScale;
    this.spikes = List.copyOf(spikes);
    this.spikeCells = new int[spikes.size()];
    for (int s = 0; s < spikes.size(); s++) {
      spikeCells[s] = demand.cells().indexOf(spikes.get(s).cell());
      if (spikeCells[s] < 0) {
        throw new IllegalArgumentException("spike cell " + spikes.get(s).cell() + " is not inside the city");
      }
    }
    this.riders = riders;
    this.shapes = shapes;
    this.oracle = oracle;
    this.cellAddresses = cellAddresses;
    this.ids = ids;
    this.rng = rng;
  }

  /**
   * The requests made during the tick that ends now, each handed to {@code requested} as soon as its rider accepted
   * the quoted price (a rider does not wait for the others' quotes); price-declined ones are only counted.
   */
  public void arrivals(SimClock clock, Consumer<RideRequest> requested) {
    double hour = clock.hourOfDay();
    double ticksPerHour = 3_600_000.0 / SimClock.TICK_MILLIS;
    for (int cell = 0; cell < demand.cells().count(); cell++) {
      double mean = demand.rate(cell, hour) * demandScale * spikeFactor(cell, clock.elapsed()) / ticksPerHour;
      int count = Poisson.sample(mean, rng);
      for (int i = 0; i < count; i++) {
        RideRequest request = request(cell, hour, clock.now());
        if (request != null) {
          requested.accept(request);
        }
      }
    }
  }

  /** Riders who saw a price above their limit and did not request. */
  public long priceDeclined() {
    return priceDeclined;
  }

  private RideRequest request(int cell, double hour, long now) {
    int riderIndex = riders.pickIdle(rng);
    if (riderIndex < 0) {
      return null;
    }
    Rider rider = riders.get(riderIndex);
    Point pickup = demand.samplePickup(cell, hour, rng);
    Point dropoff = shapes.dropoff(pickup, rng);
    Product product = shapes.product(rng);
    long patience = shapes.patienceMillis(rng);
    String pickupCell = cellAddresses.cellOf(pickup.lat(), pickup.lon());
    double multiplier = oracle.multiplierFor(new QuoteRequest(rider.id(), pickup, dropoff, pickupCell, product, now));
    if (multiplier > rider.maxMultiplier()) {
      priceDeclined++;
      return null;
    }
    riders.setBusy(riderIndex, true);
    return new RideRequest(ids.next("req_", 16), ids.next("trp_", 16), riderIndex, rider, pickup, dropoff,
        pickupCell, product, now, patience, multiplier);
  }

  private double spikeFactor(int cell, long elapsedMillis) {
    double factor = 1.0;
    for (int s = 0; s < spikeCells.length; s++) {
      if (spikeCells[s] == cell && spikes.get(s).activeAt(elapsedMillis)) {
        factor *= spikes.get(s).factor();
      }
    }
    return factor;
  }
}
