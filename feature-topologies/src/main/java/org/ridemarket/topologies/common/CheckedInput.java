package org.ridemarket.topologies.common;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.topics.Topic;

/**
 * The accepted events of one input topic and the dead letters of its rejected records.
 *
 * @param accepted decoded, valid events in time, with their event time as the record timestamp
 * @param rejected a dead letter per record that failed a quality gate, with the gate's reason
 */
public record CheckedInput<V>(KStream<String, V> accepted, KStream<String, DeadLetter> rejected) {

  /**
   * Reads a topic as bytes and decodes inside the topology, so a bad record becomes a dead letter in
   * the same transaction as everything else. Every node is named from {@code name}: "-source",
   * "-decode", "-decoded-" (the branch, with "accepted" and "rejected"), "-events", "-dead-letters", and
   * the store of the ids of accepted events, which finds duplicates, "-event-ids".
   *
   * @param grace how far behind stream time an event may be and still be accepted; also how long an
   *     accepted event's id is remembered
   * @param maxFutureSkew how far ahead of the wall clock an event time may be
   * @param stores the store supplier (RocksDB live, in memory in a replay or a test driver)
   */
  public static <V> CheckedInput<V> read(StreamsBuilder builder, Topic<String, V> topic, InputRules<V> rules,
      Duration grace, Duration maxFutureSkew, Function<String, KeyValueBytesStoreSupplier> stores, String name) {
    String eventIds = name + "-event-ids";
    // no cache: every key is new, so a cache would only delay the changelog write, never save one
    builder.addStateStore(Stores.keyValueStoreBuilder(stores.apply(eventIds), Serdes.Bytes(), Serdes.ByteArray()));
    Map<String, KStream<String, Decoded<V>>> branches = builder
        .stream(topic.name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
            .withTimestampExtractor(new BoundedTimestampExtractor(maxFutureSkew))
            .withName(name + "-source"))
        .processValues(() -> new DecodeProcessor<>(topic, rules, grace, maxFutureSkew, eventIds),
            Named.as(name + "-decode"), eventIds)
        .split(Named.as(name + "-decoded-"))
        .branch((key, decoded) -> decoded.isRejected(), Branched.as("rejected"))
        .defaultBranch(Branched.as("accepted"));
    return new CheckedInput<>(
        branches.get(name + "-decoded-accepted").mapValues(Decoded::event, Named.as(name + "-events")),
        branches.get(name + "-decoded-rejected").mapValues(Decoded::rejection, Named.as(name + "-dead-letters")));
  }
}
