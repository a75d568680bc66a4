package org.ridemarket.loadtest.bench;

import java.util.List;

/**
 * The benchmark of one service: the process measured, its empty endpoint, its idle CPU, its steps.
 *
 * @param service which service
 * @param pid the process listening on its port, 0 if none was found
 * @param noopUri the empty endpoint measured
 * @param noopNote how the empty endpoint was chosen (a fallback says so)
 * @param warmUp how the JIT warm-up before the steps went, one sentence
 * @param noop the empty endpoint's step, null if it could not be measured
 * @param steps one per offered rate
 * @param problem why the service was not measured, or null
 */
public record ServiceRun(Service service, long pid, String noopUri, String noopNote, String warmUp, StepResult noop,
    List<StepResult> steps, String problem) {

  public ServiceRun {
    steps = List.copyOf(steps);
  }

  /** A service that could not be measured. */
  public static ServiceRun skipped(Service service, String problem) {
    return new ServiceRun(service, 0, "", "", "", null, List.of(), problem);
  }
}
