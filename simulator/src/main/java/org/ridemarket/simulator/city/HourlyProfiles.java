package org.ridemarket.simulator.city;

/**
 * Shapes of demand over the local day, one value per hour (0..23), peak 1.0. The city profile
 * follows New York's weekday ride pattern; the others shape what kind of place a hotspot is.
 */
public final class HourlyProfiles {

  /** Requests over the whole city, shaped like the 2014 Uber pickups: a modest morning, a long evening peak. */
  public static final double[] CITY = {
      0.45, 0.32, 0.22, 0.16, 0.14, 0.18, 0.32, 0.50, 0.58, 0.52, 0.48, 0.50,
      0.55, 0.58, 0.64, 0.78, 0.92, 1.00, 0.95, 0.86, 0.80, 0.78, 0.70, 0.56};
  /** Stations and bus terminals: commuters arriving in the morning, a smaller evening wave. */
  public static final double[] COMMUTER_HUB = {
      0.10, 0.05, 0.03, 0.03, 0.08, 0.30, 0.70, 1.00, 1.00, 0.80, 0.45, 0.35,
      0.35, 0.35, 0.40, 0.50, 0.60, 0.65, 0.60, 0.45, 0.35, 0.30, 0.25, 0.15};
  /** Office districts: people leaving work in the evening, a lunch bump. */
  public static final double[] OFFICE = {
      0.05, 0.03, 0.02, 0.02, 0.02, 0.05, 0.10, 0.20, 0.25, 0.25, 0.30, 0.40,
      0.55, 0.45, 0.40, 0.50, 0.75, 1.00, 1.00, 0.80, 0.55, 0.35, 0.20, 0.10};
  /** Bars, restaurants and theatres: evenings and the small hours. */
  public static final double[] NIGHTLIFE = {
      0.90, 0.75, 0.55, 0.30, 0.10, 0.03, 0.02, 0.02, 0.03, 0.05, 0.08, 0.15,
      0.25, 0.25, 0.25, 0.30, 0.35, 0.45, 0.60, 0.75, 0.85, 0.95, 1.00, 1.00};
  /** Sights and shopping: a plateau from late morning to late evening. */
  public static final double[] TOURIST = {
      0.25, 0.12, 0.05, 0.03, 0.02, 0.03, 0.08, 0.20, 0.35, 0.55, 0.75, 0.85,
      0.90, 0.90, 0.90, 0.90, 0.90, 0.90, 0.95, 1.00, 1.00, 0.95, 0.85, 0.50};
  /** Residential blocks: people leaving home in the morning and going out in the evening. */
  public static final double[] RESIDENTIAL = {
      0.15, 0.08, 0.05, 0.05, 0.10, 0.30, 0.75, 1.00, 0.90, 0.55, 0.35, 0.30,
      0.30, 0.30, 0.30, 0.35, 0.40, 0.45, 0.55, 0.60, 0.50, 0.40, 0.30, 0.20};

  private HourlyProfiles() {
  }

  /** {@code profile} multiplied by {@code factor}, as a new array. */
  public static double[] scaled(double[] profile, double factor) {
    double[] result = new double[profile.length];
    for (int h = 0; h < profile.length; h++) {
      result[h] = profile[h] * factor;
    }
    return result;
  }
}
