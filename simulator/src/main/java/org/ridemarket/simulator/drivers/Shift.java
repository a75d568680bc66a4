package org.ridemarket.simulator.drivers;

import java.util.random.RandomGenerator;

/** When a driver works: a daily start (local minute of the day) and a length, 4 to 10 hours. */
public record Shift(int startMinute, int lengthMinutes) {

  private static final int DAY_MINUTES = 1_440;

  /** True when local minute {@code minuteOfDay} falls inside the shift (shifts may span midnight). */
  public boolean covers(int minuteOfDay) {
    return Math.floorMod(minuteOfDay - startMinute, DAY_MINUTES) < lengthMinutes;
  }

  /** A shift typical of ride-hail drivers: most start before the morning or the long evening peak. */
  public static Shift draw(RandomGenerator rng) {
    double u = rng.nextDouble();
    double startHour;
    if (u < 0.28) {
      startHour = 5.0 + 4.0 * rng.nextDouble();
    } else if (u < 0.48) {
      startHour = 10.0 + 4.0 * rng.nextDouble();
    } else if (u < 0.86) {
      startHour = 14.0 + 5.0 * rng.nextDouble();
    } else {
      startHour = 19.0 + 6.0 * rng.nextDouble();
    }
    int start = (int) (startHour * 60) % DAY_MINUTES;
    int length = 240 + rng.nextInt(361);
    return new Shift(start, length);
  }
}
