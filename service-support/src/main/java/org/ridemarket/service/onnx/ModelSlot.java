package org.ridemarket.service.onnx;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.jboss.logging.Logger;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.service.drift.FeatureDrift;

/**
 * One model name in service and its hot swap: a new version is opened and verified beside the one in
 * service, then swapped in; requests in flight finish on the session they leased, which is closed after
 * the last of them. A version that fails verification is refused and the one in service keeps serving.
 * A candidate version can be scored in the shadow of the one in service (ADR 0033).
 */
public final class ModelSlot {

  private static final Logger LOG = Logger.getLogger(ModelSlot.class);
  /** Rehearsals of a new session before it takes requests: its first runs allocate and plan, slowly. */
  static final int REHEARSALS_BEFORE_SWAP = 50;

  /** What is in service: a model, or the reason there is none. */
  private record State(LiveModel live, String reason) {
  }

  private final String name;
  private final List<String> features;
  private final ModelStore store;
  private final BiConsumer<String, String> onSwap;
  private final AtomicReference<State> state;
  private final MeterRegistry registry;
  private volatile ShadowModel shadow;
  // A version named by configuration or by an admin: the store's newer versions are not taken.
  private volatile Optional<String> pinned;

  ModelSlot(String name, Optional<String> pinned, List<String> features, ModelStore store,
      BiConsumer<String, String> onSwap, MeterRegistry registry) {
    this.name = name;
    this.pinned = pinned;
    this.features = List.copyOf(features);
    this.store = store;
    this.onSwap = onSwap;
    this.registry = registry;
    this.state = new AtomicReference<>(new State(null, "model " + name + " is not loaded yet"));
  }

  /** The model's name in the store. */
  public String name() {
    return name;
  }

  /** The feature vector the service builds for this model, in order. */
  public List<String> features() {
    return features;
  }

  /** Leases the model in service for one request; empty when there is none. Close the lease. */
  public Optional<ModelLease> lease() {
    while (true) {
      State now = state.get();
      if (now.live() == null) {
        return Optional.empty();
      }
      if (now.live().tryAcquire()) {
        return Optional.of(new ModelLease(now.live(), shadow));
      }
      // Swapped and closed between the read and the acquire: the next read sees the new model.
    }
  }

  /**
   * Runs the model in service once on {@code row} without counting it anywhere (warm-up, ADR 0031).
   *
   * @return false when no model is in service
   */
  public boolean rehearse(float[] row) {
    Optional<ModelLease> lease = lease();
    if (lease.isEmpty()) {
      return false;
    }
    try (ModelLease leased = lease.get()) {
      leased.model().rehearse(row);
      return true;
    }
  }

  /** {@code name:version} of the model in service. */
  public Optional<String> currentId() {
    State now = state.get();
    return now.live() == null ? Optional.empty() : Optional.of(now.live().model().id());
  }

  /** The signature of the model in service. */
  public Optional<ModelSignature> currentSignature() {
    State now = state.get();
    return now.live() == null ? Optional.empty() : Optional.of(now.live().model().signature());
  }

  /** The drift monitor of the model in service; empty without a model or without its training histogram. */
  public Optional<FeatureDrift> currentDrift() {
    State now = state.get();
    return now.live() == null ? Optional.empty() : now.live().model().drift();
  }

  /** Why no model is in service; empty when one is. */
  public Optional<String> unavailableReason() {
    return Optional.ofNullable(state.get().reason());
  }

  /** The version named by configuration or an admin, if any. */
  public Optional<String> pinnedVersion() {
    return pinned;
  }

  /** Loads the pinned or newest version at start-up; a refusal leaves the slot empty with the reason. */
  void loadInitial() {
    try {
      swapTo(pinned.orElseGet(() -> store.newestVersion(name)));
    } catch (ModelRefusedException e) {
      state.set(new State(null, e.getMessage()));
      LOG.errorf("no %s model in service, answers will be degraded: %s", name, e.getMessage());
    }
  }

