package org.ridemarket.topologies.supplydemand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.topologies.supplydemand.CellDelta.Measure;

/**
 * Turns driver pings (keyed by driver) into available-driver deltas keyed by cell: +1 where a
 * driver becomes available, -1 where an available driver leaves (moves, changes status, goes
 * offline, or falls silent). Keeps each driver's latest ping, so an older ping changes nothing.
 */
final class DriverAvailabilityProcessor implements Processor<String, DriverLocationUpdated, String, CellDelta> {

  /** How often, in stream time, silent drivers are looked for. */
  static final Duration SILENCE_SWEEP = Duration.ofSeconds(10);

  private final String storeName;
  private final long silenceMillis;
  private ProcessorContext<String, CellDelta> context;
  private KeyValueStore<String, DriverPosition> drivers;

  DriverAvailabilityProcessor(String storeName, SupplyDemandSettings settings) {
    this.storeName = storeName;
    this.silenceMillis = settings.driverSilenceTimeout().toMillis();
  }

  @Override
  public void init(ProcessorContext<String, CellDelta> context) {
    this.context = context;
    this.drivers = context.getStateStore(storeName);
    context.schedule(SILENCE_SWEEP, PunctuationType.STREAM_TIME, this::expireSilentDrivers);
  }

  @Override
  public void process(Record<String, DriverLocationUpdated> record) {
    DriverPosition previous = drivers.get(record.key());
    long eventTime = record.timestamp();
    if (previous != null && eventTime <= previous.eventTime()) {
      return;
    }
    DriverLocationUpdated ping = record.value();
    DriverPosition next = new DriverPosition(ping.getStatus() == DriverStatus.AVAILABLE, ping.getCell(), eventTime);
    boolean sameAvailability = previous != null && previous.available() && next.available()
        && previous.cell().equals(next.cell());
    if (!sameAvailability) {
      if (previous != null && previous.available()) {
        forward(previous.cell(), -1, eventTime);
      }
      if (next.available()) {
        forward(next.cell(), +1, eventTime);
      }
    }
    drivers.put(record.key(), next);
  }

  private void expireSilentDrivers(long streamTime) {
    List<KeyValue<String, DriverPosition>> silent = new ArrayList<>();
    try (KeyValueIterator<String, DriverPosition> all = drivers.all()) {
      all.forEachRemaining(driver -> {
        if (driver.value.eventTime() <= streamTime - silenceMillis) {
          silent.add(driver);
        }
      });
    }
    for (KeyValue<String, DriverPosition> driver : silent) {
      if (driver.value.available()) {
        forward(driver.value.cell(), -1, streamTime);
      }
      drivers.delete(driver.key);
    }
  }

  private void forward(String cell, int amount, long eventTime) {
    context.forward(new Record<>(cell, CellDelta.self(Measure.AVAILABLE_DRIVER, amount), eventTime));
  }
}
