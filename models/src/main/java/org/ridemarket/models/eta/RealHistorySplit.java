package org.ridemarket.models.eta;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The split of a real history: every row requested before {@code testFrom} learns (of every
 * {@value #CYCLE} weeks counted from the first request, the last calibrates the quantiles and picks the
 * point objective, the others train), every row requested in [{@code testFrom}, {@code testTo}) is the test,
 * and nothing later is used. Weeks rather than the simulator's 40-minute blocks: real traffic has a weekly
 * rhythm and a season, so the calibration weeks are spread over the year and each holds every hour of the
 * week. A training trip must end inside a training week (its label never covers a calibration week's
 * traffic); both rows of a trip fall in one part because they share the request time.
 */
public final class RealHistorySplit {

  /** Weeks per cycle: three train, the fourth calibrates. */
  public static final int CYCLE = 4;
  static final Duration WEEK = Duration.ofDays(7);

  private RealHistorySplit() {
  }

  /** Splits {@code rows} (oldest request first); rows before the first training week's start cannot exist. */
  public static EtaSplit of(List<EtaRow> rows, Instant testFrom, Instant testTo) {
    if (!testFrom.isBefore(testTo)) {
      throw new IllegalArgumentException("test range is empty: " + testFrom + " .. " + testTo);
    }
    List<EtaRow> train = new ArrayList<>();
    List<EtaRow> calibration = new ArrayList<>();
    List<EtaRow> test = new ArrayList<>();
    if (rows.isEmpty()) {
      return new EtaSplit(train, calibration, test);
    }
    long first = rows.get(0).time();
    long week = WEEK.toMillis();
    for (EtaRow row : rows) {
      if (row.time() >= testTo.toEpochMilli()) {
        continue;
      }
      if (row.time() >= testFrom.toEpochMilli()) {
        test.add(row);
      } else if (isCalibration(row.time(), first, week)) {
        calibration.add(row);
      } else if (!isCalibration(row.trip().completedAt(), first, week)
          && row.trip().completedAt() < testFrom.toEpochMilli()) {
        train.add(row);
      }
    }
    return new EtaSplit(List.copyOf(train), List.copyOf(calibration), List.copyOf(test));
  }

  private static boolean isCalibration(long time, long first, long week) {
    return Math.floorMod(Math.floorDiv(time - first, week), (long) CYCLE) == CYCLE - 1;
  }
}
