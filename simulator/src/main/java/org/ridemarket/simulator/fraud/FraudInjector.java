package org.ridemarket.simulator.fraud;

import java.util.List;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.payments.PaymentObserver;
import org.ridemarket.simulator.payments.PlannedPayment;
import org.ridemarket.simulator.payments.ScheduledPayments;

/**
 * Injects fraud episodes among the legitimate payments: after each legitimate payment, while the
 * controller says fraud is behind its share, the next pattern's episode is planned.
 */
public final class FraudInjector implements PaymentObserver {

  private static final int RECENT_CAPACITY = 256;

  private final FraudController controller;
  private final PatternBag patterns;
  private final FraudEpisodes episodes;
  private final RecentPayments recent;
  private final ScheduledPayments scheduled;

  /** Plans episodes with {@code episodes} onto {@code scheduled}, victims remembered in {@code recent}. */
  public FraudInjector(FraudController controller, PatternBag patterns, FraudEpisodes episodes, RecentPayments recent,
      ScheduledPayments scheduled) {
    this.controller = controller;
    this.patterns = patterns;
    this.episodes = episodes;
    this.recent = recent;
    this.scheduled = scheduled;
  }

  /** A memory of recent payments sized for this injector. */
  public static RecentPayments recentPayments() {
    return new RecentPayments(RECENT_CAPACITY);
  }

  @Override
  public void paid(PaymentAttempted payment, PlannedPayment planned, SimClock clock) {
    if (planned.fraud()) {
      return;
    }
    controller.legitPaid();
    recent.add(new RecentPayments.Recent(payment.getCardFingerprint(), payment.getUserId(),
        payment.getLocation().getLat(), payment.getLocation().getLon(), clock.now()));
    while (controller.behind()) {
      List<PlannedPayment> episode = episodes.plan(patterns.next(), clock.now());
      controller.committed(episode.size());
      episode.forEach(scheduled::schedule);
    }
  }
}
