package org.ridemarket.features.congestion;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.features.FeaturesConfig;
import org.ridemarket.features.StreamsLoop;
import org.ridemarket.topologies.congestion.CongestionSettings;
import org.ridemarket.topologies.congestion.CongestionTopology;

/**
 * Runs the congestion topology as its own Kafka Streams application beside the one Quarkus manages (ADR
 * 0008: it reads the topics supply/demand reads, and one topology cannot subscribe a topic twice), with
 * the same {@code kafka-streams.*} settings (exactly-once v2, explicit naming, state directory) and its
 * own application id. Started once its topics exist, closed at shut-down; a stream thread's uncaught
 * exception shuts the client down, as Kafka Streams' default does for the Quarkus-managed app.
 */
@ApplicationScoped
public class CongestionStreams {

  private static final Logger LOG = Logger.getLogger(CongestionStreams.class);
  private static final String STREAMS_PREFIX = "kafka-streams.";
  /** What the app reads and writes: like the Quarkus-managed app, it waits for them instead of failing. */
  static final List<String> TOPICS = List.of(Topics.DRIVER_LOCATIONS.name(), Topics.TRIP_EVENTS.name(),
      Topics.CONGESTION_FEATURES.name(), Topics.DEAD_LETTERS.name());
  private static final Duration TOPICS_POLL = Duration.ofSeconds(1);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private final Properties properties;
  private final KafkaStreams streams;
  private final KafkaStreamsMetrics metrics;
  private final Object lifecycle = new Object();
  private boolean closing;
  private Thread starter;

  CongestionStreams(FeaturesConfig config, Config allConfig, MeterRegistry registry,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    this.properties = properties(allConfig, config.congestion().applicationId(), bootstrapServers);
    // both applications run these kafka-streams.* settings; a bad one stops the app at start-up
    StreamsLoop.check(properties, config.flushInterval());
    this.streams = new KafkaStreams(CongestionTopology.build(settings(config.congestion())), properties);
    streams.setUncaughtExceptionHandler(CongestionStreams::uncaught);
    this.metrics = new KafkaStreamsMetrics(streams);
    metrics.bindTo(registry);
  }

  /** The topology's settings; fails start-up on settings the topology refuses. */
  public static CongestionSettings settings(FeaturesConfig.Congestion congestion) {
    return new CongestionSettings(congestion.grace(), congestion.maxFutureSkew(), congestion.movingSpeedMps(),
        congestion.sweepInterval(), congestion.refreshInterval(), congestion.idleTimeout(),
        congestion.freeFlowHalfLife(), congestion.freeFlowMinWeight());
  }

  /** Every {@code kafka-streams.*} property, as the Quarkus extension passes them on, under this app's id. */
  public static Properties properties(Config config, String applicationId, String bootstrapServers) {
    Properties properties = new Properties();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith(STREAMS_PREFIX)) {
        config.getOptionalValue(name, String.class)
            .ifPresent(value -> properties.setProperty(name.substring(STREAMS_PREFIX.length()), value));
      }
    }
    properties.setProperty(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    properties.setProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return properties;
  }

  void start(@Observes StartupEvent started) {
    synchronized (lifecycle) {
      starter = new Thread(this::startOnceTopicsExist, "congestion-streams-start");
      starter.setDaemon(true);
      starter.start();
    }
  }

  void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
    synchronized (lifecycle) {
      closing = true;
    }
    if (starter != null) {
      starter.interrupt();
      starter.join(TOPICS_POLL.multipliedBy(10).toMillis());
    }
    streams.close(CLOSE_TIMEOUT);
    metrics.close();
  }

  /** The application's state: CREATED until its topics exist, RUNNING once it processes. */
  public KafkaStreams.State state() {
    return streams.state();
  }

  private void startOnceTopicsExist() {
    Properties adminConfig = new Properties();
    properties.forEach((key, value) -> {
      if (AdminClientConfig.configNames().contains((String) key)) {
        adminConfig.put(key, value);
      }
    });
    try (Admin admin = Admin.create(adminConfig)) {
      for (int attempt = 0; !closingNow(); attempt++) {
        List<String> missing = missing(admin);
        if (missing.isEmpty()) {
          synchronized (lifecycle) {
            if (!closing) {
              streams.start();
            }
          }
          return;
        }
        if (attempt % 10 == 0) {
          LOG.infof("congestion Kafka Streams waits for topics %s", missing);
        }
        Thread.sleep(TOPICS_POLL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean closingNow() {
    synchronized (lifecycle) {
      return closing;
    }
  }

  private static List<String> missing(Admin admin) throws InterruptedException {
    try {
      Set<String> existing = admin.listTopics().names().get(TOPICS_POLL.toMillis() * 5, TimeUnit.MILLISECONDS);
      return TOPICS.stream().filter(topic -> !existing.contains(topic)).toList();
    } catch (ExecutionException | TimeoutException e) {
      return TOPICS;
    }
  }

  private static StreamThreadExceptionResponse uncaught(Throwable failure) {
    // the topology turns bad records into dead letters, so this is a bug or a lost broker: stop and let liveness say so
    LOG.error("congestion Kafka Streams failed; shutting the client down", failure);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }
}
