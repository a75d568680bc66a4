package org.ridemarket.loadtest.payments;

import java.util.SplittableRandom;
import org.ridemarket.loadtest.RequestSeeds;
import org.ridemarket.simulator.city.CityBox;
import org.ridemarket.simulator.ids.IdGenerator;

/**
 * Seeded payments over the simulator's city: a fixed population of riders, each with one card and one
 * device (so the same card, user and device recur within a run, as they do in life), fares of a few to
 * a few tens of dollars, nine in ten paying a trip. Transaction ids carry a run id, so a second run is
 * scored afresh instead of being answered from the first run's recorded decisions.
 */
public final class PaymentRequests {

  /** Riders who pay. */
  public static final int DEFAULT_RIDERS = 20_000;

  private final CityBox box;
  private final long seed;
  private final String runId;
  private final String[] users;
  private final String[] cards;
  private final String[] devices;

  /** Payments inside {@code box} from {@code riders} riders, drawn from {@code seed}, ids tagged {@code runId}. */
  public PaymentRequests(CityBox box, long seed, String runId, int riders) {
    if (riders < 1) {
      throw new IllegalArgumentException("riders must be positive");
    }
    if (!runId.matches("[A-Za-z0-9-]{1,32}")) {
      throw new IllegalArgumentException("runId: 1 to 32 letters, digits or dashes, got '" + runId + "'");
    }
    this.box = box;
    this.seed = seed;
    this.runId = runId;
    IdGenerator ids = new IdGenerator(new SplittableRandom(seed));
    this.users = new String[riders];
    this.cards = new String[riders];
    this.devices = new String[riders];
    for (int i = 0; i < riders; i++) {
      users[i] = ids.next("usr_", 12);
      cards[i] = ids.next("fp_", 16);
      devices[i] = ids.next("dev_", 12);
    }
  }

  /** Payments over the simulator's Midtown Manhattan from {@link #DEFAULT_RIDERS} riders. */
  public static PaymentRequests midtown(long seed, String runId) {
    return new PaymentRequests(CityBox.MIDTOWN, seed, runId, DEFAULT_RIDERS);
  }

  /** Payment {@code n} of stream {@code stream} (one stream per phase of a run). */
  public PaymentRequest request(long stream, long n) {
    SplittableRandom random = RequestSeeds.random(seed, stream, n);
    int rider = random.nextInt(users.length);
    // Fares are roughly log-normal: median about $18, a long tail to a few hundred.
    long amount = Math.max(300, Math.round(Math.exp(7.5 + 0.6 * random.nextGaussian())));
    double lat = random.nextDouble(box.minLat(), box.maxLat());
    double lon = random.nextDouble(box.minLon(), box.maxLon());
    String id = "tx-" + runId + "-" + stream + "-" + n;
    boolean fare = random.nextDouble() < 0.9;
    return new PaymentRequest(id, cards[rider], users[rider], devices[rider], amount, lat, lon,
        fare ? "trip-" + runId + "-" + stream + "-" + n : null, fare ? null : "mch_" + random.nextInt(500));
  }
}
