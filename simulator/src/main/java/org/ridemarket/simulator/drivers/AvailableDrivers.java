package org.ridemarket.simulator.drivers;

import java.util.ArrayList;
import java.util.List;
import org.ridemarket.contracts.events.DriverStatus;

/**
 * The AVAILABLE drivers, bucketed by square cells of the street-grid frame, so that matching looks
 * at the drivers near a pickup instead of the whole fleet.
 */
public final class AvailableDrivers {

  private final double minU;
  private final double minV;
  private final double bucketMeters;
  private final int cols;
  private final int rows;
  private final List<List<Driver>> buckets;
  private int size;

  /** An index over the grid rectangle [minU, maxU] x [minV, maxV]; positions outside are clamped. */
  public AvailableDrivers(double minU, double maxU, double minV, double maxV, double bucketMeters) {
    this.minU = minU;
    this.minV = minV;
    this.bucketMeters = bucketMeters;
    this.cols = Math.max(1, (int) Math.ceil((maxU - minU) / bucketMeters));
    this.rows = Math.max(1, (int) Math.ceil((maxV - minV) / bucketMeters));
    this.buckets = new ArrayList<>(cols * rows);
    for (int b = 0; b < cols * rows; b++) {
      buckets.add(new ArrayList<>());
    }
  }

  /** Adds, moves or removes the driver so that the index holds exactly the AVAILABLE drivers. */
  public void update(Driver driver) {
    int wanted = driver.status() == DriverStatus.AVAILABLE ? bucketOf(driver.u(), driver.v()) : -1;
    if (wanted == driver.bucket()) {
      return;
    }
    if (driver.bucket() >= 0) {
      buckets.get(driver.bucket()).remove(driver);
      size--;
    }
    if (wanted >= 0) {
      buckets.get(wanted).add(driver);
      size++;
    }
    driver.bucket(wanted);
  }

  /** Number of AVAILABLE drivers. */
  public int size() {
    return size;
  }

  /** The AVAILABLE driver with the shortest grid distance to (u, v), within {@code maxMeters}; null if none. */
  public Driver nearest(double u, double v, double maxMeters) {
    int reach = (int) Math.ceil(maxMeters / bucketMeters);
    int col = col(u);
    int row = row(v);
    Driver best = null;
    double bestDistance = maxMeters;
    for (int r = Math.max(0, row - reach); r <= Math.min(rows - 1, row + reach); r++) {
      for (int c = Math.max(0, col - reach); c <= Math.min(cols - 1, col + reach); c++) {
        for (Driver candidate : buckets.get(r * cols + c)) {
          double distance = Math.abs(candidate.u() - u) + Math.abs(candidate.v() - v);
          // Ties go to the lower driver number so the match never depends on bucket order.
          if (distance < bestDistance || distance == bestDistance && best != null && candidate.index() < best.index()) {
            best = candidate;
            bestDistance = distance;
          }
        }
      }
    }
    return best;
  }

  private int bucketOf(double u, double v) {
    return row(v) * cols + col(u);
  }

  private int col(double u) {
    return Math.max(0, Math.min(cols - 1, (int) Math.floor((u - minU) / bucketMeters)));
  }

  private int row(double v) {
    return Math.max(0, Math.min(rows - 1, (int) Math.floor((v - minV) / bucketMeters)));
  }
}
