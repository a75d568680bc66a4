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

  private static final byte PAYMENT_FORMAT = 1;

  private VelocitySerdes() {
  }

  private static byte[] encodePayment(EntityPayment payment) {
    return ByteBuffer.allocate(42).put(PAYMENT_FORMAT).put(codeOf(payment.entityType()))
        .putLong(payment.cardId()).putLong(payment.deviceId()).putLong(payment.amountMinor())
        .putDouble(payment.lat()).putDouble(payment.lon()).array();
  }

  private static EntityPayment decodePayment(byte[] data) {
    ByteBuffer in = ByteBuffer.wrap(data);
    BinaryFormats.requireFormat(in.get(), PAYMENT_FORMAT, "entity payment");
    return new EntityPayment(typeOf(in.get()), in.getLong(), in.getLong(), in.getLong(), in.getDouble(),
        in.getDouble());
  }

  // Written to the repartition topic: our own codes, not the Avro enum's ordinals, and never reused.
  private static byte codeOf(VelocityEntityType type) {
    return switch (type) {
      case CARD -> 1;
      case USER -> 2;
      case DEVICE -> 3;
      case UNKNOWN -> throw new IllegalArgumentException("an entity payment needs a known entity type");
    };
  }

  private static VelocityEntityType typeOf(byte code) {
    return switch (code) {
      case 1 -> VelocityEntityType.CARD;
      case 2 -> VelocityEntityType.USER;
      case 3 -> VelocityEntityType.DEVICE;
      default -> throw new IllegalArgumentException("unknown entity type code " + code);
    };
  }
}
