package org.ridemarket.features.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.DriverStatus;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.topologies.supplydemand.TestEvents;

/**
 * Input records through the monitor as the interceptor hands them over: 70 minutes of a steady stream, then 11
 * minutes of the same stream, shifted or not; the gauges Prometheus scrapes must show the shift and stay near 0
 * without one.
 */
class InputMonitorTest {

  private static final String CELL = Cells.cellOf(40.7484, -73.9857);
  private static final long START = Instant.parse("2026-12-02T08:00:00Z").toEpochMilli();
  private static final int PER_MINUTE = 60;
  private static final String SPEED = "speedMps";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InputMonitor monitor = new InputMonitor(registry);
  private final Random random = new Random(13);

  /** An unshifted stream (8 m/s again) stays near 0; a shift of one standard deviation (10 m/s) shows as 1. */
  @ParameterizedTest(name = "recent speeds {0} m/s: shift {1}")
  @CsvSource({"8, 0", "10, 1"})
  void shouldMeasureTheShiftOfTheRecentMinutes(double recentSpeed, double deviations) {
    // given an hour and ten minutes of pings at 8 ± 2 m/s, when eleven more minutes come at the recent speed
    pings(0, 70, 8);
    pings(70, 81, recentSpeed);

    // then the mean and every quantile moved by that many standard deviations (the alerts fire past 0.5 and 0.75)
    assertThat(gauge("feature_input_field_mean_shift", SPEED)).isCloseTo(deviations, within(0.2));
    for (double q : FieldStatistics.QUANTILES) {
      assertThat(quantileShift(SPEED, q)).as("quantile %s", q).isCloseTo(deviations, within(0.3));
    }
    // and fields that did not move stay quiet
    assertThat(gauge("feature_input_field_mean_shift", "headingDeg")).isCloseTo(0, within(0.2));
    assertThat(gauge("feature_input_field_missing_shift", "position.lat")).isCloseTo(0, within(0.01));
  }

  @Test
  void shouldShowARisingShareOfMissingValues() {
    // given trips whose fare is always there, when a third of the last eleven minutes' fares are missing
    for (int minute = 0; minute < 81; minute++) {
      for (int i = 0; i < PER_MINUTE; i++) {
        boolean missing = minute >= 70 && i % 3 == 0;
        TripEvent trip = TripEvent.newBuilder(
                TestEvents.trip(CELL, TripEventType.COMPLETED, Instant.ofEpochMilli(at(minute, i))))
            .setFareMinor(missing ? null : 1_500L + random.nextInt(500)).build();
        consume(Topics.TRIP_EVENTS.name(), at(minute, i), Topics.TRIP_EVENTS.valueSerde().serializer()
            .serialize(Topics.TRIP_EVENTS.name(), trip));
      }
    }

    // then the fare's missing share rose by a third; a field always there did not move
    assertThat(gauge("feature_input_field_missing_share", "fareMinor")).isCloseTo(1 / 3.0, within(0.01));
    assertThat(gauge("feature_input_field_missing_shift", "fareMinor")).isCloseTo(1 / 3.0, within(0.01));
    assertThat(gauge("feature_input_field_missing_shift", "driverId")).isZero();
  }

  @Test
  void shouldHaveNoVerdictWithoutABaseline() {
    // given twelve minutes of pings: ten recent ones, and one before them (60 values, under the 300 a baseline needs)
    pings(0, 12, 8);

    // then the shift is unknown, not 0
    assertThat(gauge("feature_input_field_mean_shift", SPEED)).isNaN();
  }

  @Test
  void shouldIgnoreRecordsThatAreNoEvents() {
    consume(Topics.DRIVER_LOCATIONS.name(), START, "not an event".getBytes());
    consume("supply-demand-deltas-by-cell-repartition", START, new byte[] {1, 2, 3});

    assertThat(registry.getMeters()).isEmpty();
  }

  private void pings(int fromMinute, int toMinute, double meanSpeed) {
    for (int minute = fromMinute; minute < toMinute; minute++) {
      for (int i = 0; i < PER_MINUTE; i++) {
        DriverLocationUpdated ping = DriverLocationUpdated.newBuilder(TestEvents.ping("driver-" + i, CELL,
                TestEvents.centerOf(CELL), DriverStatus.AVAILABLE, Instant.ofEpochMilli(at(minute, i))))
            .setSpeedMps(meanSpeed + 2 * random.nextGaussian()).setHeadingDeg(random.nextDouble() * 360).build();
        consume(Topics.DRIVER_LOCATIONS.name(), at(minute, i), Topics.DRIVER_LOCATIONS.valueSerde().serializer()
            .serialize(Topics.DRIVER_LOCATIONS.name(), ping));
      }
    }
  }

  private static long at(int minute, int i) {
    return START + minute * 60_000L + i * (60_000L / PER_MINUTE);
  }

  private void consume(String topic, long timestamp, byte[] value) {
    monitor.record(new ConsumerRecord<>(topic, 0, 0, timestamp, TimestampType.CREATE_TIME, 0, value.length,
        new byte[0], value, new RecordHeaders(), Optional.empty()));
  }

  private double quantileShift(String field, double q) {
    return registry.get("feature_input_field_quantile_shift").tag("field", field)
        .tag("quantile", Double.toString(q)).gauge().value();
  }

  private double gauge(String name, String field) {
    return registry.get(name).tag("topic", field.equals(SPEED) || field.equals("headingDeg")
        || field.startsWith("position") ? Topics.DRIVER_LOCATIONS.name() : Topics.TRIP_EVENTS.name())
        .tag("field", field).gauge().value();
  }
}
