package org.ridemarket.simulator.fraud;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.simulator.city.CityBox;
import org.ridemarket.simulator.ids.IdGenerator;
import org.ridemarket.simulator.payments.Merchants;
import org.ridemarket.simulator.payments.PlannedPayment;
import org.ridemarket.simulator.riders.Rider;
import org.ridemarket.simulator.riders.RiderPopulation;

/**
 * Plans the payments of one fraud episode, each pattern with its tell-tale shape: card testing
 * (a fresh card, tiny amounts in quick succession on one new device), stolen-card bursts (a
 * rider's card, high amounts within minutes, a stranger's device elsewhere), account takeover (a
 * rider's own account from a new device far away), impossible travel (a card just used in the
 * city pays again a distant city minutes later) and fraud rings (cards sharing a few devices).
 */
public final class FraudEpisodes {

  private static final int RECENT_VICTIMS = 16;

  private final IdGenerator ids;
  private final RiderPopulation riders;
  private final RecentPayments recent;
  private final Merchants merchants;
  private final CityBox box;
  private final RandomGenerator rng;

  /** Episodes with victims from {@code riders} and {@code recent}, ids from {@code ids}. */
  public FraudEpisodes(IdGenerator ids, RiderPopulation riders, RecentPayments recent, Merchants merchants,
      CityBox box, RandomGenerator rng) {
    this.ids = ids;
    this.riders = riders;
    this.recent = recent;
    this.merchants = merchants;
    this.box = box;
    this.rng = rng;
  }

  /** The payments of a new episode of {@code pattern} starting after {@code now}, in time order. */
  public List<PlannedPayment> plan(FraudPattern pattern, long now) {
    String episode = ids.next("eps_", 12);
    long start = now + 1_000 + rng.nextInt(60_000);
    return switch (pattern) {
      case CARD_TESTING -> cardTesting(episode, start);
      case STOLEN_CARD_BURST -> stolenCardBurst(episode, start);
      case ACCOUNT_TAKEOVER -> accountTakeover(episode, start);
      case IMPOSSIBLE_TRAVEL -> impossibleTravel(episode, now);
      case FRAUD_RING -> fraudRing(episode, start);
      default -> throw new IllegalArgumentException("not a fraud pattern: " + pattern);
    };
  }

  private List<PlannedPayment> cardTesting(String episode, long start) {
    String card = ids.cardFingerprint();
    String user = ids.next("usr_", 12);
    String device = ids.next("dev_", 16);
    String merchant = merchants.pick(rng);
    double[] at = Places.around(box.centerLat(), box.centerLon(), 0, 25, rng);
    List<PlannedPayment> payments = new ArrayList<>();
    long time = start;
    for (int i = 0, n = 5 + rng.nextInt(8); i < n; i++) {
      long amount = 50 + 10L * rng.nextInt(26);
      payments.add(payment(time, card, user, device, amount, at, merchant, FraudPattern.CARD_TESTING, episode));
      time += 5_000 + rng.nextInt(35_000);
    }
    return payments;
  }

  private List<PlannedPayment> stolenCardBurst(String episode, long start) {
    Rider victim = riders.get(riders.pickAny(rng));
    String card = victim.cardFor(rng.nextDouble());
    String user = ids.next("usr_", 12);
    String device = ids.next("dev_", 16);
    double[] at = Places.around(box.centerLat(), box.centerLon(), 5, 40, rng);
    List<PlannedPayment> payments = new ArrayList<>();
    long time = start;
    for (int i = 0, n = 3 + rng.nextInt(4); i < n; i++) {
      long amount = Places.amount(4_000, 25_000, rng);
      payments.add(payment(time, card, user, device, amount, at, merchants.pick(rng), FraudPattern.STOLEN_CARD_BURST,
          episode));
      time += 30_000 + rng.nextInt(210_000);
    }
    return payments;
  }

  private List<PlannedPayment> accountTakeover(String episode, long start) {
    Rider victim = riders.get(riders.pickAny(rng));
    String device = ids.next("dev_", 16);
    double[] at = Places.around(box.centerLat(), box.centerLon(), 15, 120, rng);
    List<PlannedPayment> payments = new ArrayList<>();
    long time = start;
    for (int i = 0, n = 2 + rng.nextInt(3); i < n; i++) {
      long amount = Places.amount(6_000, 30_000, rng);
      payments.add(payment(time, victim.cardFor(rng.nextDouble()), victim.id(), device, amount, at,
          merchants.pick(rng), FraudPattern.ACCOUNT_TAKEOVER, episode));
      time += 120_000 + rng.nextInt(780_000);
    }
    return payments;
  }

  private List<PlannedPayment> impossibleTravel(String episode, long now) {
    RecentPayments.Recent seen = recent.pick(RECENT_VICTIMS, rng);
    String user = ids.next("usr_", 12);
    String device = ids.next("dev_", 16);
    // Minutes after the card was used in the city, it pays hundreds of kilometres away.
    long time = Math.max(now + 1_000, seen.at() + 120_000 + rng.nextInt(600_000));
    double[] far = Places.farCity(seen.lat(), seen.lon(), time - seen.at(), rng);
    List<PlannedPayment> payments = new ArrayList<>();
    for (int i = 0, n = 1 + rng.nextInt(2); i < n; i++) {
      long amount = Places.amount(1_500, 9_000, rng);
      payments.add(payment(time, seen.cardFingerprint(), user, device, amount, far, merchants.pick(rng),
          FraudPattern.IMPOSSIBLE_TRAVEL, episode));
      time += 60_000 + rng.nextInt(300_000);
    }
    return payments;
  }

  private List<PlannedPayment> fraudRing(String episode, long start) {
    List<String> cards = new ArrayList<>();
    for (int i = 0, n = 3 + rng.nextInt(4); i < n; i++) {
      cards.add(ids.cardFingerprint());
    }
    List<String> devices = List.of(ids.next("dev_", 16), ids.next("dev_", 16), ids.next("dev_", 16))
        .subList(0, 2 + rng.nextInt(2));
    List<String> users = List.of(ids.next("usr_", 12), ids.next("usr_", 12), ids.next("usr_", 12));
    double[] hideout = Places.around(box.centerLat(), box.centerLon(), 3, 25, rng);
    List<PlannedPayment> payments = new ArrayList<>();
    long time = start;
    for (int i = 0, n = 6 + rng.nextInt(7); i < n; i++) {
      double[] at = Places.around(hideout[0], hideout[1], 0, 0.3, rng);
      payments.add(payment(time, cards.get(i % cards.size()), users.get(rng.nextInt(users.size())),
          devices.get(rng.nextInt(devices.size())), Places.amount(2_000, 9_000, rng), at, merchants.pick(rng),
          FraudPattern.FRAUD_RING, episode));
      time += 60_000 + rng.nextInt(300_000);
    }
    return payments;
  }

  private static PlannedPayment payment(long time, String card, String user, String device, long amount, double[] at,
      String merchant, FraudPattern pattern, String episode) {
    return new PlannedPayment(time, card, user, device, amount, at[0], at[1], merchant, null, pattern, episode);
  }
}
