package org.ridemarket.simulator.output;

/**
 * Layout of the event log: a header (magic, version), then entries. A topic entry assigns a small
 * number to a topic name the first time it appears; an event entry carries that number, the event
 * time, the key bytes and the value bytes, lengths as unsigned varints.
 */
final class EventFileFormat {

  static final int MAGIC = 0x524D4556; // "RMEV"
  static final int VERSION = 1;
  static final int TOPIC_ENTRY = 1;
  static final int EVENT_ENTRY = 2;
  static final int MAX_TOPICS = 255;
  static final int BUFFER_BYTES = 1 << 20;

  private EventFileFormat() {
  }
}
