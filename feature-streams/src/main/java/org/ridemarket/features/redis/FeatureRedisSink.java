package org.ridemarket.features.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.ridemarket.features.monitoring.VectorStatistics;

/**
 * Copies one features topic into Redis: a consumer loop on its own thread reads committed vectors
 * only, writes each poll's newest vector per key in one pipelined batch, and commits the offsets
 * after Redis acknowledged them. At-least-once into a forward-only (idempotent) sink: a batch that
 * failed is read again and rewritten, and repeats change nothing. When Redis has lost the family's hashes (a
 * restart of a Redis without persistence), the sink reads its topic again from the beginning, which rebuilds every
 * hash. The app's CDI beans start and stop it.
 *
 * <p>The sink's Redis connection never reconnects by itself: after any failure the sink drops it and opens a new
 * one. Lettuce's automatic reconnect would keep the commands of a Redis that went away and send them to the one
 * that came back, among them a marker check that timed out while Redis was down: that stale SETNX would set the
 * restarted Redis' marker before the sink's next check, which would then find nothing lost and never rebuild.
 */
public final class FeatureRedisSink<T> {

  private static final Logger LOG = Logger.getLogger(FeatureRedisSink.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

  private final FeatureFamily<T> family;
  private final SinkSettings settings;
  private final String bootstrapServers;
  private final String redisUrl;
  private final SinkMetrics metrics;
  private final VectorStatistics<T> statistics;
  private final MeterRegistry registry;
  private volatile boolean running;
  private volatile String lastFailure;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private long lastCheck = System.nanoTime() - CHECK_INTERVAL.toNanos();
  private boolean rebuildPending;
  private Thread thread;

  /** A sink of {@code family}'s topic, not started yet. */
  public FeatureRedisSink(FeatureFamily<T> family, SinkSettings settings, MeterRegistry registry,
      String bootstrapServers, String redisUrl) {
    this.family = family;
    this.settings = settings;
    this.bootstrapServers = bootstrapServers;
    this.redisUrl = redisUrl;
    this.registry = registry;
    this.metrics = new SinkMetrics(registry, family.name());
    this.statistics = new VectorStatistics<>(registry, family);
  }

  /** Starts the consumer loop on a thread named after the consumer group. */
  public void start() {
    running = true;
    thread = new Thread(this::run, settings.groupId());
    thread.start();
  }

  /** Stops the loop and waits up to 10 s for the thread to end. */
  public void stop() throws InterruptedException {
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
    // a command sent on a connection must never run on the Redis of a later connection (see the class comment)
    client.setOptions(ClientOptions.builder().autoReconnect(false).build());
    ForwardOnlyRedisWriter<T> writer = null;
    try (KafkaConsumer<String, byte[]> polling = new KafkaConsumer<>(consumerConfig(settings, bootstrapServers));
         KafkaClientMetrics consumerMetrics = new KafkaClientMetrics(polling)) {
      consumer = polling;
      consumerMetrics.bindTo(registry);
      polling.subscribe(List.of(family.topic()));
      while (running) {
        if (writer == null) {
          writer = connect(client);
          // a new connection may have found a new Redis: check it at once
          lastCheck = System.nanoTime() - CHECK_INTERVAL.toNanos();
        } else if (!copy(polling, writer)) {
          writer.close();
          writer = null;
        }
      }
    } catch (WakeupException e) {
      LOG.debugf("%s Redis sink stopping", family.name());
    } finally {
      if (writer != null) {
        writer.close();
      }
      client.shutdown();
    }
  }

  private ForwardOnlyRedisWriter<T> connect(RedisClient client) {
    while (running) {
      try {
        return new ForwardOnlyRedisWriter<>(client, family, settings.ttl(), settings.writeTimeout());
      } catch (RuntimeException e) {
        failed("cannot connect to Redis at " + redisUrl, e);
      }
    }
    return null;
  }

  /** One poll into Redis; false when Redis failed, and the connection must be replaced. */
  private boolean copy(KafkaConsumer<String, byte[]> consumer, ForwardOnlyRedisWriter<T> writer) {
    ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
    if (records.isEmpty()) {
      return checkRedis(consumer, writer);
    }
    List<T> batch = LatestPerKey.of(records, family, metrics);
    try {
      long started = System.nanoTime();
      ForwardOnlyRedisWriter.Writes<T> writes = writer.write(batch);
      metrics.written(batch.size(), writes, family.eventTime(), System.currentTimeMillis(),
          System.nanoTime() - started);
      // what is served: the vectors that moved their hash forward, here or ahead of their commit
      statistics.record(writes.applied());
      statistics.record(writes.confirmed());
      consumer.commitSync();
      lastFailure = null;
    } catch (RuntimeException e) {
      failed("writing " + batch.size() + " " + family.name() + " vectors to Redis failed; the batch will be retried",
          e);
      rewind(consumer, records);
      return false;
    }
    return checkRedis(consumer, writer);
  }

  // Once a second, busy or idle: a quiet family writes nothing that would find a restarted Redis.
  private boolean checkRedis(KafkaConsumer<String, byte[]> consumer, ForwardOnlyRedisWriter<T> writer) {
    long now = System.nanoTime();
    if (now - lastCheck < CHECK_INTERVAL.toNanos()) {
      return true;
    }
    lastCheck = now;
    boolean lost;
    try {
      lost = writer.lostData();
    } catch (RuntimeException e) {
      // Redis is away; the check on the next connection finds out what it lost once it is back
      failed(family.name() + " Redis sink cannot check Redis", e);
      return false;
    }
    // Redis answers: a quiet family has no batch to say so
    lastFailure = null;
    rebuildPending |= lost;
    // before the group assigned the partitions there is nothing to rewind yet
    if (rebuildPending && !consumer.assignment().isEmpty()) {
      // the compacted topic holds every key's newest vector; forward-only writes make the re-read harmless
      LOG.warnf("Redis has lost the %s hashes (restarted empty, flushed or new): re-reading %s from the beginning"
          + " to rebuild them", family.name(), family.topic());
      consumer.seekToBeginning(consumer.assignment());
      rebuildPending = false;
    }
    return true;
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
      Thread.sleep(settings.retryBackoff().toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The sink's consumer: read-committed, committing by hand after each batch landed, static when given an id. */
  public static Map<String, Object> consumerConfig(SinkSettings settings, String bootstrapServers) {
    Map<String, Object> config = new HashMap<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
        ConsumerConfig.CLIENT_ID_CONFIG, settings.groupId(),
        // only vectors of committed transactions: an aborted one may be replaced by different values
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxBatch(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    settings.instanceId().ifPresent(id -> config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
    return config;
  }
}
