package org.ridemarket.console.streets;

import java.util.ArrayList;
import java.util.List;

/** Douglas-Peucker line simplification on [lat, lon] points, with distances in metres (local flat projection). */
final class Simplifier {

  private static final double METRES_PER_DEGREE = 111_320;

  private Simplifier() {
  }

  /** The points of {@code line} that keep every dropped point within {@code toleranceMeters} of the result. */
  static List<double[]> simplify(List<double[]> line, double toleranceMeters) {
    if (line.size() <= 2) {
      return line;
    }
    boolean[] keep = new boolean[line.size()];
    keep[0] = true;
    keep[line.size() - 1] = true;
    double lonScale = Math.cos(Math.toRadians(line.get(0)[0]));
    mark(line, 0, line.size() - 1, toleranceMeters, lonScale, keep);
    List<double[]> kept = new ArrayList<>();
    for (int i = 0; i < line.size(); i++) {
      if (keep[i]) {
        kept.add(line.get(i));
      }
    }
    return kept;
  }

  // Iterative, so a long way cannot overflow the stack.
  private static void mark(List<double[]> line, int first, int last, double tolerance, double lonScale,
      boolean[] keep) {
    java.util.ArrayDeque<int[]> spans = new java.util.ArrayDeque<>();
    spans.push(new int[] {first, last});
    while (!spans.isEmpty()) {
      int[] span = spans.pop();
      double farthest = -1;
      int index = -1;
      for (int i = span[0] + 1; i < span[1]; i++) {
        double distance = distance(line.get(i), line.get(span[0]), line.get(span[1]), lonScale);
        if (distance > farthest) {
          farthest = distance;
          index = i;
        }
      }
      if (index >= 0 && farthest > tolerance) {
        keep[index] = true;
        spans.push(new int[] {span[0], index});
        spans.push(new int[] {index, span[1]});
      }
    }
  }

  // Distance in metres from p to the segment a-b.
  private static double distance(double[] p, double[] a, double[] b, double lonScale) {
    double px = p[1] * lonScale * METRES_PER_DEGREE;
    double py = p[0] * METRES_PER_DEGREE;
    double ax = a[1] * lonScale * METRES_PER_DEGREE;
    double ay = a[0] * METRES_PER_DEGREE;
    double bx = b[1] * lonScale * METRES_PER_DEGREE;
    double by = b[0] * METRES_PER_DEGREE;
    double dx = bx - ax;
    double dy = by - ay;
    double lengthSquared = dx * dx + dy * dy;
    double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  }
}
