package org.ridemarket.importers;

import java.nio.file.Path;
import java.util.List;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.simulator.output.EncodedEvent;
import org.ridemarket.simulator.output.EventFileReader;

/** Reads back an event file the way replay does: each event decoded with its topic's serde. */
public final class ImportedEvents {

  private ImportedEvents() {
  }

  /** The events of the file on {@code topic}, in file order. */
  public static <V> List<V> of(Path eventFile, Topic<String, V> topic) {
    return EventFileReader.readAll(eventFile).stream()
        .filter(event -> event.topic().equals(topic.name()))
        .map(event -> topic.valueSerde().deserializer().deserialize(topic.name(), event.value()))
        .toList();
  }

  /** Every event of the file, encoded. */
  public static List<EncodedEvent> all(Path eventFile) {
    return EventFileReader.readAll(eventFile);
  }
}
