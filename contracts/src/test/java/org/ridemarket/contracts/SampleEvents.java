package org.ridemarket.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.events.EtaPredicted;
import org.ridemarket.contracts.events.FraudDecided;
import org.ridemarket.contracts.events.FraudDecision;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.LabelSource;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.events.PriceQuoted;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.events.ReasonCode;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.features.CongestionSnapshot;
import org.ridemarket.contracts.features.CongestionVector;
import org.ridemarket.contracts.features.SupplyDemandSnapshot;
import org.ridemarket.contracts.features.SupplyDemandVector;
import org.ridemarket.contracts.features.VelocityEntityType;
import org.ridemarket.contracts.features.VelocitySnapshot;
import org.ridemarket.contracts.features.VelocityVector;

/** One fully populated example of every event type, for round-trip tests. */
public final class SampleEvents {

  static final Instant T0 = Instant.parse("2026-11-02T12:00:00Z");
  static final GeoPoint TIMES_SQUARE = new GeoPoint(40.7580, -73.9855);
  static final GeoPoint GRAND_CENTRAL = new GeoPoint(40.7527, -73.9772);

  private SampleEvents() {
  }

  public static List<SpecificRecord> all() {
    return List.of(rideRequested(), driverLocation(), tripCompleted(), payment(), priceQuoted(),
        etaPredicted(), fraudDecided(), fraudLabeled(), deadLetter(), supplyDemandVector(), velocityVector(),
        congestionVector());
  }

  public static RideRequested rideRequested() {
    return RideRequested.newBuilder().setEventId(UUID.randomUUID()).setEventTime(T0)
        .setRequestId("req-1").setRiderId("rider-1").setPickup(TIMES_SQUARE).setDropoff(GRAND_CENTRAL)
        .setPickupCell("882a100d65fffff").setProduct(Product.XL).setQuoteId("q-1").build();
  }

  public static DriverLocationUpdated driverLocation() {
    return DriverLocationUpdated.newBuilder().setEventId(UUID.randomUUID()).setEventTime(T0)
        .setDriverId("driver-7").setPosition(TIMES_SQUARE).setCell("882a100d65fffff")
        .setSpeedMps(6.5).setHeadingDeg(29.0).setStatus(DriverStatus.EN_ROUTE).build();
  }

  public static TripEvent tripCompleted() {
    return TripEvent.newBuilder().setEventId(UUID.randomUUID()).setEventTime(T0)
        .setTripId("trip-1").setRequestId("req-1").setRiderId("rider-1").setDriverId("driver-7")
        .setType(TripEventType.COMPLETED).setPickup(TIMES_SQUARE).setDropoff(GRAND_CENTRAL)
        .setPickupCell("882a100d65fffff").setProduct(Product.STANDARD).setDurationSeconds(412.5)
        .setDistanceMeters(1830.0).setFareMinor(1475L).setCurrency("USD").build();
  }

  public static PaymentAttempted payment() {
    return PaymentAttempted.newBuilder().setEventId(UUID.randomUUID()).setEventTime(T0)
        .setTransactionId("tx-1").setCardFingerprint("fp_0a1b2c3d4e5f60718293").setUserId("rider-1")
        .setDeviceId("dev-1").setAmountMinor(1475L).setCurrency("USD").setLocation(GRAND_CENTRAL)
        .setTripId("trip-1").build();
  }

  public static PriceQuoted priceQuoted() {
    return PriceQuoted.newBuilder().setEventId(UUID.randomUUID()).setEventTime(T0)
        .setQuoteId("q-1").setRiderId("rider-1").setPickup(TIMES_SQUARE).setDropoff(GRAND_CENTRAL)
        .setPickupCell("882a100d65fffff").setProduct(Product.PREMIUM).setSurgeMultiplier(1.4)
        .setBaseFareMinor(1200L).setTotalFareMinor(1680L).setCurrency("USD")
        .setExpiresAt(T0.plusSeconds(120)).setModelVersion("surge-1").setDegraded(false).build();
  }

