package org.ridemarket.models.surge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.events.TripEventType;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;

/**
 * What happened after each moment, per cell: the ride requests made there and which of them got a
 * driver. Known only in hindsight, so it is collected over the whole replay and asked afterwards.
 */
public final class HindsightLabels {

  private record Request(String cell, long time) {
  }

  /** Requests made in a cell during an interval, and how many of them a driver accepted. */
  public record Outcome(int requested, int served) {
  }

  private final Map<String, Request> requests = new HashMap<>();
  private final Set<String> served = new HashSet<>();
  private Map<String, long[]> timesByCell;
  private Map<String, int[]> servedPrefixByCell;

  /** Records a ride request or a driver's acceptance; other events are ignored. */
  public void accept(EncodedEvent event) {
    if (event.topic().equals(Topics.RIDE_REQUESTS.name())) {
      RideRequested request = Topics.RIDE_REQUESTS.valueSerde().deserializer().deserialize(event.topic(), event.value());
      requests.put(request.getRequestId(), new Request(request.getPickupCell(), event.eventTimeMillis()));
      timesByCell = null;
    } else if (event.topic().equals(Topics.TRIP_EVENTS.name())) {
      TripEvent trip = Topics.TRIP_EVENTS.valueSerde().deserializer().deserialize(event.topic(), event.value());
      if (trip.getType() == TripEventType.ACCEPTED) {
        served.add(trip.getRequestId());
        timesByCell = null;
      }
    }
  }

  /** The requests made in {@code cell} in [{@code from}, {@code to}) and how many got a driver. */
  public Outcome outcome(String cell, long from, long to) {
    index();
    long[] times = timesByCell.get(cell);
    if (times == null) {
      return new Outcome(0, 0);
    }
    int first = lowerBound(times, from);
    int end = lowerBound(times, to);
    int[] servedPrefix = servedPrefixByCell.get(cell);
    return new Outcome(end - first, servedPrefix[end] - servedPrefix[first]);
  }

  // Per cell: request times sorted, with a prefix count of served requests in the same order.
  private void index() {
    if (timesByCell != null) {
      return;
    }
    Map<String, List<Map.Entry<String, Request>>> byCell = new HashMap<>();
    for (Map.Entry<String, Request> entry : requests.entrySet()) {
      byCell.computeIfAbsent(entry.getValue().cell(), cell -> new ArrayList<>()).add(entry);
    }
    timesByCell = new HashMap<>();
    servedPrefixByCell = new HashMap<>();
    byCell.forEach((cell, entries) -> {
      entries.sort(Map.Entry.comparingByValue((a, b) -> Long.compare(a.time(), b.time())));
      long[] times = new long[entries.size()];
      int[] prefix = new int[entries.size() + 1];
      for (int i = 0; i < entries.size(); i++) {
        times[i] = entries.get(i).getValue().time();
        prefix[i + 1] = prefix[i] + (served.contains(entries.get(i).getKey()) ? 1 : 0);
      }
      timesByCell.put(cell, times);
      servedPrefixByCell.put(cell, prefix);
    });
  }

  private static int lowerBound(long[] sorted, long value) {
    int index = Arrays.binarySearch(sorted, value);
    if (index < 0) {
      return -index - 1;
    }
    while (index > 0 && sorted[index - 1] == value) {
      index--;
    }
    return index;
  }
}
