package org.ridemarket.service.onnx;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.service.config.ServingConfig;

/**
 * The models a service serves, one {@link ModelSlot} per name, from one artifact store. Unpinned slots
 * take a newer published version by themselves (the store is checked every poll interval); an admin
 * can swap to, or roll back to, a named version ({@link ModelAdminResource}). The version in service is
 * in readiness and in the {@code serving_model_info} gauge.
 */
@ApplicationScoped
public class ServedModels {

  private static final Logger LOG = Logger.getLogger(ServedModels.class);

  private final ModelStore store;
  private final MeterRegistry registry;
  private final Map<String, ModelSlot> slots = new ConcurrentHashMap<>();
  private final Map<String, Gauge> info = new ConcurrentHashMap<>();
  private final Set<String> driftGauges = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService watcher;

  ServedModels(ServingConfig config, MeterRegistry registry) {
    this.store = new ModelStore(config.models().dir(), "published");
    this.registry = registry;
    this.watcher = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(null, task, "model-watcher", OnnxModel.LOADER_STACK_BYTES);
      thread.setDaemon(true);
      return thread;
    });
    Duration poll = config.models().pollInterval();
    if (!poll.isZero() && !poll.isNegative()) {
      watcher.scheduleWithFixedDelay(this::refreshAll, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Serves {@code name}: opens {@code version}, or the newest published version when empty, whose
   * signature must list exactly {@code features} in order. A refusal leaves the slot empty (answers are
   * degraded, readiness says why) and a later publication or admin call can fill it.
   */
  public ModelSlot serve(String name, Optional<String> version, List<String> features) {
    ModelSlot slot = slots.computeIfAbsent(name, key -> new ModelSlot(key, version, features, store,
        (before, after) -> swapped(key, before, after), registry));
    slot.loadInitial();
    return slot;
  }

  /** The slot of {@code name}, if this service serves it. */
  public Optional<ModelSlot> slot(String name) {
    return Optional.ofNullable(slots.get(name));
  }

  /** Every slot. */
  public Collection<ModelSlot> slots() {
    return slots.values();
  }

  private void refreshAll() {
    for (ModelSlot slot : slots.values()) {
      try {
        slot.refresh();
      } catch (ModelRefusedException e) {
        LOG.warnf("not swapping %s: %s", slot.name(), e.getMessage());
        Counter.builder("serving.model.swaps").tags(Tags.of("model", slot.name(), "outcome", "refused"))
            .description("Model swaps by outcome").register(registry).increment();
      } catch (RuntimeException e) {
        LOG.warnf("checking the store for %s failed: %s", slot.name(), e.getMessage());
      }
    }
  }

  /**
   * The PSI of each feature of the model in service against its training histogram (ADR 0019), registered
   * once per slot when a model with a histogram comes into service; NaN while the model in service has no
   * histogram or the window too few rows (an alert on NaN never fires). Calendar features
   * ({@link EtaFeatures#CALENDAR}) get none: an hour of traffic always differs from a training week in them.
   */
  private void registerDrift(String name) {
    ModelSlot slot = slots.get(name);
    if (slot == null || slot.currentDrift().isEmpty() || !driftGauges.add(name)) {
      return;
    }
    List<String> features = slot.features();
    for (int i = 0; i < features.size(); i++) {
      if (EtaFeatures.CALENDAR.contains(features.get(i))) {
        continue;
      }
      int index = i;
      Gauge.builder("serving.model.feature.psi",
              () -> slot.currentDrift().map(drift -> drift.psi(index)).orElse(Double.NaN))
          .tags(Tags.of("model", name, "feature", features.get(i)))
          .description("Population stability index of the feature served over the last hour against training")
          .register(registry);
    }
  }

  private void swapped(String name, String before, String after) {
    registerDrift(name);
    Counter.builder("serving.model.swaps").tags(Tags.of("model", name, "outcome", "swapped"))
        .description("Model swaps by outcome").register(registry).increment();
    Gauge old = info.remove(name);
    if (old != null) {
      registry.remove(old);
    }
    info.put(name, Gauge.builder("serving.model.info", () -> 1)
        .tags(Tags.of("model", name, "id", after)).description("The model version in service (always 1)")
        .register(registry));
  }

  void stop(@Observes ShutdownEvent stopping) {
    watcher.shutdownNow();
    slots.values().forEach(ModelSlot::close);
  }
}
