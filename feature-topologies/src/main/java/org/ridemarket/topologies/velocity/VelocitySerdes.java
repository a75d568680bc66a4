package org.ridemarket.topologies.velocity;

import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Serde;
import org.ridemarket.contracts.features.VelocityEntityType;
import org.ridemarket.topologies.common.BinaryFormats;

/**
 * Serdes of the velocity topology's own records: the repartition topic's entity payments and the
 * entity store's values (and so its changelog). Not contracts, but versioned ({@link BinaryFormats}).
 */
final class VelocitySerdes {

  static final Serde<EntityPayment> ENTITY_PAYMENT =
      BinaryFormats.serde(VelocitySerdes::encodePayment, VelocitySerdes::decodePayment);
  static final Serde<EntityState> ENTITY_STATE = BinaryFormats.serde(EntityState::toBytes, EntityState::fromBytes);

  /** Format 2 adds the label flag; format 1 (payments only) is still read, for records in flight at an upgrade. */
  private static final byte PAYMENT_FORMAT = 2;
  private static final byte PAYMENT_FORMAT_1 = 1;

  private VelocitySerdes() {
  }

  private static byte[] encodePayment(EntityPayment payment) {
    return ByteBuffer.allocate(43).put(PAYMENT_FORMAT).put(codeOf(payment.entityType()))
        .putLong(payment.cardId()).putLong(payment.deviceId()).putLong(payment.amountMinor())
        .putDouble(payment.lat()).putDouble(payment.lon()).put((byte) (payment.fraudLabel() ? 1 : 0)).array();
  }

  private static EntityPayment decodePayment(byte[] data) {
    ByteBuffer in = ByteBuffer.wrap(data);
    byte format = in.get();
    if (format != PAYMENT_FORMAT_1) {
      BinaryFormats.requireFormat(format, PAYMENT_FORMAT, "entity payment");
    }
    return new EntityPayment(typeOf(in.get()), in.getLong(), in.getLong(), in.getLong(), in.getDouble(),
        in.getDouble(), format != PAYMENT_FORMAT_1 && in.get() == 1);
  }

  // Written to the repartition topic: our own codes, not the Avro enum's ordinals, and never reused.
  private static byte codeOf(VelocityEntityType type) {
    return switch (type) {
      case CARD -> 1;
      case USER -> 2;
      case DEVICE -> 3;
      case MERCHANT -> 4;
      case UNKNOWN -> throw new IllegalArgumentException("an entity payment needs a known entity type");
    };
  }

  private static VelocityEntityType typeOf(byte code) {
    return switch (code) {
      case 1 -> VelocityEntityType.CARD;
      case 2 -> VelocityEntityType.USER;
      case 3 -> VelocityEntityType.DEVICE;
      case 4 -> VelocityEntityType.MERCHANT;
      default -> throw new IllegalArgumentException("unknown entity type code " + code);
    };
  }
}
