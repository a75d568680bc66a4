package org.ridemarket.service.onnx;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * A candidate version scored beside the model in service on a sample of the rows the live model
 * scored, off the request path. A sampled row and the live answer go to one background thread through
 * a short queue; when the queue is full the row is dropped and counted, never waited for. The
 * candidate's output is compared with the live one: it agrees when the two differ by at most the
 * tolerance. Nothing the candidate says reaches a caller, a journal or an event.
 */
final class ShadowModel {

  private static final Logger LOG = Logger.getLogger(ShadowModel.class);
  private static final int QUEUE = 256;

  private final LiveModel candidate;
  private final double sample;
  private final double tolerance;
  private final ThreadPoolExecutor worker;
  private final LongAdder compared = new LongAdder();
  private final LongAdder agreed = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final DoubleAdder absDifference = new DoubleAdder();
  private final DoubleAccumulator maxAbsDifference = new DoubleAccumulator(Math::max, 0);
  private final MeterRegistry registry;
  private final Counter agreedRows;
  private final Counter differedRows;
  private final Counter droppedRows;
  private final DistributionSummary difference;

  /** A share of the scorings in (0, 1]. */
  static boolean sampleInRange(double sample) {
    return sample > 0 && sample <= 1;
  }

  /** A finite difference >= 0. */
  static boolean toleranceInRange(double tolerance) {
    return tolerance >= 0 && Double.isFinite(tolerance);
  }

  /** Refuses a sample outside (0, 1] or a tolerance that is negative or not finite. */
  static void check(double sample, double tolerance) {
    if (!sampleInRange(sample)) {
      throw new IllegalArgumentException("sample must be in (0, 1], was " + sample);
    }
    if (!toleranceInRange(tolerance)) {
      throw new IllegalArgumentException("tolerance must be finite and >= 0, was " + tolerance);
    }
  }

  ShadowModel(String slot, OnnxModel candidate, double sample, double tolerance, MeterRegistry registry) {
    check(sample, tolerance);
    this.candidate = new LiveModel(candidate);
    this.sample = sample;
    this.tolerance = tolerance;
    this.registry = registry;
    this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), task -> {
      Thread thread = new Thread(null, task, "model-shadow-" + slot, OnnxModel.LOADER_STACK_BYTES);
      thread.setDaemon(true);
      return thread;
    });
    Tags tags = Tags.of("model", slot, "candidate", candidate.id());
    this.agreedRows = rows(tags, "agreed");
    this.differedRows = rows(tags, "differed");
    this.droppedRows = rows(tags, "dropped");
    this.difference = DistributionSummary.builder("serving.model.shadow.difference").tags(tags)
        .description("Absolute difference between the shadow candidate's output and the live model's")
        .register(registry);
  }

  private Counter rows(Tags tags, String outcome) {
    return Counter.builder("serving.model.shadow.rows").tags(tags.and("outcome", outcome))
        .description("Rows scored by the live model and offered to the shadow candidate, by outcome")
        .register(registry);
  }

  /** {@code name:version} of the candidate. */
  String candidateId() {
    return candidate.model().id();
  }

  /** Whether the sample picks the next scoring. */
  boolean sampled() {
    return sample >= 1 || ThreadLocalRandom.current().nextDouble() < sample;
  }

  /**
   * Hands rows the live model scored, and its outputs, to the candidate. Returns at once: the rows are
   * copied and compared on the shadow's own thread, or dropped when its queue is full.
   */
  void offer(float[][] rows, float[] live) {
    float[][] copied = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      copied[i] = rows[i].clone();
    }
    float[] answered = live.clone();
    try {
      worker.execute(() -> compare(copied, answered));
    } catch (RejectedExecutionException e) {
      drop(rows.length);
    }
  }

  private void compare(float[][] rows, float[] live) {
    if (!candidate.tryAcquire()) {
      drop(rows.length);
      return;
    }
    try {
      float[] shadow = rows.length == 1 ? new float[] {candidate.model().score(rows[0])}
          : candidate.model().score(rows);
      for (int i = 0; i < rows.length; i++) {
        double gap = Math.abs((double) shadow[i] - live[i]);
        compared.increment();
        absDifference.add(gap);
        maxAbsDifference.accumulate(gap);
        difference.record(gap);
        if (gap <= tolerance) {
          agreed.increment();
          agreedRows.increment();
        } else {
          differedRows.increment();
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("shadow %s failed on a row: %s", candidate.model().id(), e.getMessage());
      drop(rows.length);
    } finally {
      candidate.release();
    }
  }

  private void drop(int rows) {
    dropped.add(rows);
    droppedRows.increment(rows);
  }

  ShadowReport report() {
    long seen = compared.sum();
    return new ShadowReport(candidateId(), sample, tolerance, seen, agreed.sum(), dropped.sum(),
        seen == 0 ? Double.NaN : absDifference.sum() / seen, maxAbsDifference.get());
  }

  /** Stops taking rows; the candidate's session closes after the rows already queued. */
  ShadowReport stop() {
    worker.shutdown();
    try {
      worker.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    candidate.release();
    for (Meter meter : List.<Meter>of(agreedRows, differedRows, droppedRows, difference)) {
      registry.remove(meter);
    }
    return report();
  }
}
