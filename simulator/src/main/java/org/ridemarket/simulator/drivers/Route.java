package org.ridemarket.simulator.drivers;

import org.ridemarket.simulator.city.StreetGrid;

/**
 * An L-shaped path in the street-grid frame: along one axis to the corner, then along the other.
 * Over a random trip it is about 4/pi (1.27) times the straight line, like real Manhattan detours.
 */
public final class Route {

  private final double u0;
  private final double v0;
  private final double cornerU;
  private final double cornerV;
  private final double u1;
  private final double v1;
  private final double firstLeg;
  private final double length;

  private Route(double u0, double v0, double cornerU, double cornerV, double u1, double v1) {
    this.u0 = u0;
    this.v0 = v0;
    this.cornerU = cornerU;
    this.cornerV = cornerV;
    this.u1 = u1;
    this.v1 = v1;
    this.firstLeg = Math.abs(cornerU - u0) + Math.abs(cornerV - v0);
    this.length = firstLeg + Math.abs(u1 - cornerU) + Math.abs(v1 - cornerV);
  }

  /** From (u0, v0) to (u1, v1), along the avenue first when {@code avenueFirst}, else along the street. */
  public static Route between(double u0, double v0, double u1, double v1, boolean avenueFirst) {
    return avenueFirst ? new Route(u0, v0, u0, v1, u1, v1) : new Route(u0, v0, u1, v0, u1, v1);
  }

  /** Total length in metres. */
  public double length() {
    return length;
  }

  /** Grid u after {@code meters} along the route (clamped to its ends). */
  public double u(double meters) {
    if (meters <= firstLeg) {
      return u0 + Math.signum(cornerU - u0) * Math.max(0, meters);
    }
    return cornerU + Math.signum(u1 - cornerU) * Math.min(meters - firstLeg, length - firstLeg);
  }

  /** Grid v after {@code meters} along the route (clamped to its ends). */
  public double v(double meters) {
    if (meters <= firstLeg) {
      return v0 + Math.signum(cornerV - v0) * Math.max(0, meters);
    }
    return cornerV + Math.signum(v1 - cornerV) * Math.min(meters - firstLeg, length - firstLeg);
  }

  /** Compass heading, degrees clockwise from north, of the leg at {@code meters}. */
  public double heading(double meters) {
    boolean first = meters < firstLeg;
    double du = first ? cornerU - u0 : u1 - cornerU;
    double dv = first ? cornerV - v0 : v1 - cornerV;
    if (Math.abs(du) >= Math.abs(dv)) {
      return du >= 0 ? StreetGrid.HEADING_PLUS_U : StreetGrid.HEADING_MINUS_U;
    }
    return dv >= 0 ? StreetGrid.HEADING_PLUS_V : StreetGrid.HEADING_MINUS_V;
  }

  /** Grid u of the destination. */
  public double endU() {
    return u1;
  }

  /** Grid v of the destination. */
  public double endV() {
    return v1;
  }
}
