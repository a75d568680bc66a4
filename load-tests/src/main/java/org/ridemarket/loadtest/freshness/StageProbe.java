package org.ridemarket.loadtest.freshness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Splits feature freshness by stage in a live run: reads the input topics and the features topics from
 * their ends, read_committed like the apps, and reports per topic when each record became readable
 * relative to its event time. The last stage, the Redis write, is feature-streams' own
 * {@code feature_freshness}. Usage: {@code StageProbe [--bootstrap HOST:PORT] [--warmup S] [--window S]
 * [--topic NAME]...}, where {@code --topic} adds a stage, e.g. a repartition topic between two sub-topologies.
 */
public final class StageProbe {

  /** The stages in path order: what the simulator writes, then what the topologies write. */
  static final List<String> TOPICS = List.of("rides.requests", "drivers.locations", "trips.events",
      "payments.events", "features.supply-demand", "features.velocity", "features.congestion");

  private StageProbe() {
  }

  /** Runs the probe and prints a Markdown table of the window. */
  public static void main(String[] args) {
    String bootstrap = "127.0.0.1:19092";
    long warmupSeconds = 0;
    long windowSeconds = 180;
    List<String> topics = new ArrayList<>(TOPICS);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--bootstrap" -> bootstrap = args[++i];
        case "--warmup" -> warmupSeconds = Long.parseLong(args[++i]);
        case "--window" -> windowSeconds = Long.parseLong(args[++i]);
        case "--topic" -> topics.add(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + " (--bootstrap HOST:PORT, --warmup SECONDS, --window SECONDS, --topic NAME)");
      }
    }
    StageLatencies stages = new StageLatencies(topics);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrap))) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      long measureFrom = System.currentTimeMillis() + warmupSeconds * 1000;
      long until = measureFrom + windowSeconds * 1000;
      long now;
      while ((now = System.currentTimeMillis()) < until) {
        var records = consumer.poll(Duration.ofMillis(100));
        long read = System.currentTimeMillis();
        if (read < measureFrom) {
          continue;
        }
        for (ConsumerRecord<byte[], byte[]> record : records) {
          stages.record(record.topic(), record.timestamp(), read);
        }
      }
    }
    System.out.println("stage latencies over " + windowSeconds + " s (read time minus event time):");
    stages.table().forEach(System.out::println);
  }

  private static Map<String, Object> consumerConfig(String bootstrap) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.CLIENT_ID_CONFIG, "freshness-stage-probe",
        // the apps read committed records only; an uncommitted vector is not yet anyone's input
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        // a fetch returns when a byte is there; when the broker does not say so early, the probe errs by <= 20 ms
        ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
  }
}
