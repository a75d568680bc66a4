package org.ridemarket.models.eta;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The blocked time split of the ETA rows. Time is cut into blocks of {@value #BLOCK_MINUTES} minutes from
 * the first request; of every {@value #CYCLE} blocks, the fourth calibrates the quantiles (and picks the
 * point objective) and the fifth is held out, so every part sees mornings, rush hours and calm. A trip
 * belongs to the block its request falls in. A training trip must also keep clear of the other parts: its
 * whole span from request to drop-off lies in training blocks (its label never covers their traffic), and
 * it is not requested within {@link #LOOK_BACK} after a calibration or held-out block (its features' driver
 * speeds would average their pings). Both rows of a trip always fall in the same part.
 */
public record EtaSplit(List<EtaRow> train, List<EtaRow> calibration, List<EtaRow> heldOut) {

  /** Length of the blocks. */
  public static final int BLOCK_MINUTES = 40;
  /** Blocks per cycle: three train, one calibrates, one is held out. */
  public static final int CYCLE = 5;
  static final int CALIBRATION_AT = 3;
  static final int HELD_OUT_AT = 4;
  /** The longest window of the moving-driver speeds (15 minutes). */
  public static final Duration LOOK_BACK = Duration.ofMinutes(15);

  /** Splits {@code rows}, oldest request first, into blocks of {@value #BLOCK_MINUTES} minutes. */
  public static EtaSplit of(List<EtaRow> rows) {
    return of(rows, Duration.ofMinutes(BLOCK_MINUTES));
  }

  /** Splits {@code rows}, oldest request first, into blocks of {@code blockLength} (shorter for tests). */
  public static EtaSplit of(List<EtaRow> rows, Duration blockLength) {
    if (rows.isEmpty()) {
      return new EtaSplit(List.of(), List.of(), List.of());
    }
    long first = rows.get(0).time();
    long block = blockLength.toMillis();
    List<EtaRow> train = new ArrayList<>();
    List<EtaRow> calibration = new ArrayList<>();
    List<EtaRow> heldOut = new ArrayList<>();
    for (EtaRow row : rows) {
      int position = position(row.time(), first, block);
      if (position == CALIBRATION_AT) {
        calibration.add(row);
      } else if (position == HELD_OUT_AT) {
        heldOut.add(row);
      } else if (isTraining(position(row.trip().completedAt(), first, block))
          && isTraining(position(row.time() - LOOK_BACK.toMillis(), first, block))
          && row.trip().completedAt() - row.time() < block) {
        train.add(row);
      }
    }
    return new EtaSplit(List.copyOf(train), List.copyOf(calibration), List.copyOf(heldOut));
  }

  private static int position(long time, long first, long block) {
    return (int) Math.floorMod(Math.floorDiv(time - first, block), (long) CYCLE);
  }

  private static boolean isTraining(int position) {
    return position != CALIBRATION_AT && position != HELD_OUT_AT;
  }
}
