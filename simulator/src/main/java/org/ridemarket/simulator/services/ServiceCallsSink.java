package org.ridemarket.simulator.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.serde.AvroSerde;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventSink;

/**
 * Calls the live services as the city's apps would, from the events the simulator emits: the driver
 * app asks the eta-service for the trip's ETA at pick-up (with the trip id, so the service can join the
 * actual duration at drop-off), and the payment gateway asks the fraud-service to score every payment.
 * Calls are asynchronous and their answers never change the simulation; at most {@value #MAX_IN_FLIGHT}
 * are in flight, and an event that finds no free slot is skipped and counted rather than slowing the city.
 */
public final class ServiceCallsSink implements EventSink {

  static final int MAX_IN_FLIGHT = 64;
  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  // The eta-service takes a departure near now only; an event time further off (a replayed day) is left out.
  private static final Duration LIVE_SKEW = Duration.ofMinutes(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Semaphore slots;
  private final int maxInFlight;
  private final LiveServices services;
  private final AvroSerde<TripEvent> trips = new AvroSerde<>(TripEvent.class);
  private final AvroSerde<PaymentAttempted> payments = new AvroSerde<>(PaymentAttempted.class);
  private final Calls eta = new Calls();
  private final Calls fraud = new Calls();

  /** Calls {@code services}; either URL may be null. */
  public ServiceCallsSink(LiveServices services) {
    this(services, MAX_IN_FLIGHT);
  }

  ServiceCallsSink(LiveServices services, int maxInFlight) {
    this.services = services;
    this.maxInFlight = maxInFlight;
    this.slots = new Semaphore(maxInFlight);
  }

  @Override
  public void accept(EncodedEvent event) {
    if (services.etaUrl() != null && event.topic().equals(Topics.TRIP_EVENTS.name())) {
      TripEvent trip = trips.deserialize(event.topic(), event.value());
      if (trip.getType() == TripEventType.PICKED_UP) {
        call(eta, HttpRequest.newBuilder(services.etaUrl().resolve("/eta")), etaBody(trip), "etaSeconds");
      }
    } else if (services.fraudUrl() != null && event.topic().equals(Topics.PAYMENTS.name())) {
      PaymentAttempted payment = payments.deserialize(event.topic(), event.value());
      call(fraud, HttpRequest.newBuilder(services.fraudUrl().resolve("/payments/score"))
          .header("X-Api-Key", services.fraudApiKey()), scoreBody(payment), "decision");
    }
  }

  /** Waits up to five seconds for the calls in flight. */
  @Override
  public void close() {
    try {
      if (slots.tryAcquire(maxInFlight, 5, TimeUnit.SECONDS)) {
        slots.release(maxInFlight);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One line per service for the run's summary. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    if (services.etaUrl() != null) {
      out.append("eta: ").append(eta.describe("ETAs")).append(" from ").append(services.etaUrl()).append('\n');
    }
    if (services.fraudUrl() != null) {
      out.append("fraud: ").append(fraud.describe("decisions")).append(" from ").append(services.fraudUrl())
          .append('\n');
    }
    return out.toString();
  }

  Calls etaCalls() {
    return eta;
  }

  Calls fraudCalls() {
    return fraud;
  }

  private void call(Calls calls, HttpRequest.Builder request, ObjectNode body, String answerField) {
    if (!slots.tryAcquire()) {
      calls.skipped.increment();
      return;
    }
    calls.sent.increment();
    client.sendAsync(request.timeout(TIMEOUT).header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString())
        .whenComplete((response, error) -> {
          try {
            calls.record(response, error, answerField);
          } finally {
            slots.release();
          }
        });
  }

  static ObjectNode etaBody(TripEvent trip) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("origin").put("lat", trip.getPickup().getLat()).put("lon", trip.getPickup().getLon());
    body.putObject("destination").put("lat", trip.getDropoff().getLat()).put("lon", trip.getDropoff().getLon());
    Instant departure = trip.getEventTime();
    if (Duration.between(Instant.now(), departure).abs().compareTo(LIVE_SKEW) < 0) {
      body.put("departureTime", departure.toString());
    }
    body.put("tripId", trip.getTripId());
    return body;
  }

  static ObjectNode scoreBody(PaymentAttempted payment) {
    ObjectNode body = JSON.createObjectNode();
    body.put("transactionId", payment.getTransactionId());
    body.put("cardFingerprint", payment.getCardFingerprint());
    body.put("userId", payment.getUserId());
    body.put("deviceId", payment.getDeviceId());
    body.put("amountMinor", payment.getAmountMinor());
    body.put("currency", payment.getCurrency());
    body.putObject("location").put("lat", payment.getLocation().getLat()).put("lon", payment.getLocation().getLon());
    if (payment.getMerchantId() != null) {
      body.put("merchantId", payment.getMerchantId());
    }
    if (payment.getTripId() != null) {
      body.put("tripId", payment.getTripId());
    }
    body.put("eventTime", payment.getEventTime().toString());
    return body;
  }

  /** What happened to one service's calls; updated from the HTTP client's threads. */
  static final class Calls {

    final LongAdder sent = new LongAdder();
    final LongAdder ok = new LongAdder();
    final LongAdder failed = new LongAdder();
    final LongAdder skipped = new LongAdder();
    final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    volatile String lastFailure = "none";

    void record(HttpResponse<String> response, Throwable error, String answerField) {
      if (error != null) {
        fail(error.toString());
        return;
      }
      if (response.statusCode() / 100 != 2) {
        fail("HTTP " + response.statusCode() + ": " + response.body());
        return;
      }
      try {
        JsonNode answer = JSON.readTree(response.body());
        ok.increment();
        if (answer.path("degraded").asBoolean(false)) {
          answers.computeIfAbsent("degraded", k -> new LongAdder()).increment();
        }
        JsonNode value = answer.path(answerField);
        if (value.isTextual()) {
          answers.computeIfAbsent(value.asText(), k -> new LongAdder()).increment();
        }
      } catch (Exception e) {
        fail("unreadable answer: " + e.getMessage());
      }
    }

    String describe(String what) {
      Map<String, Long> counts = new TreeMap<>();
      answers.forEach((key, count) -> counts.put(key, count.sum()));
      return ok.sum() + " " + what + " of " + sent.sum() + " calls" + (counts.isEmpty() ? "" : " " + counts) + ", "
          + failed.sum() + " failed (last: " + lastFailure + "), " + skipped.sum() + " skipped (too many in flight)";
    }

    private void fail(String why) {
      failed.increment();
      lastFailure = why.length() > 200 ? why.substring(0, 200) : why;
    }
  }
}
