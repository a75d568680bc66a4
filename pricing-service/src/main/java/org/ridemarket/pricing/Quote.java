package org.ridemarket.pricing;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.ridemarket.contracts.events.Product;

/**
 * An upfront price promised to a rider: the trip it is for, the surge decision and the fare, and
 * until when it is honoured. Written once, before the rider sees it, and never changed.
 */
@Entity
@Table(name = "quote")
public class Quote {

  @Id
  private UUID id;

  @Column(name = "rider_id", nullable = false)
  private String riderId;

  @Column(name = "product", nullable = false)
  private String product;

  @Embedded
  @AttributeOverrides({
      @AttributeOverride(name = "lat", column = @Column(name = "pickup_lat")),
      @AttributeOverride(name = "lon", column = @Column(name = "pickup_lon"))})
  private Position pickup;

  @Embedded
  @AttributeOverrides({
      @AttributeOverride(name = "lat", column = @Column(name = "dropoff_lat")),
      @AttributeOverride(name = "lon", column = @Column(name = "dropoff_lon"))})
  private Position dropoff;

  @Column(name = "pickup_cell", nullable = false)
  private String pickupCell;

  @Embedded
  private Trip trip;

  @Embedded
  private SurgeDecision surge;

  // Redundant with surge.source, kept as a column so that analysts can filter fallbacks out simply.
  @Column(name = "degraded", nullable = false)
  private boolean degraded;

  @Embedded
  private Fare fare;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  /** For Hibernate. */
  protected Quote() {
  }

  /** A new quote; {@code id} is also the idempotency key of its event. */
  public Quote(UUID id, String riderId, Product product, Position pickup, Position dropoff, String pickupCell,
      Trip trip, SurgeDecision surge, Fare fare, Instant createdAt, Instant expiresAt) {
    this.id = id;
    this.riderId = riderId;
    this.product = product.name();
    this.pickup = pickup;
    this.dropoff = dropoff;
    this.pickupCell = pickupCell;
    this.trip = trip;
    this.surge = surge;
    this.degraded = surge.degraded();
    this.fare = fare;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  public UUID getId() {
    return id;
  }

  public String getRiderId() {
    return riderId;
  }

  public Product getProduct() {
    return Product.valueOf(product);
  }

  public Position getPickup() {
    return pickup;
  }

  public Position getDropoff() {
    return dropoff;
  }

  public String getPickupCell() {
    return pickupCell;
  }

  public Trip getTrip() {
    return trip;
  }

  public SurgeDecision getSurge() {
    return surge;
  }

  public Fare getFare() {
    return fare;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  /** True once the price is no longer honoured. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
