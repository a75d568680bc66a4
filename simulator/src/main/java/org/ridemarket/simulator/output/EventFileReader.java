package org.ridemarket.simulator.output;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/** Replays an event log written by {@link EventFileSink}, in the order it was written. */
public final class EventFileReader implements Iterator<EncodedEvent>, AutoCloseable {

  private final Path path;
  private final DataInputStream in;
  private final List<String> topics = new ArrayList<>();
  private long previousTime;
  private EncodedEvent next;
  private boolean ended;

  /** Opens the log at {@code path}; fails when it is not an event log. */
  public EventFileReader(Path path) {
    this.path = path;
    try {
      InputStream file = Files.newInputStream(path);
      if (path.getFileName().toString().endsWith(".gz")) {
        file = new GZIPInputStream(file, EventFileFormat.BUFFER_BYTES);
      }
      this.in = new DataInputStream(new BufferedInputStream(file, EventFileFormat.BUFFER_BYTES));
      if (in.readInt() != EventFileFormat.MAGIC) {
        throw new IllegalArgumentException(path + " is not a ridemarket event log");
      }
      int version = in.readInt();
      if (version != EventFileFormat.VERSION) {
        throw new IllegalArgumentException(path + " has event log version " + version
            + ", this reader knows " + EventFileFormat.VERSION);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open event log " + path, e);
    }
  }

  /** Reads a whole log into memory; for tests and small logs. */
  public static List<EncodedEvent> readAll(Path path) {
    List<EncodedEvent> events = new ArrayList<>();
    try (EventFileReader reader = new EventFileReader(path)) {
      reader.forEachRemaining(events::add);
    }
    return events;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !ended) {
      try {
        next = readNext();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read event log " + path + ": " + e.getMessage(), e);
      }
      ended = next == null;
    }
    return next != null;
  }

  @Override
  public EncodedEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    EncodedEvent current = next;
    next = null;
    return current;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close event log " + path, e);
    }
  }

  private EncodedEvent readNext() throws IOException {
    while (true) {
      int entry = in.read();
      if (entry < 0) {
        return null;
      }
      try {
        if (entry == EventFileFormat.TOPIC_ENTRY) {
          int number = in.readUnsignedByte();
          if (number != topics.size()) {
            throw new IOException("topic entry " + number + " out of sequence");
          }
          topics.add(new String(bytes(), StandardCharsets.UTF_8));
        } else if (entry == EventFileFormat.EVENT_ENTRY) {
          return readEvent();
        } else {
          throw new IOException("unknown entry type " + entry);
        }
      } catch (EOFException e) {
        throw new IOException("the log is truncated", e);
      }
    }
  }

  private EncodedEvent readEvent() throws IOException {
    int number = in.readUnsignedByte();
    if (number >= topics.size()) {
      throw new IOException("event refers to unknown topic number " + number);
    }
    long zigZag = readVarLong();
    previousTime += (zigZag >>> 1) ^ -(zigZag & 1);
    byte[] key = bytes();
    byte[] value = bytes();
    return new EncodedEvent(topics.get(number), new String(key, StandardCharsets.UTF_8), key, value, previousTime);
  }

  private byte[] bytes() throws IOException {
    long length = readVarLong();
    if (length < 0 || length > Integer.MAX_VALUE - 8) {
      throw new IOException("implausible length " + length);
    }
    byte[] bytes = new byte[(int) length];
    in.readFully(bytes);
    return bytes;
  }

  private long readVarLong() throws IOException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("varint longer than 64 bits");
  }
}
