package org.ridemarket.service.sql;

/** A promise was not recorded: too many writes waiting, its deadline passed, or PostgreSQL failed. */
public class NotRecordedException extends RuntimeException {

  public NotRecordedException(String message) {
    super(message, null, false, false);
  }

  public NotRecordedException(String message, Throwable cause) {
    super(message, cause);
  }
}
