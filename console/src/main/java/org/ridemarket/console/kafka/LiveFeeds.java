package org.ridemarket.console.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.ridemarket.console.config.ConsoleConfig;
import org.ridemarket.console.deadletters.DeadLetterSummary;
import org.ridemarket.console.surge.SurgeBoard;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.PriceQuoted;
import org.ridemarket.contracts.features.SupplyDemandVector;
import org.ridemarket.contracts.topics.Topics;

/**
 * The console's one Kafka reader, on its own thread: quotes and supply/demand vectors into the surge
 * board, dead letters into their summary. It joins no consumer group and commits nothing: every console
 * instance reads every partition from {@code console.lookback} ago, a view and not a processing step.
 */
@ApplicationScoped
public class LiveFeeds {

  private static final Logger LOG = Logger.getLogger(LiveFeeds.class);
  private static final List<String> TOPICS = List.of(Topics.PRICE_QUOTES.name(),
      Topics.SUPPLY_DEMAND_FEATURES.name(), Topics.DEAD_LETTERS.name());

  private final SurgeBoard board;
  private final DeadLetterSummary deadLetters;
  private final ConsoleConfig config;
  private final String bootstrapServers;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private volatile boolean running = true;
  private volatile boolean assigned;
  private Thread thread;

  public LiveFeeds(SurgeBoard board, DeadLetterSummary deadLetters, ConsoleConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    this.board = board;
    this.deadLetters = deadLetters;
    this.config = config;
    this.bootstrapServers = bootstrapServers;
  }

  void start(@Observes StartupEvent event) {
    thread = new Thread(this::run, "console-live-feeds");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    KafkaConsumer<byte[], byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    if (thread != null) {
      thread.join(5_000);
    }
  }

  /** True once every topic's partitions are assigned and the reader polls them. */
  public boolean assigned() {
    return assigned;
  }

  private void run() {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "console-live-feeds");
    // A board for people: a quarter of a second late is invisible, and the broker then answers a few fetches a
    // second instead of one per produced batch of quotes.
    properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 256 * 1024);
    properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 250);
    try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer = kafka;
      assignFromLookback(kafka);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : kafka.poll(Duration.ofMillis(200))) {
          dispatch(record);
        }
        board.flush();
      }
    } catch (WakeupException e) {
      if (running) {
        LOG.error("live feeds woken up while running", e);
      }
    } catch (RuntimeException e) {
      LOG.error("live feeds stopped: the map and the dead letters are no longer updated", e);
    }
  }

  // The topics are created by the stack; until they exist the console waits rather than failing.
  private void assignFromLookback(KafkaConsumer<byte[], byte[]> kafka) {
    List<TopicPartition> partitions = new ArrayList<>();
    while (running) {
      partitions.clear();
      Map<String, List<PartitionInfo>> topics;
      try {
        topics = kafka.listTopics(Duration.ofSeconds(5));
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        LOG.infof("waiting for Kafka at %s", bootstrapServers);
        sleep();
        continue;
      }
      for (String topic : TOPICS) {
        for (PartitionInfo info : topics.getOrDefault(topic, List.of())) {
          partitions.add(new TopicPartition(topic, info.partition()));
        }
      }
      if (TOPICS.stream().allMatch(topics::containsKey)) {
        break;
      }
      LOG.infof("waiting for topics %s", TOPICS);
      sleep();
    }
    if (!running) {
      return;
    }
    kafka.assign(partitions);
    long from = Instant.now().minus(config.lookback()).toEpochMilli();
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(partition -> query.put(partition, from));
    Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(query);
    Map<TopicPartition, Long> ends = kafka.endOffsets(partitions);
    for (TopicPartition partition : partitions) {
      OffsetAndTimestamp offset = offsets.get(partition);
      kafka.seek(partition, offset == null ? ends.get(partition) : offset.offset());
    }
    assigned = true;
    LOG.infof("reading %d partitions of %s from %s on", partitions.size(), TOPICS, Instant.ofEpochMilli(from));
  }

  private void dispatch(ConsumerRecord<byte[], byte[]> record) {
    try {
      if (record.topic().equals(Topics.PRICE_QUOTES.name())) {
        PriceQuoted quote = Topics.PRICE_QUOTES.valueSerde().deserializer().deserialize(record.topic(), record.value());
        board.quoted(quote.getPickupCell(), quote.getSurgeMultiplier(), quote.getDegraded(),
            quote.getEventTime().toEpochMilli());
      } else if (record.topic().equals(Topics.SUPPLY_DEMAND_FEATURES.name())) {
        SupplyDemandVector vector = Topics.SUPPLY_DEMAND_FEATURES.valueSerde().deserializer()
            .deserialize(record.topic(), record.value());
        board.features(vector.getCell(), vector.getRequests5m(), vector.getAvailableDrivers(),
            vector.getEventTime().toEpochMilli());
      } else {
        DeadLetter letter = Topics.DEAD_LETTERS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        deadLetters.add(letter);
      }
    } catch (RuntimeException e) {
      // A record the console cannot read is not its to dead-letter: it shows what it can and goes on.
      LOG.warnf("skipped an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
          e.toString());
    }
  }

  private void sleep() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
