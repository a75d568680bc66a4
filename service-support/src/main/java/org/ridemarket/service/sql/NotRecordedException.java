package org.ridemarket.service.sql;

/**
 * A promise was not recorded, for one of the {@link Reason}s: its caller is refused with 503 and nothing is
 * promised.
 */
public class NotRecordedException extends RuntimeException {

  /** Why a promise was not recorded; {@link #meterTag()} is the reason of the services' refusal meters. */
  public enum Reason {
    /** The request's deadline passed before PostgreSQL committed the row (before it was sent, or after). */
    DEADLINE("journal-deadline"),
    /** PostgreSQL had answered nothing for the stall duration with a write under way: refused, never sent. */
    STALLED("postgres-stalled"),
    /** The journal's queue of rows waiting for a write was full: refused, never sent. */
    BACKLOG("journal-backlog"),
    /** PostgreSQL answered with an error. */
    FAILED("postgres-failed");

    private final String meterTag;

    Reason(String meterTag) {
      this.meterTag = meterTag;
    }

    /** The value of the {@code reason} tag of {@code <service>.refused}. */
    public String meterTag() {
      return meterTag;
    }
  }

  private final Reason reason;

  public NotRecordedException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public NotRecordedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Why the promise was not recorded. */
  public Reason reason() {
    return reason;
  }
}
