package org.ridemarket.models.oracle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.events.Product;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.simulator.output.EncodedEvent;

/**
 * The end of a run for the oracle (ADR 0020): one valid ride request on every partition of
 * {@code rides.requests}, in Midtown cells chosen by partition, at one event time 20 s after the run's last
 * event and in the middle of a 10-s bucket. Every input task of supply/demand then reaches that stream time
 * and ticks every per-cell task to it, so each cell's windows end in the same bucket live and in the replay,
 * however the partitions' stream times stood when the run stopped.
 */
public final class ClosingEvents {

  /** Herald Square: the closing requests go to cells around it, inside any service area of the city. */
  private static final double LAT = 40.7505;
  private static final double LON = -73.9880;
  private static final long BUCKET_MILLIS = 10_000;
  private static final Duration AFTER_LAST = Duration.ofSeconds(20);

  private ClosingEvents() {
  }

  /** The closing time after a run whose newest input event is at {@code lastEventTime}: mid-bucket, 20 s on. */
  public static long closingTime(long lastEventTime) {
    long later = lastEventTime + AFTER_LAST.toMillis();
    return Math.floorDiv(later, BUCKET_MILLIS) * BUCKET_MILLIS + BUCKET_MILLIS / 2;
  }

  /** The newest event time of {@code events}. */
  public static long lastEventTime(List<EncodedEvent> events) {
    return events.stream().mapToLong(EncodedEvent::eventTimeMillis).max()
        .orElseThrow(() -> new IllegalStateException("the run has no input events to close"));
  }

  /** Writes the closing requests at {@code closingTime} and returns their pickup cells, partition by partition. */
  public static List<String> write(String bootstrapServers, long closingTime) {
    int partitions = Topics.RIDE_REQUESTS.partitions();
    List<String> cells = cellsByPartition(partitions);
    Properties properties = new Properties();
    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
        new ByteArraySerializer())) {
      for (int partition = 0; partition < partitions; partition++) {
        String cell = cells.get(partition);
        byte[] value = Topics.RIDE_REQUESTS.valueSerde().serializer().serialize(Topics.RIDE_REQUESTS.name(),
            request(cell, closingTime));
        producer.send(new ProducerRecord<>(Topics.RIDE_REQUESTS.name(), partition, closingTime, cell, value))
            .get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while closing the run", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot write the closing requests: " + e.getMessage(), e);
    }
    return cells;
  }

  /** For each partition, a Midtown cell whose key the default partitioner puts there, as the simulator's would be. */
  static List<String> cellsByPartition(int partitions) {
    List<String> chosen = new ArrayList<>();
    List<String> disk = Cells.h3().gridDisk(Cells.cellOf(LAT, LON), 4);
    for (int partition = 0; partition < partitions; partition++) {
      int wanted = partition;
      chosen.add(disk.stream().filter(cell -> partitionOf(cell, partitions) == wanted).findFirst()
          .orElseThrow(() -> new IllegalStateException("no cell near Herald Square for partition " + wanted)));
    }
    return chosen;
  }

  private static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  private static RideRequested request(String cell, long eventTime) {
    var center = Cells.h3().cellToLatLng(cell);
    GeoPoint point = new GeoPoint(center.lat, center.lng);
    UUID id = UUID.randomUUID();
    return RideRequested.newBuilder().setEventId(id).setEventTime(Instant.ofEpochMilli(eventTime))
        .setRequestId("closing-" + id).setRiderId("oracle").setPickup(point).setDropoff(point).setPickupCell(cell)
        .setProduct(Product.STANDARD).build();
  }
}
