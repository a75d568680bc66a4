package org.ridemarket.models.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.models.surge.SupplyDemandReplay;
import org.ridemarket.models.surge.SupplyDemandReplayTest;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventFileSink;
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;

/** The oracle's comparison and its DuckDB recount on a simulated rush hour, without Kafka or Redis. */
class FeatureOracleTest {

  private static List<EncodedEvent> events;
  private static Map<String, Map<String, String>> expected;
  /** The supply/demand hashes as the sink would have written them, event and write times included. */
  private static Map<String, Map<String, String>> stored;

  @BeforeAll
  static void replayARushHour() {
    events = simulate(Duration.ofMinutes(30), 150);
    expected = FeatureOracle.replay(events);
    stored = new HashMap<>();
    try (SupplyDemandReplay replay = new SupplyDemandReplay(SupplyDemandSettings.defaults(), false)) {
      events.forEach(replay::accept);
      for (SupplyDemandSnapshot vector : replay.latest().values()) {
        stored.put(SupplyDemandFeatures.redisKey(vector.cell()), vector.toRedisHash(System.currentTimeMillis()));
      }
    }
  }

  @Test
  void shouldFindNothingWhenRedisHoldsTheReplaysVectorsWhenever() {
    // given Redis holding the replay's vectors, written at some wall-clock time and, for supply/demand, at an
    // event time of the flush's choosing
    Map<String, Map<String, String>> redis = copy(expected);
    redis.forEach((key, hash) -> {
      hash.put(SupplyDemandFeatures.UPDATED_AT_FIELD, "1764000000000");
      if (key.startsWith(SupplyDemandFeatures.REDIS_KEY_PREFIX)) {
        hash.put(SupplyDemandFeatures.EVENT_TIME_FIELD, "1764000000123");
      }
    });

    OracleReport report = FeatureOracle.compare(expected, redis);

    assertThat(report.clean()).as("%s", report).isTrue();
    assertThat(report.compared()).isEqualTo(expected.size());
    assertThat(expected.keySet()).anyMatch(key -> key.startsWith(SupplyDemandFeatures.REDIS_KEY_PREFIX))
        .anyMatch(key -> key.startsWith(VelocityFeatures.REDIS_KEY_PREFIX));
  }

  @Test
  void shouldAllowAVelocityVectorsOneMillisecondStepsButNotAnotherPaymentsTime() {
    // given Redis holding a velocity vector whose event time took two 1-ms steps the replay's did not (its updates
    // arrived in another order), and another whose event time is a second later
    Map<String, Map<String, String>> redis = copy(expected);
    List<String> entities = expected.keySet().stream()
        .filter(key -> key.startsWith(VelocityFeatures.REDIS_KEY_PREFIX)).sorted().toList();
    Map<String, String> stepped = redis.get(entities.get(0));
    stepped.put(VelocityFeatures.EVENT_TIME_FIELD,
        Long.toString(Long.parseLong(stepped.get(VelocityFeatures.EVENT_TIME_FIELD)) + 2));
    Map<String, String> later = redis.get(entities.get(1));
    later.put(VelocityFeatures.EVENT_TIME_FIELD,
        Long.toString(Long.parseLong(later.get(VelocityFeatures.EVENT_TIME_FIELD)) + 1_000));

    OracleReport report = FeatureOracle.compare(expected, redis);

    // then only the second is a difference
    assertThat(report.differences()).extracting(OracleReport.Difference::key).containsExactly(entities.get(1));
  }

