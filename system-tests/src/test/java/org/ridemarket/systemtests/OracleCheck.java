package org.ridemarket.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ridemarket.models.oracle.ClosingEvents;
import org.ridemarket.models.oracle.FeatureOracle;
import org.ridemarket.models.oracle.InputHistory;
import org.ridemarket.models.oracle.OracleReport;
import org.ridemarket.models.oracle.RequestCountCheck;
import org.ridemarket.simulator.output.EncodedEvent;

/**
 * The replay oracle as a test helper (ADR 0020): keeps one replay of the stack's input topics going across the
 * steps of a test, and after each step closes the run, replays what is new and waits until Redis agrees with the
 * replay, then recounts requests in DuckDB.
 */
final class OracleCheck implements AutoCloseable {

  /** What one check found once Redis had settled (or the timeout passed). */
  record Outcome(OracleReport oracle, RequestCountCheck.Result counts, long closingTime, double settleSeconds,
      long replayed) {

    boolean clean() {
      return oracle.clean() && counts.clean();
    }
  }

  private final String bootstrapServers;
  private final String redisUrl;
  private final InputHistory input;
  private final FeatureOracle oracle = new FeatureOracle();
  private final List<EncodedEvent> events = new ArrayList<>();
  private final Set<String> foreign = new HashSet<>();

  OracleCheck(String bootstrapServers, String redisUrl) {
    this.bootstrapServers = bootstrapServers;
    this.redisUrl = redisUrl;
    this.input = new InputHistory(bootstrapServers);
  }

  /**
   * Leaves out of every comparison the hashes Redis holds now that no input record produced: earlier tests of
   * the shared stack write some straight into Redis (the console's test seeds a card's velocity). Returns them.
   */
  Set<String> ignoreForeignHashes() {
    replayNew();
    Map<String, Map<String, String>> expected = oracle.expected();
    FeatureOracle.readRedis(redisUrl).keySet().stream().filter(key -> !expected.containsKey(key))
        .forEach(foreign::add);
    return Set.copyOf(foreign);
  }

  /**
   * Closes the run (the producers must have stopped), replays the input written since the last check and
   * compares Redis with the replay every second until they agree or {@code settleTimeout} passes.
   */
  Outcome closeAndCompare(Duration settleTimeout) throws InterruptedException {
    replayNew();
    long closingTime = ClosingEvents.closingTime(ClosingEvents.lastEventTime(events));
    ClosingEvents.write(bootstrapServers, closingTime);
    replayNew();
    Map<String, Map<String, String>> expected = oracle.expected();
    long started = System.nanoTime();
    long deadline = started + settleTimeout.toNanos();
    Map<String, Map<String, String>> stored = readStored();
    OracleReport report = FeatureOracle.compare(expected, stored);
    while (!report.clean() && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      stored = readStored();
      report = FeatureOracle.compare(expected, stored);
    }
    double settled = (System.nanoTime() - started) / 1e9;
    return new Outcome(report, RequestCountCheck.check(events, stored), closingTime, settled, oracle.replayed());
  }

  private Map<String, Map<String, String>> readStored() {
    Map<String, Map<String, String>> stored = FeatureOracle.readRedis(redisUrl);
    stored.keySet().removeAll(foreign);
    return stored;
  }

  private void replayNew() {
    List<EncodedEvent> fresh = input.readNew(Duration.ofMinutes(1));
    oracle.feed(fresh);
    events.addAll(fresh);
  }

  @Override
  public void close() {
    oracle.close();
  }
}
