package org.ridemarket.loadtest.quotes;

import java.util.List;
import java.util.SplittableRandom;
import org.ridemarket.loadtest.RequestSeeds;
import org.ridemarket.simulator.city.CityBox;
import org.ridemarket.simulator.ids.IdGenerator;

/**
 * Seeded quote requests over the simulator's city: pickups and dropoffs anywhere in its box (so every
 * surge cell the simulator keeps busy is asked about), a fixed population of riders, products mixed.
 * Request n of stream s is a pure function of (seed, s, n), so a run asks the same questions however
 * Gatling's event loops interleave its virtual users.
 */
public final class QuoteRequests {

  /** Riders who ask; some ask several times in a run, as real riders do. */
  public static final int DEFAULT_RIDERS = 10_000;

  // The pricing-service's products (the contract's Product minus UNKNOWN), most rides being STANDARD.
  private static final List<String> PRODUCTS = List.of("STANDARD", "XL", "PREMIUM");
  private static final double[] CUMULATIVE_SHARE = {0.70, 0.90, 1.00};

  private final CityBox box;
  private final long seed;
  private final String[] riders;

  /** Requests inside {@code box} from {@code riders} riders, all drawn from {@code seed}. */
  public QuoteRequests(CityBox box, long seed, int riders) {
    if (riders < 1) {
      throw new IllegalArgumentException("riders must be positive");
    }
    this.box = box;
    this.seed = seed;
    IdGenerator ids = new IdGenerator(new SplittableRandom(seed));
    this.riders = new String[riders];
    for (int i = 0; i < riders; i++) {
      this.riders[i] = ids.next("usr_", 12);
    }
  }

  /** Requests over the simulator's Midtown Manhattan from {@link #DEFAULT_RIDERS} riders. */
  public static QuoteRequests midtown(long seed) {
    return new QuoteRequests(CityBox.MIDTOWN, seed, DEFAULT_RIDERS);
  }

  /** The products requests are spread over. */
  public static List<String> products() {
    return PRODUCTS;
  }

  /** Request {@code n} of stream {@code stream} (one stream per phase of a run). */
  public QuoteRequest request(long stream, long n) {
    SplittableRandom random = RequestSeeds.random(seed, stream, n);
    String rider = riders[random.nextInt(riders.length)];
    double pickupLat = random.nextDouble(box.minLat(), box.maxLat());
    double pickupLon = random.nextDouble(box.minLon(), box.maxLon());
    double dropoffLat = random.nextDouble(box.minLat(), box.maxLat());
    double dropoffLon = random.nextDouble(box.minLon(), box.maxLon());
    return new QuoteRequest(rider, pickupLat, pickupLon, dropoffLat, dropoffLon, product(random.nextDouble()));
  }

  private static String product(double draw) {
    for (int i = 0; i < CUMULATIVE_SHARE.length; i++) {
      if (draw < CUMULATIVE_SHARE[i]) {
        return PRODUCTS.get(i);
      }
    }
    return PRODUCTS.get(PRODUCTS.size() - 1);
  }
}
