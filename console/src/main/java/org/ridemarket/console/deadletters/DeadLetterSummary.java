package org.ridemarket.console.deadletters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.ridemarket.console.config.ConsoleConfig;
import org.ridemarket.contracts.events.DeadLetter;

/**
 * Dead letters per reason, with the latest few examples of each. The rejected record's key and value are
 * never kept (they may carry anything a producer sent), and any long run of digits in a detail is masked,
 * so nothing that could be a card number reaches the page.
 */
@ApplicationScoped
public class DeadLetterSummary {

  // 12 or more digits, possibly separated by spaces, dots, dashes or slashes: the shape of a card number.
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[\\s./-]?\\d){11,}");
  private static final int MAX_DETAIL = 300;

  private final int examplesPerReason;
  private final Map<String, Entry> reasons = new TreeMap<>();

  @Inject
  public DeadLetterSummary(ConsoleConfig config) {
    this(config.deadLetterExamples());
  }

  DeadLetterSummary(int examplesPerReason) {
    this.examplesPerReason = examplesPerReason;
  }

  /** Counts a dead letter under its reason and keeps it as the reason's latest example. */
  public synchronized void add(DeadLetter letter) {
    Entry entry = reasons.computeIfAbsent(letter.getReason(), reason -> new Entry());
    entry.count++;
    entry.examples.addFirst(new DeadLetterExample(letter.getEventTime().toEpochMilli(), letter.getApplication(),
        letter.getSourceTopic(), letter.getSourcePartition(), letter.getSourceOffset(), mask(letter.getDetail())));
    if (entry.examples.size() > examplesPerReason) {
      entry.examples.removeLast();
    }
  }

  /** Every reason seen, most frequent first, with its latest examples, newest first. */
  public synchronized List<DeadLetterReason> reasons() {
    List<DeadLetterReason> result = new ArrayList<>();
    reasons.forEach((reason, entry) -> result.add(new DeadLetterReason(reason, entry.count, List.copyOf(entry.examples))));
    result.sort(Comparator.comparingLong(DeadLetterReason::count).reversed());
    return result;
  }

  static String mask(String detail) {
    String masked = DIGIT_RUN.matcher(detail == null ? "" : detail).replaceAll("[digits]");
    return masked.length() > MAX_DETAIL ? masked.substring(0, MAX_DETAIL) + "…" : masked;
  }

  private static final class Entry {
    private long count;
    private final Deque<DeadLetterExample> examples = new ArrayDeque<>();
  }

  /** One reason's count and latest examples. */
  public record DeadLetterReason(String reason, long count, List<DeadLetterExample> latest) {
  }

  /** Where a rejected record came from and why, without its content. */
  public record DeadLetterExample(long eventTime, String application, String sourceTopic, int sourcePartition,
      long sourceOffset, String detail) {
  }
}
