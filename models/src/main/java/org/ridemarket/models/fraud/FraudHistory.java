package org.ridemarket.models.fraud;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.features.VelocityEntityType;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.features.VelocityScoring;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventSink;

/**
 * Turns recorded events into fraud training rows: before a payment goes into the velocity topology
 * ({@link VelocityReplay}), its row is built with {@link VelocityScoring} from its card's, user's, device's
 * and merchant's vectors as Redis would serve them then, so the row never counts the payment itself. Labels
 * from fraud.labels go into the topology at their arrival (label feedback: a row sees only the labels that
 * had arrived before its payment) and are joined to the rows at the end ({@link LateLabels}). An {@link EventSink}, so the simulator can
 * write into it directly, and fed by a file reader alike.
 */
public final class FraudHistory implements EventSink {

  /** The topics a fraud replay reads: payments and the labels that feed back into the velocity topology. */
  public static final List<Topic<String, ?>> TOPICS = List.of(Topics.PAYMENTS, Topics.FRAUD_LABELS);

  private record Pending(long time, String transactionId, float[] features, String card) {
  }

  private final VelocityReplay replay;
  private final LateLabels labels;
  private final List<Pending> payments = new ArrayList<>();
  private long firstEventTime = -1;
  private long lastEventTime = -1;
  private final long paymentsUntil;
  private long events;

  /** A history replayed through {@code replay} (which it closes), labels arriving within {@code labelWindow}. */
  public FraudHistory(VelocityReplay replay, Duration labelWindow) {
    this(replay, labelWindow, Long.MAX_VALUE);
  }

  /**
   * A history whose payments from {@code paymentsUntil} (epoch millis) on are left out: a simulation that
   * runs on only for their labels to arrive need not replay payments that could not be labelled anyway.
   */
  public FraudHistory(VelocityReplay replay, Duration labelWindow, long paymentsUntil) {
    this.replay = replay;
    this.labels = new LateLabels(labelWindow);
    this.paymentsUntil = paymentsUntil;
  }

  @Override
  public void accept(EncodedEvent event) {
    long time = event.eventTimeMillis();
    firstEventTime = firstEventTime < 0 ? time : firstEventTime;
    lastEventTime = Math.max(lastEventTime, time);
    events++;
    if (event.topic().equals(Topics.PAYMENTS.name()) && time < paymentsUntil) {
      PaymentAttempted payment = Topics.PAYMENTS.valueSerde().deserializer().deserialize(event.topic(), event.value());
      payments.add(new Pending(time, payment.getTransactionId(), row(payment), payment.getCardFingerprint()));
      replay.accept(event);
    } else if (event.topic().equals(Topics.FRAUD_LABELS.name())) {
      labels.accept(Topics.FRAUD_LABELS.valueSerde().deserializer().deserialize(event.topic(), event.value()));
      replay.accept(event);
    }
  }

  // the row is taken before the payment is piped: what the fraud service reads while the payment waits
  private float[] row(PaymentAttempted payment) {
    long time = payment.getEventTime().toEpochMilli();
    double[] values = VelocityScoring.values(payment,
        replay.latest(VelocityFeatures.recordKey(VelocityEntityType.CARD, payment.getCardFingerprint()), time),
        replay.latest(VelocityFeatures.recordKey(VelocityEntityType.USER, payment.getUserId()), time),
        replay.latest(VelocityFeatures.recordKey(VelocityEntityType.DEVICE, payment.getDeviceId()), time),
        payment.getMerchantId() == null ? null
            : replay.latest(VelocityFeatures.recordKey(VelocityEntityType.MERCHANT, payment.getMerchantId()), time));
    float[] row = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      row[i] = (float) values[i];
    }
    return row;
  }

  /** The rows of every payment whose label is known at the end of the history, oldest first. */
  public List<FraudRow> rows() {
    List<FraudRow> rows = new ArrayList<>();
    for (Pending payment : payments) {
      labels.outcome(payment.transactionId(), payment.time(), lastEventTime).ifPresent(outcome -> rows.add(
          new FraudRow(payment.time(), payment.transactionId(), payment.features(), outcome.fraud(),
              outcome.pattern(), payment.card())));
    }
    return rows;
  }

  /** Payments seen, labelled or not. */
  public int payments() {
    return payments.size();
  }

  /** Labels seen on fraud.labels. */
  public int labels() {
    return labels.size();
  }

  /** Event time of the first event seen, epoch millis; -1 before any. */
  public long firstEventTime() {
    return firstEventTime;
  }

  /** Event time of the newest event seen, epoch millis; -1 before any. */
  public long lastEventTime() {
    return lastEventTime;
  }

  /** The replay the rows' features come from. */
  public VelocityReplay replay() {
    return replay;
  }

  /** Events seen, of every topic. */
  public long events() {
    return events;
  }

  @Override
  public void close() {
    replay.close();
  }
}
