package org.ridemarket.service.sql;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ridemarket.service.config.ServingConfig;

/**
 * Makes a service's promise journals and runs their one outbox relay. The database is looked up only
 * when a journal is made, so services without one (eta-service) are not asked for it.
 */
@ApplicationScoped
public class PromiseJournals {

  private final Instance<Pool> pool;
  private final Instance<DataSource> dataSource;
  private final ServingConfig config;
  private final MeterRegistry registry;
  private final Tracer tracer;
  private final String bootstrapServers;
  private final String application;
  private OutboxRelay relay;

  PromiseJournals(Instance<Pool> pool, Instance<DataSource> dataSource, ServingConfig config, MeterRegistry registry,
      Tracer tracer, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      @ConfigProperty(name = "quarkus.application.name") String application) {
    this.pool = pool;
    this.dataSource = dataSource;
    this.config = config;
    this.registry = registry;
    this.tracer = tracer;
    this.bootstrapServers = bootstrapServers;
    this.application = application;
  }

  /**
   * A journal of {@code insert} whose events this service's relay publishes (see {@link PromiseJournal}).
   *
   * @param parameters how many parameters {@code insert} takes
   */
  public synchronized <T> PromiseJournal<T> journal(String insert, int parameters, Function<T, Tuple> tuple,
      Function<T, PromiseJournal.Event> event) {
    if (relay == null) {
      relay = new OutboxRelay(dataSource.get(), bootstrapServers, application + "-outbox", config.outbox(), registry,
          tracer);
    }
    return new PromiseJournal<>(pool.get(), insert, parameters, tuple, event, config.journal(), relay,
        "serving.journal");
  }

  synchronized void stop(@Observes ShutdownEvent stopping) {
    if (relay != null) {
      relay.close();
    }
  }
}
