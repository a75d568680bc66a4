package org.ridemarket.stack;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ridemarket.contracts.events.DeadLetter;

/**
 * Which dead letters a replay takes: by reason, by source topic, by when they were dead-lettered and by
 * their offsets in the dead-letter topic. An empty set or a null bound takes everything.
 *
 * @param reasons reason codes, e.g. OUT_OF_SERVICE_AREA
 * @param topics source topics, e.g. rides.requests
 * @param from dead-lettered at or after (inclusive), or null
 * @param to dead-lettered before (exclusive), or null
 * @param fromOffset first offset of the dead-letter topic taken (inclusive)
 * @param toOffset offset of the dead-letter topic where the selection ends (exclusive)
 */
record DeadLetterSelection(Set<String> reasons, Set<String> topics, Instant from, Instant to, long fromOffset,
    long toOffset) {

  static final String USAGE = """
      usage: ./stack dead-letters [--reason R[,R...]] [--topic T[,T...]] [--from INSTANT] [--to INSTANT]
                                  [--offsets FROM-TO] [--replay [--force]]
        lists the selected dead letters (a dry run); --replay writes each back to its topic, once
        (--force replays letters the ledger says were replayed already). INSTANT is ISO-8601 (2026-12-02T13:00:00Z),
        the time a letter was written; FROM-TO are offsets of features.dead-letters, TO exclusive.""";

  /** Everything. */
  static DeadLetterSelection all() {
    return new DeadLetterSelection(Set.of(), Set.of(), null, null, 0, Long.MAX_VALUE);
  }

  /**
   * Parses the selection options of the command line; {@code --replay} and {@code --force} are the
   * caller's and are skipped here.
   *
   * @throws IllegalArgumentException naming the option and what is wrong with it
   */
  static DeadLetterSelection parse(List<String> args) {
    DeadLetterSelection selection = all();
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (option.equals("--replay") || option.equals("--force")) {
        continue;
      }
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(option + ": needs a value");
      }
      String value = args.get(++i);
      selection = switch (option) {
        case "--reason" -> selection.withReasons(split(value));
        case "--topic" -> selection.withTopics(split(value));
        case "--from" -> selection.withTimes(instant(option, value), selection.to());
        case "--to" -> selection.withTimes(selection.from(), instant(option, value));
        case "--offsets" -> selection.withOffsets(option, value);
        default -> throw new IllegalArgumentException(option + ": not an option of dead-letters");
      };
    }
    return selection;
  }

  /** Whether the letter at {@code offset} of the dead-letter topic is selected. */
  boolean matches(long offset, DeadLetter letter) {
    Instant written = letter.getEventTime();
    return offset >= fromOffset && offset < toOffset
        && (reasons.isEmpty() || reasons.contains(letter.getReason()))
        && (topics.isEmpty() || topics.contains(letter.getSourceTopic()))
        && (from == null || !written.isBefore(from))
        && (to == null || written.isBefore(to));
  }

  private DeadLetterSelection withReasons(Set<String> values) {
    return new DeadLetterSelection(values, topics, from, to, fromOffset, toOffset);
  }

  private DeadLetterSelection withTopics(Set<String> values) {
    return new DeadLetterSelection(reasons, values, from, to, fromOffset, toOffset);
  }

  private DeadLetterSelection withTimes(Instant newFrom, Instant newTo) {
    if (newFrom != null && newTo != null && !newFrom.isBefore(newTo)) {
      throw new IllegalArgumentException("--from: " + newFrom + " is not before --to " + newTo);
    }
    return new DeadLetterSelection(reasons, topics, newFrom, newTo, fromOffset, toOffset);
  }

  private DeadLetterSelection withOffsets(String option, String value) {
    String[] bounds = value.split("-", -1);
    try {
      long first = Long.parseLong(bounds[0]);
      long end = bounds.length == 2 && !bounds[1].isEmpty() ? Long.parseLong(bounds[1]) : Long.MAX_VALUE;
      if (bounds.length != 2 || first < 0 || end <= first) {
        throw new NumberFormatException();
      }
      return new DeadLetterSelection(reasons, topics, from, to, first, end);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + value + "' is not FROM-TO (offsets, FROM < TO) or FROM-");
    }
  }

  private static Instant instant(String option, String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + ": '" + value + "' is not an ISO-8601 instant such as "
          + "2026-12-02T13:00:00Z");
    }
  }

  private static Set<String> split(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(part -> !part.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
