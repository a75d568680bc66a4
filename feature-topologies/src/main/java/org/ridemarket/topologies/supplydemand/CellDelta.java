package org.ridemarket.topologies.supplydemand;

/**
 * A change to one cell's aggregates, keyed by the cell it applies to; its record timestamp is
 * the event time of the change. SELF deltas concern the cell, RING deltas a neighbour of it.
 * A TICK changes nothing: it carries the upstream stream time to every per-cell task.
 */
record CellDelta(Measure measure, Scope scope, int amount) {

  /** Key of the ticks; not a cell address, so it never meets a cell's state. */
  static final String TICK_KEY = "stream-time-tick";
  static final CellDelta TICK = new CellDelta(Measure.TICK, Scope.SELF, 0);

  /** What the delta counts; the codes are written to the repartition topic, never reuse one. */
  enum Measure {
    RIDE_REQUEST(1), COMPLETED_TRIP(2), AVAILABLE_DRIVER(3), TICK(4);

    final byte code;

    Measure(int code) {
      this.code = (byte) code;
    }

    static Measure ofCode(byte code) {
      return switch (code) {
        case 1 -> RIDE_REQUEST;
        case 2 -> COMPLETED_TRIP;
        case 3 -> AVAILABLE_DRIVER;
        case 4 -> TICK;
        default -> throw new IllegalArgumentException("unknown measure code " + code);
      };
    }
  }

  /** Whether the delta happened in the keyed cell or in one of its neighbours. */
  enum Scope {
    SELF(1), RING(2);

    final byte code;

    Scope(int code) {
      this.code = (byte) code;
    }

    static Scope ofCode(byte code) {
      return switch (code) {
        case 1 -> SELF;
        case 2 -> RING;
        default -> throw new IllegalArgumentException("unknown scope code " + code);
      };
    }
  }

  /** A change that happened in the keyed cell itself. */
  static CellDelta self(Measure measure, int amount) {
    return new CellDelta(measure, Scope.SELF, amount);
  }

  /** The same change, as seen by a neighbouring cell. */
  CellDelta toRing() {
    return new CellDelta(measure, Scope.RING, amount);
  }
}
