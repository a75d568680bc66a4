package org.ridemarket.simulator.drivers;

import org.ridemarket.contracts.events.DriverStatus;

/**
 * One driver's identity and moving state: status, position in the street-grid frame, the route
 * being driven and how far along it, current speed and heading. Mutated only by the simulation thread.
 */
public final class Driver {

  private final int index;
  private final String id;
  private final Shift shift;
  private final double speedFactor;
  private DriverStatus status = DriverStatus.OFFLINE;
  private double u;
  private double v;
  private Route route;
  private double progress;
  private double speedMps;
  private double headingDeg;
  private long waitUntil;
  private boolean leavingAfterTrip;
  private int bucket = -1;

  /** Driver number {@code index} with a shift and a personal speed factor (how briskly they drive). */
  public Driver(int index, String id, Shift shift, double speedFactor) {
    this.index = index;
    this.id = id;
    this.shift = shift;
    this.speedFactor = speedFactor;
  }

  public int index() {
    return index;
  }

  public String id() {
    return id;
  }

  public Shift shift() {
    return shift;
  }

  public double speedFactor() {
    return speedFactor;
  }

  public DriverStatus status() {
    return status;
  }

  public void status(DriverStatus value) {
    status = value;
  }

  /** True for any status but OFFLINE. */
  public boolean online() {
    return status != DriverStatus.OFFLINE;
  }

  public double u() {
    return u;
  }

  public double v() {
    return v;
  }

  /** Puts the driver at a grid position, stopped, with no route. */
  public void placeAt(double newU, double newV) {
    u = newU;
    v = newV;
    route = null;
    progress = 0;
    speedMps = 0;
  }

  public Route route() {
    return route;
  }

  /** Starts driving {@code newRoute} from its beginning (which should be the current position). */
  public void follow(Route newRoute) {
    route = newRoute;
    progress = 0;
  }

  /** Moves {@code meters} along the route at {@code speed}; true when the end is reached (route cleared). */
  public boolean advance(double meters, double speed) {
    progress += meters;
    speedMps = speed;
    headingDeg = route.heading(Math.min(progress, route.length()));
    u = route.u(progress);
    v = route.v(progress);
    if (progress >= route.length()) {
      route = null;
      progress = 0;
      speedMps = 0;
      return true;
    }
    return false;
  }

  /** Stands still (idle, or waiting for a rider to board). */
  public void stop() {
    speedMps = 0;
  }

  public double speedMps() {
    return speedMps;
  }

  public double headingDeg() {
    return headingDeg;
  }

  /** When a driver waiting at a pickup will have the rider on board. */
  public long waitUntil() {
    return waitUntil;
  }

  public void waitUntil(long millis) {
    waitUntil = millis;
  }

  /** True when the shift ended during a trip: the driver goes offline at the drop-off. */
  public boolean leavingAfterTrip() {
    return leavingAfterTrip;
  }

  public void leavingAfterTrip(boolean value) {
    leavingAfterTrip = value;
  }

  int bucket() {
    return bucket;
  }

  void bucket(int value) {
    bucket = value;
  }
}
