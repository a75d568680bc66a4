package org.ridemarket.simulator.output;

/** Where the simulator's events go; sinks see events in emission order, which is event-time order. */
public interface EventSink extends AutoCloseable {

  /** Takes one event; the event's arrays must not be modified. */
  void accept(EncodedEvent event);

  /** Pushes buffered events out; called before progress reports and at the end. */
  default void flush() {
  }

  /** Flushes and releases the sink; a sink that lost events throws here. */
  @Override
  void close();
}
