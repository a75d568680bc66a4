package org.ridemarket.importers;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids of imported events, derived from where the row came from and which event of the row it is
 * (a name-based UUID): importing the same file twice gives the same ids, so the idempotent consumers count
 * a re-import once.
 */
public final class EventIds {

  private EventIds() {
  }

  /** The id of event {@code kind} of the row {@code rowId}. */
  public static UUID of(String rowId, String kind) {
    return UUID.nameUUIDFromBytes((rowId + "/" + kind).getBytes(StandardCharsets.UTF_8));
  }
}