  @Test
  void shouldReportLostExtraAndDoubleCountedUpdatesFieldByField() {
    // given a Redis that lost one cell, holds a hash the replay never wrote, counted one request twice and
    // missed one payment
    Map<String, Map<String, String>> redis = copy(expected);
    List<String> cells = expected.keySet().stream()
        .filter(key -> key.startsWith(SupplyDemandFeatures.REDIS_KEY_PREFIX))
        .filter(key -> Double.parseDouble(expected.get(key).get(SupplyDemandFeatures.REQUESTS_15M)) > 0).sorted().toList();
    String lostCell = cells.get(0);
    String doubled = cells.get(1);
    String card = expected.keySet().stream().filter(key -> key.startsWith(VelocityFeatures.REDIS_KEY_PREFIX + "card:"))
        .sorted().findFirst().orElseThrow();
    redis.remove(lostCell);
    redis.put(SupplyDemandFeatures.redisKey("88000000000ffff"), Map.of(SupplyDemandFeatures.REQUESTS_1M, "1.0"));
    bump(redis.get(doubled), SupplyDemandFeatures.REQUESTS_15M, +1);
    bump(redis.get(card), VelocityFeatures.COUNT_24H, -1);

    OracleReport report = FeatureOracle.compare(expected, redis);

    assertThat(report.lost()).containsExactly(lostCell);
    assertThat(report.extra()).containsExactly(SupplyDemandFeatures.redisKey("88000000000ffff"));
    assertThat(report.differences()).extracting(OracleReport.Difference::key, OracleReport.Difference::field)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(doubled, SupplyDemandFeatures.REQUESTS_15M),
            org.assertj.core.groups.Tuple.tuple(card, VelocityFeatures.COUNT_24H));
    assertThat(report.overCounted()).isEqualTo(1);
    assertThat(report.underCounted()).isEqualTo(1);
    assertThat(report.toString()).contains("lost " + lostCell, doubled + " requests_15m");
  }

  @Test
  void shouldAgreeWithDuckDbOnEveryCellsRequestCounts() {
    RequestCountCheck.Result result = RequestCountCheck.check(events, stored);

    assertThat(result.clean()).as("%s", result).isTrue();
    assertThat(result.cells()).isEqualTo(stored.size());
    assertThat(result.requests()).isGreaterThan(100);
  }

  @Test
  void shouldNameTheCellAndWindowWhereDuckDbDisagrees() {
    Map<String, Map<String, String>> redis = copy(stored);
    String cell = redis.keySet().stream()
        .filter(key -> Double.parseDouble(redis.get(key).get(SupplyDemandFeatures.REQUESTS_5M)) > 0).sorted()
        .findFirst().orElseThrow();
    bump(redis.get(cell), SupplyDemandFeatures.REQUESTS_5M, +1);

    RequestCountCheck.Result result = RequestCountCheck.check(events, redis);

    assertThat(result.mismatches()).singleElement().asString()
        .startsWith(cell.substring(SupplyDemandFeatures.REDIS_KEY_PREFIX.length()) + " requests_5m at ");
  }

  @Test
  void shouldMergePartitionsOldestFirstKeepingEachPartitionsOrder() {
    ArrayDeque<EncodedEvent> first = new ArrayDeque<>(List.of(event("a", 10), event("b", 40), event("c", 30)));
    ArrayDeque<EncodedEvent> second = new ArrayDeque<>(List.of(event("x", 20), event("y", 50)));
    ArrayDeque<EncodedEvent> third = new ArrayDeque<>(List.of(event("t", 20), event("u", 40)));

    List<EncodedEvent> merged = InputHistory.merge(List.of(first, second, third));

    // c stays behind b, late as it is in its partition, as a stream task would read it; equally old heads (x and t,
    // b and u) go in the partitions' order, whatever the heap did before
    assertThat(merged).extracting(EncodedEvent::key).containsExactly("a", "x", "t", "b", "c", "u", "y");
    assertThat(InputHistory.merge(List.of(
        new ArrayDeque<>(List.of(event("t", 20), event("u", 40))),
        new ArrayDeque<>(List.of(event("a", 10), event("b", 40), event("c", 30))),
        new ArrayDeque<>(List.of(event("x", 20), event("y", 50))))))
        .extracting(EncodedEvent::key).containsExactly("a", "t", "x", "u", "b", "c", "y");
  }

  @Test
  void shouldCloseMidBucketAtLeastTwentySecondsLaterOnEveryPartition() {
    assertThat(ClosingEvents.closingTime(1_000_003_000L)).isEqualTo(1_000_025_000L);
    assertThat(ClosingEvents.closingTime(1_000_009_999L)).isEqualTo(1_000_025_000L);
    assertThat(ClosingEvents.cellsByPartition(6)).hasSize(6).doesNotHaveDuplicates();
  }

  private static EncodedEvent event(String key, long time) {
    return new EncodedEvent("rides.requests", key, key.getBytes(), new byte[0], time);
  }

  private static void bump(Map<String, String> hash, String field, int by) {
    hash.put(field, Double.toString(Double.parseDouble(hash.get(field)) + by));
  }

  private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> hashes) {
    Map<String, Map<String, String>> copy = new HashMap<>();
    hashes.forEach((key, hash) -> copy.put(key, new LinkedHashMap<>(hash)));
    return copy;
  }

  /** A simulated evening written to an event file, as {@code --out} writes it, and read back as the tool reads it. */
  private static List<EncodedEvent> simulate(Duration length, int drivers) {
    try {
      Path file = Files.createTempFile("oracle-", ".events");
      try (EventFileSink sink = new EventFileSink(file)) {
        SupplyDemandReplayTest.simulate(length, drivers, 17, sink);
      }
      List<EncodedEvent> recorded = InputHistory.fromEventFile(file);
      Files.delete(file);
      return recorded;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
