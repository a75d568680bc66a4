package org.ridemarket.fraud;

/** Where a decision stands in the analysts' review queue. */
public enum ReviewState {
  /** Not a REVIEW decision: nothing to review. */
  NONE,
  /** A REVIEW decision no analyst has taken yet. */
  OPEN,
  /** Taken by an analyst, not labelled yet. */
  TAKEN,
  /** Labelled FRAUD or LEGIT; the label was published to fraud.labels. */
  LABELED
}
