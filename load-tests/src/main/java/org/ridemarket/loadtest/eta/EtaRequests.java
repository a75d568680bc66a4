package org.ridemarket.loadtest.eta;

import java.util.SplittableRandom;
import org.ridemarket.loadtest.RequestSeeds;
import org.ridemarket.simulator.city.CityBox;

/**
 * Seeded ETA requests over the simulator's city: origins and destinations anywhere in its box, so the
 * routes cross every cell the simulator keeps congested, and at least {@value #MIN_METRES} m apart (a
 * rider asks for a trip, not a walk). Request n of stream s is a pure function of (seed, s, n).
 */
public final class EtaRequests {

  /** Shortest straight line between origin and destination. */
  public static final double MIN_METRES = 200;

  private static final double METRES_PER_DEG_LAT = 111_132;

  private final CityBox box;
  private final long seed;
  private final double metresPerDegLon;

  /** Requests inside {@code box}, drawn from {@code seed}. */
  public EtaRequests(CityBox box, long seed) {
    this.box = box;
    this.seed = seed;
    this.metresPerDegLon = 111_320 * Math.cos(Math.toRadians((box.minLat() + box.maxLat()) / 2));
  }

  /** Requests over the simulator's Midtown Manhattan. */
  public static EtaRequests midtown(long seed) {
    return new EtaRequests(CityBox.MIDTOWN, seed);
  }

  /** Request {@code n} of stream {@code stream} (one stream per phase of a run). */
  public EtaRequest request(long stream, long n) {
    SplittableRandom random = RequestSeeds.random(seed, stream, n);
    while (true) {
      double originLat = random.nextDouble(box.minLat(), box.maxLat());
      double originLon = random.nextDouble(box.minLon(), box.maxLon());
      double destinationLat = random.nextDouble(box.minLat(), box.maxLat());
      double destinationLon = random.nextDouble(box.minLon(), box.maxLon());
      double dy = (destinationLat - originLat) * METRES_PER_DEG_LAT;
      double dx = (destinationLon - originLon) * metresPerDegLon;
      if (Math.hypot(dx, dy) >= MIN_METRES) {
        return new EtaRequest(originLat, originLon, destinationLat, destinationLon);
      }
    }
  }
}
