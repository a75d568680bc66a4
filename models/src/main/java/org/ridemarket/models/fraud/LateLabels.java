package org.ridemarket.models.fraud;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.FraudPattern;

/**
 * The labels of fraud.labels joined to payments by transaction id. Chargebacks arrive days after the
 * payment, so silence means "legitimate" only once a payment's label window has passed by the end of the
 * history; before that it means nothing, and the payment has no label at all.
 *
 * <p>Any source counts (CHARGEBACK today; ANALYST_REVIEW when the fraud service's review queue publishes to
 * the same topic): the newest label of a transaction, by the label's event time, wins, so an analyst's LEGIT
 * can clear a payment and a later chargeback can still overrule it.
 */
public final class LateLabels {

  /** What is known about one payment at the end of the history. */
  public record Outcome(boolean fraud, FraudPattern pattern) {
  }

  private final Duration window;
  private final Map<String, FraudLabeled> labels = new HashMap<>();

  /** Labels that arrive at most {@code window} after their payment. */
  public LateLabels(Duration window) {
    this.window = window;
  }

  /** Takes one label. */
  public void accept(FraudLabeled label) {
    FraudLabeled known = labels.get(label.getTransactionId());
    if (known == null || !label.getEventTime().isBefore(known.getEventTime())) {
      labels.put(label.getTransactionId(), label);
    }
  }

  /**
   * The outcome of the payment {@code transactionId} made at {@code paymentTime}, as known at {@code end}
   * (epoch millis); empty when it has no FRAUD or LEGIT label and its window has not passed.
   */
  public Optional<Outcome> outcome(String transactionId, long paymentTime, long end) {
    FraudLabeled label = labels.get(transactionId);
    if (label != null && label.getLabel() == FraudLabel.FRAUD) {
      return Optional.of(new Outcome(true, label.getPattern()));
    }
    if (label != null && label.getLabel() == FraudLabel.LEGIT) {
      return Optional.of(new Outcome(false, FraudPattern.NONE));
    }
    return paymentTime + window.toMillis() <= end ? Optional.of(new Outcome(false, FraudPattern.NONE))
        : Optional.empty();
  }

  /** Labels seen. */
  public int size() {
    return labels.size();
  }
}
