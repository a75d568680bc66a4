package org.ridemarket.service.sql;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.ridemarket.service.config.ServingConfig;
import org.ridemarket.service.tracing.PublishSpan;

/**
 * Publishes the events in a service's outbox table to Kafka and deletes them once Kafka has them
 * (docs/adr/0011). One thread, never an event loop: it wakes when a promise is committed, and looks
 * anyway every poll interval for what another instance, or a failed attempt, left. Rows are taken
 * {@code FOR UPDATE SKIP LOCKED}, so any number of instances relay side by side without sending a row
 * twice; a batch Kafka does not take within the send timeout is rolled back and sent again later.
 * An event recorded in a sampled trace is sent in a PRODUCER span of that trace ({@code <topic> publish},
 * from the send to Kafka's ack), and its {@code traceparent} header names that span, so the trace shows
 * the hop to Kafka and a consumer continues it.
 */
public final class OutboxRelay implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final long SETTLE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);
  private final String table;
  private final String select;
  private final String delete;
  private static final String TRACEPARENT = "traceparent";
  private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(String traceparent) {
      return List.of(TRACEPARENT);
    }

    @Override
    public String get(String traceparent, String key) {
      return TRACEPARENT.equals(key) ? traceparent : null;
    }
  };

  private record Row(long id, String topic, String key, byte[] value, String traceparent) {
  }

  private final DataSource dataSource;
  private final KafkaProducer<String, byte[]> producer;
  private final ServingConfig.Outbox config;
  private final Semaphore wake = new Semaphore(0);
  private final Counter relayed;
  private final Counter failures;
  private final Tracer tracer;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile String lastFailure = "";

  /** A relay of the outbox table {@code config} names, started unless the configuration disables it. */
  public OutboxRelay(DataSource dataSource, String bootstrapServers, String clientId, ServingConfig.Outbox config,
      MeterRegistry registry, Tracer tracer) {
    String table = config.table();
    if (!table.matches("[a-z_]{1,63}")) {
      throw new IllegalArgumentException("not an outbox table name: " + table);
    }
    this.table = table;
    this.select = "select id, topic, event_key, event_value, traceparent from " + table
        + " order by id limit ? for update skip locked";
    this.delete = "delete from " + table + " where id = any(?)";
    this.dataSource = dataSource;
    this.tracer = tracer;
    this.config = config;
    // An idle relay (tests, tools) has no producer, so it never reaches for a broker.
    this.producer = config.enabled() ? new KafkaProducer<>(producerConfig(bootstrapServers, clientId, config),
        new StringSerializer(), new ByteArraySerializer()) : null;
    this.relayed = Counter.builder("serving.outbox.relayed").description("Events relayed from the outbox to Kafka")
        .register(registry);
    this.failures = Counter.builder("serving.outbox.failures")
        .description("Outbox batches rolled back to be sent again (Kafka or PostgreSQL failed)").register(registry);
    this.thread = new Thread(this::run, "outbox-relay");
    thread.setDaemon(true);
    if (config.enabled()) {
      thread.start();
    }
  }

  /** A relay that never runs, for journals whose rows another relay publishes (tests, tools). */
  public static OutboxRelay idle(DataSource dataSource, String table) {
    return new OutboxRelay(dataSource, "127.0.0.1:1", "idle-outbox", new Settings(table, false, Duration.ofSeconds(1),
        Duration.ZERO, 1, Duration.ofSeconds(1)), new SimpleMeterRegistry(), TracerProvider.noop().get("outbox"));
  }

  /** Relay settings set in code rather than configuration. */
  public record Settings(String table, boolean enabled, Duration pollInterval, Duration linger, int batch,
      Duration sendTimeout) implements ServingConfig.Outbox {
  }

  /** The outbox table it relays. */
  public String table() {
    return table;
  }

  /** Asks the relay to look at the outbox now (after a commit). Cheap, never blocks. */
  public void wake() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /**
   * Relays one batch: sends it, then deletes exactly the rows Kafka acknowledged, so that a row Kafka
   * took is never sent again and a row it did not take is. Returns how many events went out.
   *
   * @throws IllegalStateException after committing what was acknowledged, when some rows were not
   */
  int relayOnce() throws SQLException {
    int selected;
    int sent;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<Row> rows = select(connection);
        List<Row> acknowledged = rows.isEmpty() ? rows : send(rows);
        if (!acknowledged.isEmpty()) {
          delete(connection, acknowledged);
        }
        connection.commit();
        selected = rows.size();
        sent = acknowledged.size();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    }
    relayed.increment(sent);
    if (sent < selected) {
      throw new IllegalStateException("Kafka did not take " + (selected - sent) + " of " + selected + " events: "
          + lastFailure);
    }
    return sent;
  }

  private void run() {
    while (running) {
      try {
        int sent = relayOnce();
        if (sent < config.batch() && wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
          // Woken by a commit: let the commits of the next few milliseconds join it.
          Thread.sleep(config.linger().toMillis());
        }
        wake.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        failures.increment();
        LOG.warnf("outbox relay failed, the events stay in the outbox and are sent again: %s", e.getMessage());
        pause();
      }
    }
  }

  private List<Row> select(Connection connection) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(this.select)) {
      select.setInt(1, config.batch());
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getBytes(4),
              result.getString(5)));
        }
      }
    }
    return rows;
  }

  // Waits for every send's outcome: a record in the producer's buffer is delivered or failed within the
  // delivery timeout (the send timeout), so none is left whose fate is unknown when the batch is settled.
  private List<Row> send(List<Row> rows) {
    List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
    for (Row row : rows) {
      ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.value());
      if (row.traceparent() == null) {
        acks.add(producer.send(record));
        continue;
      }
      record.headers().add(TRACEPARENT, row.traceparent().getBytes(StandardCharsets.US_ASCII));
      // Only for events of sampled traces: the others keep the request's traceparent and cost no span.
      PublishSpan publish = PublishSpan.start(tracer, W3CTraceContextPropagator.getInstance()
          .extract(Context.root(), row.traceparent(), STORED), record);
      if (publish == null) {
        acks.add(producer.send(record));
        continue;
      }
      acks.add(producer.send(record, (metadata, failure) -> publish.end(failure)));
    }
    long until = System.nanoTime() + config.sendTimeout().toNanos() + SETTLE_GRACE_NANOS;
    List<Row> acknowledged = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      try {
        acks.get(i).get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        acknowledged.add(rows.get(i));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while Kafka acknowledged the outbox batch", e);
      } catch (Exception e) {
        lastFailure = String.valueOf(e.getMessage());
      }
    }
    return acknowledged;
  }

  private void delete(Connection connection, List<Row> rows) throws SQLException {
    Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
    try (PreparedStatement delete = connection.prepareStatement(this.delete)) {
      Array array = connection.createArrayOf("bigint", ids);
      delete.setArray(1, array);
      delete.executeUpdate();
    }
  }

  private void pause() {
    try {
      Thread.sleep(Math.max(200, config.pollInterval().toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Properties producerConfig(String bootstrapServers, String clientId, ServingConfig.Outbox config) {
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    // Retries of one batch across a broker restart are deduplicated by the broker.
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 2);
    int timeout = (int) config.sendTimeout().toMillis();
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
    properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout / 2, 5000));
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeout, 5000));
    return properties;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(2));
    }
  }
}
