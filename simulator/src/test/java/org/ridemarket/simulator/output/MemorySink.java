package org.ridemarket.simulator.output;

import java.util.ArrayList;
import java.util.List;

/** Keeps every event in memory, for tests of short runs. */
public final class MemorySink implements EventSink {

  private final List<EncodedEvent> events = new ArrayList<>();
  private boolean closed;

  @Override
  public void accept(EncodedEvent event) {
    events.add(event);
  }

  @Override
  public void close() {
    closed = true;
  }

  public List<EncodedEvent> events() {
    return events;
  }

  public boolean closed() {
    return closed;
  }
}