  static EtaPredicted etaPredicted() {
    return EtaPredicted.newBuilder().setEventId(UUID.randomUUID()).setEventTime(T0)
        .setPredictionId("p-1").setTripId("trip-1").setOrigin(TIMES_SQUARE).setDestination(GRAND_CENTRAL)
        .setOriginCell("882a100d65fffff").setDepartureTime(T0).setEtaSeconds(420.0).setP10Seconds(360.0)
        .setP90Seconds(540.0).setDistanceMeters(1830.0).setBaselineSeconds(390.0)
        .setModelVersion("eta-1").setDegraded(true).build();
  }

  static FraudDecided fraudDecided() {
    return FraudDecided.newBuilder().setEventId(UUID.randomUUID()).setEventTime(T0)
        .setTransactionId("tx-1").setCardFingerprint("fp_0a1b2c3d4e5f60718293").setUserId("rider-1")
        .setAmountMinor(1475L).setCurrency("USD").setDecision(FraudDecision.REVIEW).setScore(0.62)
        .setReasons(List.of(new ReasonCode("NEW_DEVICE", "device first seen 2 min ago")))
        .setModelVersion("fraud-1").setDegraded(false).build();
  }

  public static FraudLabeled fraudLabeled() {
    return FraudLabeled.newBuilder().setEventId(UUID.randomUUID()).setEventTime(T0.plusSeconds(86_400 * 5))
        .setTransactionId("tx-1").setPaymentTime(T0).setLabel(FraudLabel.FRAUD)
        .setPattern(FraudPattern.CARD_TESTING).setSource(LabelSource.CHARGEBACK)
        .setCardFingerprint("fp_0a1b2c3d4e5f60718293").setMerchantId("mer-1").build();
  }

  static DeadLetter deadLetter() {
    return DeadLetter.newBuilder().setEventId(UUID.randomUUID()).setEventTime(T0)
        .setApplication("feature-streams").setSourceTopic("rides.requests").setSourcePartition(3)
        .setSourceOffset(42L).setSourceTimestamp(T0).setKey(java.nio.ByteBuffer.wrap(new byte[] {1}))
        .setValue(java.nio.ByteBuffer.wrap(new byte[] {2, 3})).setReason("DESERIALIZATION_FAILED")
        .setDetail("bad magic byte").build();
  }

  public static SupplyDemandVector supplyDemandVector() {
    return new SupplyDemandSnapshot("882a100d65fffff", T0.toEpochMilli(),
        new double[] {2, 9, 21, 6, 3, 14, 40, 11, 18, 1.2857142857142858, 3.0, 1.2727272727272727}).toAvro();
  }

  /**
   * A card whose latest payment was at Grand Central, and the one before at Times Square 10 minutes earlier;
   * 8 payments over 7 days, 9 over 30, and a FRAUD label for it arrived today, another earlier this month.
   */
  public static VelocityVector velocityVector() {
    long previous = T0.minusSeconds(600).toEpochMilli();
    return new VelocitySnapshot(VelocityEntityType.CARD, "fp_0a1b2c3d4e5f60718293", T0.toEpochMilli(),
        new double[] {1, 1475, 2, 2725, 5, 8100, 1, 2, T0.toEpochMilli(), GRAND_CENTRAL.getLat(),
            GRAND_CENTRAL.getLon(), previous, TIMES_SQUARE.getLat(), TIMES_SQUARE.getLon(), 9, 1650,
            8, 13000, 9, 14650, 1, 1, 2}).toAvro();
  }

  /**
   * A cell flowing at 60 % of its free-flow speed, with one completed trip in the last 15 minutes and three in
   * the hour. No NaN: Avro's record equality, which the round-trip test uses, does not hold NaN equal to itself.
   */
  public static CongestionVector congestionVector() {
    return new CongestionSnapshot("882a100d65fffff", T0.toEpochMilli(),
        new double[] {6.0, 40, 7.2, 130, 12.0, 5210.5, 0.6, 5.1, 1, 4.4, 3}).toAvro();
  }
}
