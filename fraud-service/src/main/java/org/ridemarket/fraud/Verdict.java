package org.ridemarket.fraud;

import java.util.List;
import org.ridemarket.contracts.events.FraudDecision;

/**
 * What the policy decided and why.
 *
 * @param decision ALLOW, REVIEW or BLOCK
 * @param degraded true when the features or the model were unavailable
 * @param reasons the reasons, most decisive first
 */
public record Verdict(FraudDecision decision, boolean degraded, List<Reason> reasons) {

  public Verdict {
    reasons = List.copyOf(reasons);
  }
}
