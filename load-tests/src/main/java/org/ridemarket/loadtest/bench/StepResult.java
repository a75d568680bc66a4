package org.ridemarket.loadtest.bench;

import java.util.List;

/**
 * One measured step of the benchmark: a service at an offered rate (or its empty endpoint), what its
 * callers saw, and the CPU it and the generator used.
 *
 * @param label {@code 500/s} or {@code noop 500/s}
 * @param rate offered requests per second
 * @param outcomes the measured phase's outcomes
 * @param lag the generator's scheduling lag in the measured phase
 * @param cpu CPU over the measured phase (first due time to last answer)
 * @param idleMillisPerSecond the service's CPU with no load from the harness, ms/s (its background work
 *     and the simulator's own requests), NaN if not measured
 * @param machine the whole machine over the measured phase ({@link MachineSampler}), null if not sampled
 * @param slowSeconds the seconds of the phase with the slowest answers, slowest first, with the machine in each
 */
public record StepResult(String label, int rate, Outcomes outcomes, PhasedOutcomes.Lag lag, CpuWindow.Use cpu,
    double idleMillisPerSecond, MachineSampler.Window machine, List<SlowSecond> slowSeconds) {

  public StepResult {
    slowSeconds = List.copyOf(slowSeconds);
  }

  /** A step whose machine was not sampled. */
  public StepResult(String label, int rate, Outcomes outcomes, PhasedOutcomes.Lag lag, CpuWindow.Use cpu,
      double idleMillisPerSecond) {
    this(label, rate, outcomes, lag, cpu, idleMillisPerSecond, null, List.of());
  }

  /** The service's CPU per request of the step, µs. */
  public double serviceMicrosPerRequest() {
    return perRequest(cpu.serviceNanos());
  }

  /** The same, less what the service used per second when idle: the cost of the harness's requests alone. */
  public double netServiceMicrosPerRequest() {
    if (Double.isNaN(idleMillisPerSecond)) {
      return Double.NaN;
    }
    return perRequest(cpu.serviceNanos() - (long) (idleMillisPerSecond * 1e6 * cpu.wallNanos() / 1e9));
  }

  /** The harness JVM's CPU per request, µs. */
  public double generatorMicrosPerRequest() {
    return perRequest(cpu.generatorNanos());
  }

  private double perRequest(long nanos) {
    return outcomes.count() == 0 ? Double.NaN : nanos / 1e3 / outcomes.count();
  }
}
