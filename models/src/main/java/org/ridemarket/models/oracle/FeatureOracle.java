package org.ridemarket.models.oracle;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ridemarket.contracts.features.SupplyDemandFeatures;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.features.VelocitySnapshot;
import org.ridemarket.models.fraud.VelocityReplay;
import org.ridemarket.models.oracle.OracleReport.Difference;
import org.ridemarket.models.surge.SupplyDemandReplay;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.topologies.supplydemand.SupplyDemandSettings;

/**
 * The replay oracle (ADR 0020): replays a run's input through the very topologies feature-streams runs (the
 * training replays, every ping piped) and compares each supply/demand and velocity hash in Redis with the
 * replay's final vector, field by field. The comparison is meant for a settled pipeline whose inputs ended
 * with a closing event on every input partition ({@link ClosingEvents}); the ADR says why and what it
 * leaves out (the vectors' event times of supply/demand, congestion).
 */
public final class FeatureOracle implements AutoCloseable {

  /** The families compared, by their Redis key prefix. */
  static final List<String> PREFIXES =
      List.of(SupplyDemandFeatures.REDIS_KEY_PREFIX, VelocityFeatures.REDIS_KEY_PREFIX);

  /** The 1-ms steps of a velocity vector's event time the oracle allows (see {@link #sameVectorTime}). */
  static final long VECTOR_TIME_STEPS_MS = 10;

  // every ping piped: thinning is a training shortcut the oracle does not take
  private final SupplyDemandReplay supplyDemand = new SupplyDemandReplay(SupplyDemandSettings.defaults(), false);
  private final VelocityReplay velocity = new VelocityReplay();
  private long replayed;

  /** What Redis should hold after {@code events}: each hash's fields, by Redis key, without the write time. */
  public static Map<String, Map<String, String>> replay(List<EncodedEvent> events) {
    try (FeatureOracle oracle = new FeatureOracle()) {
      oracle.feed(events);
      return oracle.expected();
    }
  }

  /** Replays {@code events} after those fed before (they must not be older, see {@link InputHistory#readNew}). */
  public void feed(List<EncodedEvent> events) {
    for (EncodedEvent event : events) {
      supplyDemand.accept(event);
      velocity.accept(event);
    }
    replayed += events.size();
  }

  /** Events replayed so far. */
  public long replayed() {
    return replayed;
  }

  /** What Redis should hold now: each hash's compared fields, by Redis key. */
  public Map<String, Map<String, String>> expected() {
    Map<String, Map<String, String>> expected = new HashMap<>();
    for (SupplyDemandSnapshot vector : supplyDemand.latest().values()) {
      expected.put(SupplyDemandFeatures.redisKey(vector.cell()), comparable(vector.toRedisHash(0), true));
    }
    for (Map.Entry<String, VelocitySnapshot> vector : velocity.latest().entrySet()) {
      expected.put(VelocityFeatures.REDIS_KEY_PREFIX + vector.getKey(),
          comparable(vector.getValue().toRedisHash(0), false));
    }
    return expected;
  }

  @Override
  public void close() {
    supplyDemand.close();
    velocity.close();
  }

  /** The compared families' hashes in the Redis at {@code redisUrl}, as stored. */
  public static Map<String, Map<String, String>> readRedis(String redisUrl) {
    RedisClient client = RedisClient.create(redisUrl);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RedisCommands<String, String> redis = connection.sync();
      Map<String, Map<String, String>> hashes = new HashMap<>();
      for (String prefix : PREFIXES) {
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
          KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1_000));
          for (String key : page.getKeys()) {
            Map<String, String> hash = redis.hgetall(key);
            if (!hash.isEmpty()) {
              hashes.put(key, hash);
            }
          }
          cursor = page;
        } while (!cursor.isFinished());
      }
      return hashes;
    } finally {
      client.shutdown();
    }
  }

  /** Compares Redis's hashes ({@link #readRedis}) with the replay's ({@link #expected}), key by key, field by field. */
  public static OracleReport compare(Map<String, Map<String, String>> expected,
      Map<String, Map<String, String>> redis) {
    List<String> lost = new ArrayList<>();
    List<String> extra = new ArrayList<>();
    List<Difference> differences = new ArrayList<>();
    int compared = 0;
    for (String key : new TreeSet<>(expected.keySet())) {
      Map<String, String> stored = redis.get(key);
      if (stored == null) {
        lost.add(key);
        continue;
      }
      Map<String, String> actual = comparable(stored, key.startsWith(SupplyDemandFeatures.REDIS_KEY_PREFIX));
      compared++;
      Map<String, String> wanted = expected.get(key);
      Set<String> fields = new TreeSet<>(wanted.keySet());
      fields.addAll(actual.keySet());
      for (String field : fields) {
        if (field.equals(VelocityFeatures.EVENT_TIME_FIELD)
            ? !sameVectorTime(wanted.get(field), actual.get(field)) : !same(wanted.get(field), actual.get(field))) {
          differences.add(new Difference(key, field, wanted.get(field), actual.get(field)));
        }
      }
    }
    for (String key : new TreeSet<>(redis.keySet())) {
      if (!expected.containsKey(key)) {
        extra.add(key);
      }
    }
    return new OracleReport(compared, lost, extra, differences);
  }

  /**
   * A velocity vector's event time is its latest payment's or label's, moved 1 ms past the entity's previous
   * vector when an update arrives with an earlier or equal time (EntityState), so that a forward-only sink applies
   * each. A merchant's payments come from every input partition through the repartition, so the order they arrive
   * in, and with it those 1-ms steps, is not determined by the input topics; the counts are. The oracle allows
   * the steps, {@value #VECTOR_TIME_STEPS_MS} ms of them, and no more: a vector of another payment is seconds away.
   * (A supply/demand hash's event time is not compared at all, see {@link #comparable}.)
   */
  private static boolean sameVectorTime(String expected, String actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    try {
      return Math.abs(Long.parseLong(expected) - Long.parseLong(actual)) <= VECTOR_TIME_STEPS_MS;
    } catch (NumberFormatException e) {
      return expected.equals(actual);
    }
  }

  private static boolean same(String expected, String actual) {
    if (expected == null || actual == null) {
      return expected == actual;
    }
    // the writer prints each value with Double.toString, so equal numbers print alike; parsing tolerates an
    // integer written by hand
    try {
      return Double.compare(Double.parseDouble(expected), Double.parseDouble(actual)) == 0;
    } catch (NumberFormatException e) {
      return expected.equals(actual);
    }
  }

  /**
   * The fields the oracle compares: never the write's wall-clock time, and not a supply/demand vector's event
   * time, which is when the wall-clock flush or the rate limit let it out (ADR 0020).
   */
  private static Map<String, String> comparable(Map<String, String> hash, boolean supplyDemand) {
    Map<String, String> fields = new LinkedHashMap<>(hash);
    fields.remove(SupplyDemandFeatures.UPDATED_AT_FIELD);
    if (supplyDemand) {
      fields.remove(SupplyDemandFeatures.EVENT_TIME_FIELD);
    }
    return fields;
  }
}
