package org.ridemarket.fraud.inference;

/**
 * The score thresholds of the model in service.
 *
 * @param review score from which a payment is reviewed
 * @param block score from which a payment is blocked; never below {@code review}
 */
public record Thresholds(double review, double block) {

  public Thresholds {
    if (!(review >= 0 && review <= 1 && block >= 0 && block <= 1)) {
      throw new IllegalArgumentException("thresholds must be within 0..1: review " + review + ", block " + block);
    }
    if (block < review) {
      throw new IllegalArgumentException("the block threshold " + block + " is below the review threshold " + review);
    }
  }
}
