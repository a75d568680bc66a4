package org.ridemarket.simulator.output;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Writes events to a compact binary log for replay (see {@link EventFileFormat}); a file name
 * ending in {@code .gz} is gzip-compressed. {@link EventFileReader} reads it back.
 */
public final class EventFileSink implements EventSink {

  private final Path path;
  private final DataOutputStream out;
  private final Map<String, Integer> topicNumbers = new HashMap<>();
  private long previousTime;

  /** Creates (or truncates) the log at {@code path}. */
  public EventFileSink(Path path) {
    this.path = path;
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      OutputStream file = Files.newOutputStream(path);
      if (path.getFileName().toString().endsWith(".gz")) {
        file = new GZIPOutputStream(file, EventFileFormat.BUFFER_BYTES);
      }
      this.out = new DataOutputStream(new BufferedOutputStream(file, EventFileFormat.BUFFER_BYTES));
      out.writeInt(EventFileFormat.MAGIC);
      out.writeInt(EventFileFormat.VERSION);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create event log " + path, e);
    }
  }

  @Override
  public void accept(EncodedEvent event) {
    try {
      int topic = topicNumber(event.topic());
      out.write(EventFileFormat.EVENT_ENTRY);
      out.write(topic);
      // Events come in event-time order, so the delta is small and usually zero.
      writeVarLong(zigZag(event.eventTimeMillis() - previousTime));
      previousTime = event.eventTimeMillis();
      writeVarLong(event.keyBytes().length);
      out.write(event.keyBytes());
      writeVarLong(event.value().length);
      out.write(event.value());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to event log " + path, e);
    }
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush event log " + path, e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close event log " + path, e);
    }
  }

  private int topicNumber(String topic) throws IOException {
    Integer known = topicNumbers.get(topic);
    if (known != null) {
      return known;
    }
    int number = topicNumbers.size();
    if (number >= EventFileFormat.MAX_TOPICS) {
      throw new IllegalStateException("an event log holds at most " + EventFileFormat.MAX_TOPICS + " topics");
    }
    topicNumbers.put(topic, number);
    byte[] name = topic.getBytes(StandardCharsets.UTF_8);
    out.write(EventFileFormat.TOPIC_ENTRY);
    out.write(number);
    writeVarLong(name.length);
    out.write(name);
    return number;
  }

  private static long zigZag(long value) {
    return (value << 1) ^ (value >> 63);
  }

  private void writeVarLong(long value) throws IOException {
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      out.write((int) ((rest & 0x7F) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }
}
