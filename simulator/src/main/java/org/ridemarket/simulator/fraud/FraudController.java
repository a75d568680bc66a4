package org.ridemarket.simulator.fraud;

/**
 * Keeps fraud at its configured share of all payments, deterministically: a deficit controller
 * that asks for a new episode whenever the fraud committed so far (attempted or planned) is
 * below share / (1 - share) times the legitimate payments so far.
 */
public final class FraudController {

  private final double share;
  private long legit;
  private long committedFraud;

  /** A controller for {@code share} = fraudulent payments / all payments, 0 to 0.5. */
  public FraudController(double share) {
    if (!(share >= 0 && share <= 0.5)) {
      throw new IllegalArgumentException("fraud share must be within 0..0.5: " + share);
    }
    this.share = share;
  }

  /** Counts one legitimate payment. */
  public void legitPaid() {
    legit++;
  }

  /** Counts the payments of an episode that was just planned. */
  public void committed(int fraudPayments) {
    committedFraud += fraudPayments;
  }

  /** True when fraud is behind its share and a new episode should start. */
  public boolean behind() {
    return committedFraud * (1 - share) < share * legit;
  }
}