  /**
   * Opens, verifies and swaps in {@code version}, pinning it; {@code latest} unpins and takes the newest.
   *
   * @return the id now in service
   * @throws ModelRefusedException naming the reason; the model in service is unchanged
   */
  public synchronized String activate(String version) {
    if ("latest".equals(version)) {
      pinned = Optional.empty();
      return swapTo(store.newestVersion(name));
    }
    String id = swapTo(version);
    pinned = Optional.of(version);
    return id;
  }

  /** Takes the store's newest version if the slot is not pinned and it differs from the one in service. */
  synchronized void refresh() {
    if (pinned.isPresent()) {
      return;
    }
    String newest = store.newestVersion(name);
    if (!currentId().equals(Optional.of(name + ":" + newest))) {
      swapTo(newest);
    }
  }

  /**
   * Opens and verifies {@code version} and scores a sample of the rows the model in service scores with
   * it too, on a thread of its own, replacing any earlier candidate.
   *
   * @param sample share of scorings offered to the candidate, in (0, 1]
   * @param tolerance largest absolute difference from the live output that counts as agreeing
   * @return the candidate's id
   * @throws ModelRefusedException when the version fails verification or is the one in service; a running
   *     shadow stays
   * @throws IllegalArgumentException when the sample or the tolerance is out of range
   */
  public synchronized String shadow(String version, double sample, double tolerance) {
    if (currentId().equals(Optional.of(name + ":" + version))) {
      throw new ModelRefusedException(name + ":" + version + " is the version in service; a shadow needs another");
    }
    ShadowModel.check(sample, tolerance);
    OnnxModel candidate = openRehearsed(version);
    // The old one first: a candidate shadowed again registers the same meters, which stopping removes.
    stopShadow();
    ShadowModel next = new ShadowModel(name, candidate, sample, tolerance, registry);
    shadow = next;
    LOG.infof("shadow scoring %s beside %s (sample %.3f, tolerance %s)", next.candidateId(),
        currentId().orElse("no model"), sample, tolerance);
    return next.candidateId();
  }

  /** Stops the shadow candidate, if any, and returns what it saw. */
  public synchronized Optional<ShadowReport> stopShadow() {
    ShadowModel last = shadow;
    if (last == null) {
      return Optional.empty();
    }
    shadow = null;
    ShadowReport report = last.stop();
    LOG.infof("stopped shadow %s: %d rows compared, agreement %.4f, %d dropped", report.candidate(),
        report.compared(), report.agreement(), report.dropped());
    return Optional.of(report);
  }

  /** What the shadow candidate has seen so far; empty without one. */
  public Optional<ShadowReport> shadowReport() {
    ShadowModel now = shadow;
    return now == null ? Optional.empty() : Optional.of(now.report());
  }

  private OnnxModel openRehearsed(String version) {
    OnnxModel opened = store.open(name, Optional.of(version), features);
    // Its slow first runs (allocation, planning) happen here, before any request or shadow row reaches it.
    float[] zeros = new float[features.size()];
    try {
      for (int i = 0; i < REHEARSALS_BEFORE_SWAP; i++) {
        opened.rehearse(zeros);
      }
    } catch (RuntimeException e) {
      opened.close();
      throw new ModelRefusedException(opened.id() + " does not run: " + e.getMessage(), e);
    }
    return opened;
  }

  private synchronized String swapTo(String version) {
    OnnxModel next = openRehearsed(version);
    ShadowModel running = shadow;
    if (running != null && running.candidateId().equals(next.id())) {
      // The candidate goes into service: there is nothing left to compare it with.
      stopShadow();
    }
    State previous = state.getAndSet(new State(new LiveModel(next), null));
    if (previous.live() != null) {
      // The slot's own reference; the session closes once requests in flight have released theirs.
      previous.live().release();
    }
    String before = previous.live() == null ? null : previous.live().model().id();
    LOG.infof("serving %s (was %s)", next.id(), before == null ? "none" : before);
    onSwap.accept(before, next.id());
    return next.id();
  }

  /** Stops serving; the session closes after requests in flight. */
  synchronized void close() {
    stopShadow();
    State last = state.getAndSet(new State(null, "the service is stopping"));
    if (last.live() != null) {
      last.live().release();
    }
  }
}
