package org.ridemarket.loadtest.throughput;

import java.util.List;
import java.util.function.Consumer;
import org.ridemarket.models.eta.CongestionReplay;
import org.ridemarket.models.fraud.VelocityReplay;
import org.ridemarket.models.surge.SupplyDemandReplay;
import org.ridemarket.simulator.output.EncodedEvent;

/**
 * The training path: the same events through the models module's replays (each topology on a
 * TopologyTestDriver, in-memory stores, as the training jobs run them, with their thinning of
 * pings), taking the emitted vectors as the jobs do, timed per topology.
 */
final class ReplayRun {

  private static final int DRAIN_EVERY = 1_000;

  private ReplayRun() {
  }

  /** What one replay measured: the events of its topics offered, those piped into the driver, seconds. */
  record Result(String name, long offered, long piped, double seconds) {

    double offeredPerSecond() {
      return offered / seconds;
    }

    double pipedPerSecond() {
      return piped / seconds;
    }
  }

  static Result supplyDemand(List<EncodedEvent> events, List<String> topics) {
    try (SupplyDemandReplay replay = new SupplyDemandReplay()) {
      return timed("supply/demand", events, topics, replay::accept, replay::latest, replay::piped);
    }
  }

  static Result velocity(List<EncodedEvent> events, List<String> topics) {
    try (VelocityReplay replay = new VelocityReplay()) {
      return timed("velocity", events, topics, replay::accept, () -> replay.latest("", 0), replay::piped);
    }
  }

  static Result congestion(List<EncodedEvent> events, List<String> topics) {
    try (CongestionReplay replay = new CongestionReplay()) {
      return timed("congestion", events, topics, replay::accept, replay::vectors, replay::piped);
    }
  }

  private static Result timed(String name, List<EncodedEvent> events, List<String> topics,
      Consumer<EncodedEvent> accept, Runnable drain, java.util.function.LongSupplier piped) {
    long offered = 0;
    long started = System.nanoTime();
    for (EncodedEvent event : events) {
      if (!topics.contains(event.topic())) {
        continue;
      }
      accept.accept(event);
      // the training jobs read the vectors as they go, which also keeps the driver's output queue short
      if (++offered % DRAIN_EVERY == 0) {
        drain.run();
      }
    }
    drain.run();
    return new Result(name, offered, piped.getAsLong(), (System.nanoTime() - started) / 1e9);
  }
}
