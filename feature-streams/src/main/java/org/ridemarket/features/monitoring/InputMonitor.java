package org.ridemarket.features.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;

/**
 * Field statistics of the four input topics ({@link FieldStatistics}, {@code feature_input_field_*{topic,field}}),
 * fed by {@link InputStatistics} with every record the supply/demand application's consumer reads. A record is
 * decoded a second time for this (the topology decodes inside its transaction and cannot share it); one that does
 * not decode, or is larger than the gates allow, is left to the quality gates.
 */
@ApplicationScoped
// nothing injects it: the interceptor, which Kafka makes, looks it up
@Unremovable
public class InputMonitor {

  /** The input topics; the supply/demand application reads all four. */
  static final Set<Topic<String, ?>> INPUTS = Set.of(Topics.RIDE_REQUESTS, Topics.DRIVER_LOCATIONS,
      Topics.TRIP_EVENTS, Topics.PAYMENTS);
  private static final int MAX_VALUE_BYTES = 4096;

  private final Map<String, Topic<String, ?>> topics;
  private final Map<String, FieldStatistics> statistics;

  InputMonitor(MeterRegistry registry) {
    this.topics = INPUTS.stream().collect(Collectors.toMap(Topic::name, Function.identity()));
    this.statistics = INPUTS.stream().collect(Collectors.toMap(Topic::name,
        topic -> new FieldStatistics(registry, FieldStatistics.Names.INPUT, topic.name())));
  }

  /** Records one consumed record's fields at its timestamp; records of other topics are ignored. */
  public void record(ConsumerRecord<byte[], byte[]> record) {
    Topic<String, ?> topic = topics.get(record.topic());
    if (topic == null || record.value() == null || record.value().length > MAX_VALUE_BYTES) {
      return;
    }
    Object event;
    try {
      event = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
    } catch (RuntimeException notAnEvent) {
      return;
    }
    if (event instanceof GenericRecord fields) {
      AvroFields.record(statistics.get(record.topic()), record.timestamp(), fields);
    }
  }
}
