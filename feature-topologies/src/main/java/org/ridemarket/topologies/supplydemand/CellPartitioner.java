package org.ridemarket.topologies.supplydemand;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Partitions deltas by cell as Kafka would by default, and copies each tick to every partition. */
final class CellPartitioner implements StreamPartitioner<String, CellDelta> {

  @Override
  public Optional<Set<Integer>> partitions(String topic, String key, CellDelta delta, int partitions) {
    if (delta.measure() != CellDelta.Measure.TICK) {
      // empty: the producer's default, a hash of the serialized cell
      return Optional.empty();
    }
    return Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toUnmodifiableSet()));
  }
}
