package org.ridemarket.simulator.payments;

import java.util.random.RandomGenerator;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.simulator.city.CityBox;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.riders.Rider;
import org.ridemarket.simulator.riders.RiderPopulation;
import org.ridemarket.simulator.trips.Trip;
import org.ridemarket.simulator.trips.TripCompletionListener;

/**
 * The legitimate payments: the fare of every completed trip (the rider's card and usual device,
 * at the drop-off), a tip now and then a few minutes later, and other riders' merchant payments
 * (food, gift cards) at about the same pace, so that small and non-fare payments are not a fraud tell.
 */
public final class LegitPayments implements TripCompletionListener {

  private static final double TIP_SHARE = 0.15;
  private static final double MERCHANT_PAYMENTS_PER_TRIP = 0.15;

  private final PaymentDesk desk;
  private final ScheduledPayments scheduled;
  private final RiderPopulation riders;
  private final Merchants merchants;
  private final CityBox box;
  private final RandomGenerator rng;

  /** Legit payments through {@code desk}, tips planned on {@code scheduled}. */
  public LegitPayments(PaymentDesk desk, ScheduledPayments scheduled, RiderPopulation riders, Merchants merchants,
      CityBox box, RandomGenerator rng) {
    this.desk = desk;
    this.scheduled = scheduled;
    this.riders = riders;
    this.merchants = merchants;
    this.box = box;
    this.rng = rng;
  }

  @Override
  public void tripCompleted(Trip trip, long fareMinor, SimClock clock) {
    Rider rider = trip.request().rider();
    String card = rider.cardFor(rng.nextDouble());
    double lat = trip.request().dropoff().lat();
    double lon = trip.request().dropoff().lon();
    String tripId = trip.request().tripId();
    desk.pay(new PlannedPayment(clock.now(), card, rider.id(), rider.device(), fareMinor, lat, lon, null, tripId,
        FraudPattern.NONE, null), clock);
    if (rng.nextDouble() < TIP_SHARE) {
      long tipAt = clock.now() + 60_000 + rng.nextInt(1_500_000);
      long tip = 100 + 50L * rng.nextInt(15);
      scheduled.schedule(new PlannedPayment(tipAt, card, rider.id(), rider.device(), tip, lat, lon, null, tripId,
          FraudPattern.NONE, null));
    }
    if (rng.nextDouble() < MERCHANT_PAYMENTS_PER_TRIP) {
      Rider other = riders.get(riders.pickAny(rng));
      long amount = Math.round(2_800 * Math.exp(0.6 * rng.nextGaussian()));
      double atLat = box.minLat() + rng.nextDouble() * (box.maxLat() - box.minLat());
      double atLon = box.minLon() + rng.nextDouble() * (box.maxLon() - box.minLon());
      desk.pay(new PlannedPayment(clock.now(), other.cardFor(rng.nextDouble()), other.id(), other.device(), amount,
          atLat, atLon, merchants.pick(rng), null, FraudPattern.NONE, null), clock);
    }
  }
}
