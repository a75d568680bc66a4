package org.ridemarket.fraud;

import java.time.Duration;
import org.ridemarket.service.rest.ServiceUnavailableException;

/**
 * The label is recorded but Kafka did not accept its event; a 503, and the analyst's retry of the same
 * label publishes it again (same event id).
 */
public final class LabelNotPublishedException extends ServiceUnavailableException {

  public LabelNotPublishedException(Throwable cause) {
    super("the label is recorded but was not published; retry the same label", Duration.ofSeconds(1), cause);
  }
}
