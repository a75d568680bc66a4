package org.ridemarket.loadtest.bench;

import java.time.Instant;

/**
 * A second of a measured phase with answers above {@link Outcomes#SLOW_MICROS}, and what the machine did
 * in it.
 *
 * @param start when the second began (due time of its first request)
 * @param second its requests, slow answers and slowest answer
 * @param machine the machine in that second, null if it was not sampled
 */
public record SlowSecond(Instant start, Outcomes.Second second, MachineSampler.Window machine) {
}
