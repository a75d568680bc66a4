package org.ridemarket.importers;

/** A source row that cannot become events; the message is the reason, naming the column. */
public final class BadRow extends Exception {

  public BadRow(String reason) {
    super(reason, null, false, false);
  }
}
