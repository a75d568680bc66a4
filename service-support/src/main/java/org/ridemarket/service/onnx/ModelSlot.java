package org.ridemarket.service.onnx;

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
  // A version named by configuration or by an admin: the store's newer versions are not taken.
  private volatile Optional<String> pinned;

  ModelSlot(String name, Optional<String> pinned, List<String> features, ModelStore store,
      BiConsumer<String, String> onSwap) {
    this.name = name;
    this.pinned = pinned;
    this.features = List.copyOf(features);
    this.store = store;
    this.onSwap = onSwap;
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
        return Optional.of(new ModelLease(now.live()));
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

  private synchronized String swapTo(String version) {
    OnnxModel next = store.open(name, Optional.of(version), features);
    // Requests switch to the new session at once, so its slow first runs happen here, before the swap.
    float[] zeros = new float[features.size()];
    try {
      for (int i = 0; i < REHEARSALS_BEFORE_SWAP; i++) {
        next.rehearse(zeros);
      }
    } catch (RuntimeException e) {
      next.close();
      throw new ModelRefusedException(next.id() + " does not run: " + e.getMessage(), e);
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
    State last = state.getAndSet(new State(null, "the service is stopping"));
    if (last.live() != null) {
      last.live().release();
    }
  }
}
