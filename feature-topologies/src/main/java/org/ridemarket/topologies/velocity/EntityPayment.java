package org.ridemarket.topologies.velocity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.features.VelocityEntityType;
import org.ridemarket.contracts.features.VelocityFeatures;

/**
 * One payment as one of its entities sees it, keyed by that entity ({@code card:fp}, {@code user:id},
 * {@code device:id}, {@code merchant:id}); its record timestamp is the payment's event time. The card and
 * device travel as 64-bit hashes: the entity only needs to tell them apart for its distinct counts. A FRAUD
 * label travels the same way to the card and merchant it names ({@code fraudLabel}, timestamped with the
 * label's arrival), so that one processor and one store see both in event-time order.
 *
 * @param entityType the entity the record is keyed by
 * @param cardId hash of the card fingerprint ({@link #idHash})
 * @param deviceId hash of the device id
 * @param amountMinor the amount in minor units
 * @param lat latitude of the payer's device
 * @param lon longitude of the payer's device
 * @param fraudLabel true for a FRAUD label (the other values are then 0 and NaN), false for a payment
 */
record EntityPayment(VelocityEntityType entityType, long cardId, long deviceId, long amountMinor, double lat,
    double lon, boolean fraudLabel) {

  /** The payment for its card, its user, its device and its merchant (when it has one), each keyed by the entity. */
  static List<KeyValue<String, EntityPayment>> fanOut(PaymentAttempted payment) {
    long card = idHash(payment.getCardFingerprint());
    long device = idHash(payment.getDeviceId());
    long amount = payment.getAmountMinor();
    double lat = payment.getLocation().getLat();
    double lon = payment.getLocation().getLon();
    List<KeyValue<String, EntityPayment>> entities = new ArrayList<>(4);
    entities.add(KeyValue.pair(VelocityFeatures.recordKey(VelocityEntityType.CARD, payment.getCardFingerprint()),
        new EntityPayment(VelocityEntityType.CARD, card, device, amount, lat, lon, false)));
    entities.add(KeyValue.pair(VelocityFeatures.recordKey(VelocityEntityType.USER, payment.getUserId()),
        new EntityPayment(VelocityEntityType.USER, card, device, amount, lat, lon, false)));
    entities.add(KeyValue.pair(VelocityFeatures.recordKey(VelocityEntityType.DEVICE, payment.getDeviceId()),
        new EntityPayment(VelocityEntityType.DEVICE, card, device, amount, lat, lon, false)));
    if (payment.getMerchantId() != null) {
      entities.add(KeyValue.pair(VelocityFeatures.recordKey(VelocityEntityType.MERCHANT, payment.getMerchantId()),
          new EntityPayment(VelocityEntityType.MERCHANT, card, device, amount, lat, lon, false)));
    }
    return entities;
  }

  /**
   * A FRAUD label for the card and the merchant it names (either may be absent); nothing for another label: a
   * LEGIT label does not take back a FRAUD one counted earlier (that would need every labelled payment kept).
   */
  static List<KeyValue<String, EntityPayment>> fanOutLabel(FraudLabeled label) {
    if (label.getLabel() != FraudLabel.FRAUD) {
      return List.of();
    }
    List<KeyValue<String, EntityPayment>> entities = new ArrayList<>(2);
    if (label.getCardFingerprint() != null) {
      entities.add(KeyValue.pair(VelocityFeatures.recordKey(VelocityEntityType.CARD, label.getCardFingerprint()),
          labelFor(VelocityEntityType.CARD)));
    }
    if (label.getMerchantId() != null) {
      entities.add(KeyValue.pair(VelocityFeatures.recordKey(VelocityEntityType.MERCHANT, label.getMerchantId()),
          labelFor(VelocityEntityType.MERCHANT)));
    }
    return entities;
  }

  private static EntityPayment labelFor(VelocityEntityType type) {
    return new EntityPayment(type, 0, 0, 0, Double.NaN, Double.NaN, true);
  }

  /**
   * The first 8 bytes of the SHA-256 of an id: stable across JVMs and releases (it is stored), and
   * with at most 64 ids per set a collision is out of reach, even for ids an attacker picks.
   */
  static long idHash(String id) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The entity id of a record key: what follows the type's prefix. */
  static String entityIdOf(String key) {
    return key.substring(key.indexOf(':') + 1);
  }
}
