package org.ridemarket.simulator.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ridemarket.simulator.SimulatorConfig;
import org.ridemarket.simulator.TestRuns;
import org.ridemarket.simulator.city.City;
import org.ridemarket.simulator.city.Point;
import org.ridemarket.simulator.clock.SimClock;

class SurgeSeekingIdlePolicyTest {

  private static final City CITY = TestRuns.builtInCity();
  private static final double DRIFT = 0.6;
  private static final int ASKS = 150_000;
  // Near Penn Station; Hudson Yards is about 800 m away by the grid, the Upper East edge of the box 5 km.
  private static final Point PENN = new Point(40.7505, -73.9934);
  private static final Point HUDSON_YARDS = new Point(40.7536, -74.0016);
  private static final Point EAST_EDGE = new Point(40.757, -73.967);
  private static final Point CHELSEA = new Point(40.7430, -73.9990);

  private final Driver driver = new Driver(0, "drv_test", new Shift(0, 600), 1.0);
  private final SimClock evening = new SimClock(TestRuns.MONDAY_MORNING.plus(Duration.ofHours(11)),
      SimulatorConfig.NEW_YORK);

  @Test
  void shouldSendIdleDriversTowardASurgingCellWithinReach() {
    // given a 2x surge in Hudson Yards' cell, a short drive from a driver idling at Penn Station
    int hudsonYards = cellOf(HUDSON_YARDS);
    SurgeMap surge = surge(hudsonYards, 2.0);

    // when many idle drivers there decide, with and without the surge, from the same seed
    List<Point> calm = targets(demandSeeking(1), PENN);
    List<Point> surged = targets(surgeSeeking(surge, 1), PENN);

    // then about as many drivers move (once every 150 s), but far more of them head for the surging cell,
    // and none beyond reach
    assertThat(surged.size()).isBetween(ASKS / 200, ASKS / 100);
    assertThat(calm.size()).isBetween(ASKS / 200, ASKS / 100);
    double calmShare = shareIn(calm, hudsonYards);
    double surgedShare = shareIn(surged, hudsonYards);
    assertThat(surgedShare).isGreaterThan(calmShare + 0.3);
    assertThat(surged).allMatch(target -> meters(PENN, target) <= DemandSeekingIdlePolicy.MAX_REPOSITION_METERS);
  }

  @Test
  void shouldPreferHigherSurges() {
    // given a 1.3x surge in Hudson Yards and a 2.5x surge in Chelsea, both in reach of Penn Station
    int hudsonYards = cellOf(HUDSON_YARDS);
    int chelsea = cellOf(CHELSEA);
    double[] multipliers = flat();
    multipliers[hudsonYards] = 1.3;
    multipliers[chelsea] = 2.5;

    // when
    List<Point> targets = targets(surgeSeeking(map(multipliers), 2), PENN);

    // then the higher surge draws more drivers than the lower one
    assertThat(shareIn(targets, chelsea)).isGreaterThan(2 * shareIn(targets, hudsonYards));
  }

  @Test
  void shouldMoveMoreDriversAsTheSurgeRises() {
    int hudsonYards = cellOf(HUDSON_YARDS);
    double mild = shareIn(targets(surgeSeeking(surge(hudsonYards, 1.2), 3), PENN), hudsonYards);
    double strong = shareIn(targets(surgeSeeking(surge(hudsonYards, 2.0), 3), PENN), hudsonYards);
    double extreme = shareIn(targets(surgeSeeking(surge(hudsonYards, 4.0), 3), PENN), hudsonYards);

    assertThat(mild).isLessThan(strong);
    assertThat(strong).isLessThan(extreme);
    assertThat(extreme).isLessThan(0.9);
    assertThat(SurgeSeekingIdlePolicy.responseShare(0)).isZero();
    assertThat(SurgeSeekingIdlePolicy.responseShare(0.5)).isBetween(0.4, 0.6);
    assertThat(SurgeSeekingIdlePolicy.responseShare(100)).isLessThanOrEqualTo(0.8);
  }

  @Test
  void shouldIgnoreSurgingCellsOutOfReach() {
    // given a steep surge at the far edge of the box, 5 km from a driver idling in the west
    SurgeMap farSurge = surge(cellOf(EAST_EDGE), 3.0);

    // when
    List<Point> surged = targets(surgeSeeking(farSurge, 4), HUDSON_YARDS);
    List<Point> calm = targets(demandSeeking(4), HUDSON_YARDS);

    // then the driver behaves exactly as without surge, draw for draw
    assertThat(meters(HUDSON_YARDS, EAST_EDGE)).isGreaterThan(DemandSeekingIdlePolicy.MAX_REPOSITION_METERS + 1_500);
    assertThat(surged).isEqualTo(calm);
  }

  @Test
  void shouldBehaveExactlyAsBeforeWithoutSurge() {
    // given no surge map, and a map where every cell shows 1.0 or less
    double[] calmOrDiscounted = flat();
    calmOrDiscounted[cellOf(PENN)] = 0.9;

    // when / then the targets are those of demand seeking alone, from every position
    for (Point position : List.of(PENN, HUDSON_YARDS, EAST_EDGE, CHELSEA)) {
      List<Point> before = targets(demandSeeking(5), position);
      assertThat(targets(surgeSeeking(SurgeMap.NONE, 5), position)).isEqualTo(before);
      assertThat(targets(surgeSeeking(map(calmOrDiscounted), 5), position)).isEqualTo(before);
    }
  }

  private List<Point> targets(IdlePolicy policy, Point position) {
    List<Point> targets = new ArrayList<>();
    for (int i = 0; i < ASKS; i++) {
      Point target = policy.nextTarget(driver, position, evening);
      if (target != null) {
        targets.add(target);
      }
    }
    return targets;
  }

  private static IdlePolicy demandSeeking(long seed) {
    return new DemandSeekingIdlePolicy(CITY.demand(), CITY.grid(), DRIFT, new SplittableRandom(seed));
  }

  private static IdlePolicy surgeSeeking(SurgeMap surge, long seed) {
    return new SurgeSeekingIdlePolicy(CITY.demand(), CITY.grid(), DRIFT, surge, new SplittableRandom(seed));
  }

  private static double shareIn(List<Point> targets, int cell) {
    return (double) targets.stream().filter(target -> cellOf(target) == cell).count() / targets.size();
  }

  private static int cellOf(Point point) {
    return CITY.cells().cellAt(point.lat(), point.lon());
  }

  private static double meters(Point from, Point to) {
    return CITY.grid().gridMeters(from.lat(), from.lon(), to.lat(), to.lon());
  }

  private static double[] flat() {
    double[] multipliers = new double[CITY.cells().count()];
    Arrays.fill(multipliers, 1.0);
    return multipliers;
  }

  private static SurgeMap surge(int cell, double multiplier) {
    double[] multipliers = flat();
    multipliers[cell] = multiplier;
    return map(multipliers);
  }

  private static SurgeMap map(double[] multipliers) {
    return new SurgeMap() {

      @Override
      public void refresh(SimClock clock) {
      }

      @Override
      public double multiplier(int cell) {
        return multipliers[cell];
      }
    };
  }
}
