package org.ridemarket.topologies.common;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.topics.Topic;

/**
 * The accepted events of one input topic and the dead letters of its rejected records.
 *
 * @param accepted decoded, valid events in time, with their event time as the record timestamp
 * @param rejected a dead letter per undecodable, invalid or too-late record
 */
public record CheckedInput<V>(KStream<String, V> accepted, KStream<String, DeadLetter> rejected) {

  /**
   * Reads a topic as bytes and decodes inside the topology, so a bad record becomes a dead letter in
   * the same transaction as everything else. Every node is named from {@code name}: "-source",
   * "-decode", "-decoded-" (the branch, with "accepted" and "rejected"), "-events", "-dead-letters".
   *
   * @param grace how far behind stream time an event may be and still be accepted
   * @param maxFutureSkew how far ahead of the wall clock an event time may be
   */
  public static <V> CheckedInput<V> read(StreamsBuilder builder, Topic<String, V> topic, InputRules<V> rules,
      Duration grace, Duration maxFutureSkew, String name) {
    Map<String, KStream<String, Decoded<V>>> branches = builder
        .stream(topic.name(), Consumed.with(Serdes.String(), Serdes.ByteArray())
            .withTimestampExtractor(new BoundedTimestampExtractor(maxFutureSkew))
            .withName(name + "-source"))
        .processValues(() -> new DecodeProcessor<>(topic, rules, grace, maxFutureSkew), Named.as(name + "-decode"))
        .split(Named.as(name + "-decoded-"))
        .branch((key, decoded) -> decoded.isRejected(), Branched.as("rejected"))
        .defaultBranch(Branched.as("accepted"));
    return new CheckedInput<>(
        branches.get(name + "-decoded-accepted").mapValues(Decoded::event, Named.as(name + "-events")),
        branches.get(name + "-decoded-rejected").mapValues(Decoded::rejection, Named.as(name + "-dead-letters")));
  }
}
