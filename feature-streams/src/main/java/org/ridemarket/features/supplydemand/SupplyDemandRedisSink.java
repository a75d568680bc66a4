package org.ridemarket.features.supplydemand;

import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.features.FeaturesConfig;

/**
 * Copies the features topic into Redis: a consumer loop on its own thread reads committed
 * vectors only, writes each poll's newest vector per cell in one pipelined batch, and commits
 * the offsets after Redis acknowledged them. At-least-once into a forward-only (idempotent) sink:
 * a batch that failed is read again and rewritten, and repeats change nothing.
 */
@ApplicationScoped
public class SupplyDemandRedisSink {

  private static final Logger LOG = Logger.getLogger(SupplyDemandRedisSink.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final FeaturesConfig.RedisSink config;
  private final String bootstrapServers;
  private final String redisUrl;
  private final SinkMetrics metrics;
  private final MeterRegistry registry;
  private volatile boolean running;
  private volatile String lastFailure;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private Thread thread;

  SupplyDemandRedisSink(FeaturesConfig config, MeterRegistry registry,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      @ConfigProperty(name = "redis.url") String redisUrl) {
    this.config = config.redisSink();
    this.bootstrapServers = bootstrapServers;
    this.redisUrl = redisUrl;
    this.registry = registry;
    this.metrics = new SinkMetrics(registry);
  }

  void start(@Observes StartupEvent started) {
    running = true;
    thread = new Thread(this::run, "supply-demand-redis-sink");
    thread.start();
  }

  void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
    running = false;
    KafkaConsumer<String, byte[]> polling = consumer;
    if (polling != null) {
      polling.wakeup();
    }
    if (thread != null) {
      thread.join(Duration.ofSeconds(10).toMillis());
    }
  }

  /** Null while the sink is healthy; otherwise why the last batch failed. */
  public String lastFailure() {
    return running && thread != null && thread.isAlive() ? lastFailure : "the sink is not running";
  }

  private void run() {
    RedisClient client = RedisClient.create(redisUrl);
    SupplyDemandRedisWriter writer = null;
    try (KafkaConsumer<String, byte[]> polling = new KafkaConsumer<>(consumerConfig());
         KafkaClientMetrics consumerMetrics = new KafkaClientMetrics(polling)) {
      consumer = polling;
      consumerMetrics.bindTo(registry);
      polling.subscribe(List.of(Topics.SUPPLY_DEMAND_FEATURES.name()));
      writer = connect(client);
      while (running && writer != null) {
        copy(polling, writer);
      }
    } catch (WakeupException e) {
      LOG.debug("Redis sink stopping");
    } finally {
      if (writer != null) {
        writer.close();
      }
      client.shutdown();
    }
  }

  private SupplyDemandRedisWriter connect(RedisClient client) {
    while (running) {
      try {
        return new SupplyDemandRedisWriter(client, config.ttl(), config.writeTimeout());
      } catch (RuntimeException e) {
        failed("cannot connect to Redis at " + redisUrl, e);
      }
    }
    return null;
  }

  private void copy(KafkaConsumer<String, byte[]> consumer, SupplyDemandRedisWriter writer) {
    ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
    if (records.isEmpty()) {
      return;
    }
    List<SupplyDemandSnapshot> batch = LatestPerCell.of(records, metrics);
    try {
      long started = System.nanoTime();
      List<SupplyDemandSnapshot> applied = writer.write(batch);
      metrics.written(batch.size(), applied, System.currentTimeMillis(), System.nanoTime() - started);
      consumer.commitSync();
      lastFailure = null;
    } catch (RuntimeException e) {
      failed("writing " + batch.size() + " vectors to Redis failed; the batch will be retried", e);
      rewind(consumer, records);
    }
  }

  private static void rewind(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      consumer.seek(partition, records.records(partition).get(0).offset());
    }
  }

  private void failed(String what, RuntimeException e) {
    lastFailure = what + ": " + e.getMessage();
    LOG.warn(lastFailure);
    try {
      Thread.sleep(config.retryBackoff().toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private Map<String, Object> consumerConfig() {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, config.groupId(),
        ConsumerConfig.CLIENT_ID_CONFIG, config.groupId(),
        // only vectors of committed transactions: an aborted one may be replaced by different values
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxBatch(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
  }
}
