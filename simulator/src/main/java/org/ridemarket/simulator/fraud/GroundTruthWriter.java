package org.ridemarket.simulator.fraud;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.simulator.clock.SimClock;
import org.ridemarket.simulator.payments.PaymentObserver;
import org.ridemarket.simulator.payments.PlannedPayment;

/**
 * The immediate truth: one CSV line per payment, legitimate or not, written as the payment happens,
 * so evaluation and training need not wait for chargebacks.
 */
public final class GroundTruthWriter implements PaymentObserver, AutoCloseable {

  /** The CSV header. */
  public static final String HEADER =
      "transaction_id,payment_time,card_fingerprint,user_id,device_id,amount_minor,label,pattern,episode_id";

  private final Path path;
  private final BufferedWriter out;

  /** Creates (or truncates) the CSV at {@code path} and writes the header. */
  public GroundTruthWriter(Path path) {
    this.path = path;
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
      out.write(HEADER);
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create ground truth file " + path, e);
    }
  }

  @Override
  public void paid(PaymentAttempted payment, PlannedPayment planned, SimClock clock) {
    try {
      out.write(payment.getTransactionId());
      out.write(',');
      out.write(payment.getEventTime().toString());
      out.write(',');
      out.write(payment.getCardFingerprint());
      out.write(',');
      out.write(payment.getUserId());
      out.write(',');
      out.write(payment.getDeviceId());
      out.write(',');
      out.write(Long.toString(payment.getAmountMinor()));
      out.write(planned.fraud() ? ",FRAUD," : ",LEGIT,");
      out.write(planned.pattern().name());
      out.write(',');
      out.write(planned.episodeId() == null ? "" : planned.episodeId());
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ground truth to " + path, e);
    }
  }

  /** Pushes written lines to the file. */
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush ground truth file " + path, e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close ground truth file " + path, e);
    }
  }
}
