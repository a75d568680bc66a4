package org.ridemarket.service.warmup;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import org.ridemarket.service.config.ServingConfig;

/**
 * Rehearses the decision path before the instance is ready (ADR 0031): after start-up, on a thread of its
 * own, rounds of every {@link WarmupStep} one after the other, so that the first callers of a new instance
 * (a rollout, a restart, a scale-up) do not pay for class loading, the JIT's first compilations, a cold
 * Redis connection and new ONNX sessions, and do not miss the feature store's 30-ms deadline for it.
 * Readiness ({@link WarmupCheck}) stays DOWN until the rounds are done or {@code serving.warmup.max-duration}
 * has passed. A step whose rehearsal hangs (no outcome within a second) {@value #HANGS_TO_DROP} times is
 * dropped, so a paused dependency holds readiness back by seconds, not by the cap; the dependency's own
 * checks report it. Failures that come at once (Redis down) or after a step's own short timeout cost little
 * and still exercise the path, so such a step goes on.
 */
@ApplicationScoped
public class Warmup {

  static final int HANGS_TO_DROP = 10;
  private static final Logger LOG = Logger.getLogger(Warmup.class);

  private final List<WarmupStep> steps;
  private final int rounds;
  private final Duration maxDuration;
  private final Duration stepTimeout;
  private volatile Progress progress;
  private volatile Thread thread;

  @Inject
  Warmup(@Any Instance<WarmupStep> steps, ServingConfig config) {
    this(steps.stream().sorted(Comparator.comparing(WarmupStep::name)).toList(), config.warmup().rounds(),
        config.warmup().maxDuration(), WarmupStep.TIMEOUT);
  }

  Warmup(List<WarmupStep> steps, int rounds, Duration maxDuration, Duration stepTimeout) {
    this.steps = List.copyOf(steps);
    this.rounds = Math.max(0, rounds);
    this.maxDuration = maxDuration;
    this.stepTimeout = stepTimeout;
    this.progress = Progress.starting(this.rounds);
  }

  /** After every other start-up observer (they open the models and the connections the steps use). */
  void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent started) {
    if (rounds == 0) {
      progress = progress.finished(0, Map.of(), List.of(), false);
      return;
    }
    Thread warming = new Thread(this::run, "warm-up");
    warming.setDaemon(true);
    thread = warming;
    warming.start();
  }

  void stop(@Observes ShutdownEvent stopping) {
    Thread warming = thread;
    if (warming != null) {
      warming.interrupt();
    }
  }

  /** Where the warm-up is. */
  public Progress progress() {
    return progress;
  }

  /** Runs every round now, on the calling thread. */
  void run() {
    long started = System.nanoTime();
    long stopAt = started + maxDuration.toNanos();
    List<WarmupStep> live = new ArrayList<>(steps);
    Map<String, Integer> failures = new LinkedHashMap<>();
    Map<String, Integer> hangs = new LinkedHashMap<>();
    Map<String, String> firstFailures = new LinkedHashMap<>();
    List<String> dropped = new ArrayList<>();
    int round = 0;
    boolean cut = false;
    for (; round < rounds && !live.isEmpty(); round++) {
      if (System.nanoTime() > stopAt || Thread.currentThread().isInterrupted()) {
        cut = true;
        break;
      }
      for (var it = live.iterator(); it.hasNext(); ) {
        WarmupStep step = it.next();
        Throwable failure = rehearse(step, round);
        if (failure == null) {
          continue;
        }
        failures.merge(step.name(), 1, Integer::sum);
        firstFailures.putIfAbsent(step.name(), "round " + round + ": " + reason(failure));
        if (failure instanceof TimeoutException && hangs.merge(step.name(), 1, Integer::sum) >= HANGS_TO_DROP) {
          it.remove();
          dropped.add(step.name());
          LOG.warnf("warm-up: dropped step %s: no outcome within %d ms %d times", step.name(),
              stepTimeout.toMillis(), HANGS_TO_DROP);
        }
      }
      if (round % 100 == 0) {
        progress = progress.at(round);
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    progress = progress.at(round).finished(millis, failures, dropped, cut);
    LOG.infof("warm-up: %d of %d rounds of %s in %d ms%s%s%s", round, rounds,
        steps.stream().map(WarmupStep::name).toList(), millis,
        !cut ? "" : Thread.currentThread().isInterrupted() ? " (stopped: the service is stopping)"
            : " (stopped at serving.warmup.max-duration " + maxDuration + ")",
        failures.isEmpty() ? "" : "; failures " + failures + ", the first of each: " + firstFailures,
        dropped.isEmpty() ? "" : "; dropped " + dropped);
  }

  private static String reason(Throwable failure) {
    Throwable cause = failure instanceof ExecutionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause.toString();
  }

  // The failure, or null; a TimeoutException when the rehearsal had no outcome within the step timeout.
  private Throwable rehearse(WarmupStep step, int round) {
    try {
      step.rehearse(round).toCompletableFuture().get(stepTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    } catch (Exception | Error e) {
      return e;
    }
  }

  /**
   * The warm-up's state.
   *
   * @param rounds rounds asked for
   * @param done rounds done
   * @param finished whether it is over (every round, the time cap, or nothing left to rehearse)
   * @param millis how long it took, once finished
   * @param failures failed rehearsals by step
   * @param dropped steps given up after hanging {@value #HANGS_TO_DROP} times
   * @param cut whether the time cap ended it
   */
  public record Progress(int rounds, int done, boolean finished, long millis, Map<String, Integer> failures,
      List<String> dropped, boolean cut) {

    static Progress starting(int rounds) {
      return new Progress(rounds, 0, false, 0, Map.of(), List.of(), false);
    }

    Progress at(int round) {
      return new Progress(rounds, round, finished, millis, failures, dropped, cut);
    }

    Progress finished(long tookMillis, Map<String, Integer> failed, List<String> gaveUp, boolean timeCap) {
      return new Progress(rounds, done, true, tookMillis, Map.copyOf(failed), List.copyOf(gaveUp), timeCap);
    }
  }
}
