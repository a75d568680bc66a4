package org.ridemarket.service.rest.route;

/** A request type that validates itself through {@link FieldChecks}. */
public interface Checked {

  /** Records every violation of this value in {@code checks}. */
  void check(FieldChecks checks);
}
