package org.ridemarket.service.rest.fuzz;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/** The damaged values {@link BadBodies} puts into bodies: numbers, characters, card numbers, instants. */
final class Mutations {

  /** Separators a card number may be written with; NBSP and the other Unicode spaces included. */
  static final List<String> SEPARATORS = List.of("", " ", "  ", "\u00a0", "\u2007", "\u202f", "\u2009", "\u3000",
      ".", "-", "/", "_", "\u2010", "\u2013", "\u2014", "\u2212", "\t");

  private final Random random;

  Mutations(Random random) {
    this.random = random;
  }

  String badNumber() {
    return switch (random.nextInt(8)) {
      case 0 -> "NaN";
      case 1 -> "Infinity";
      case 2 -> "-Infinity";
      case 3 -> "1e309";
      case 4 -> "-1e309";
      case 5 -> "1e99999";
      // More digits than a double holds, so that every number type refuses them while reading.
      case 6 -> "-" + digits(310 + random.nextInt(300));
      default -> digits(310 + random.nextInt(400));
    };
  }

  String controlCharacter() {
    int c = random.nextInt(3) == 0 ? 0 : random.nextInt(4) == 0 ? 0x7f + random.nextInt(0x21) : random.nextInt(0x20);
    return String.valueOf((char) c);
  }

  String loneSurrogate() {
    return List.of("\ud800", "\udbff", "\udc00", "\udfff", "\ude00\ud83d", "\ud83dx").get(random.nextInt(6));
  }

  String insert(String text, String inserted) {
    int at = random.nextInt(text.length() + 1);
    return text.substring(0, at) + inserted + text.substring(at);
  }

  String word(int length) {
    StringBuilder word = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  /** A card number: 13 to 19 digits passing Luhn, first digit 3 to 6 (so that it is also a JSON number). */
  String cardDigits() {
    int length = 13 + random.nextInt(7);
    int[] digits = new int[length];
    digits[0] = 3 + random.nextInt(4);
    for (int i = 1; i < length - 1; i++) {
      digits[i] = random.nextInt(10);
    }
    int sum = 0;
    for (int i = length - 2, fromRight = 1; i >= 0; i--, fromRight++) {
      int d = digits[i];
      if (fromRight % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    digits[length - 1] = (10 - sum % 10) % 10;
    StringBuilder text = new StringBuilder(length);
    for (int digit : digits) {
      text.append(digit);
    }
    return text.toString();
  }

  /** The digits in groups of 4 (or random groups), joined by one separator. */
  String withSeparators(String digits) {
    String separator = SEPARATORS.get(random.nextInt(SEPARATORS.size()));
    StringBuilder written = new StringBuilder();
    int group = random.nextBoolean() ? 4 : 1 + random.nextInt(6);
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && i % group == 0) {
        written.append(separator);
      }
      written.append(digits.charAt(i));
    }
    return written.toString();
  }

  String extremeInstant() {
    // Today, not now: the same seed gives the same bodies all day.
    Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS);
    return List.of("+1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z", "+300000-01-01T00:00:00Z",
        "0000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "+1000000001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", now.plus(Duration.ofDays(400)).toString(),
        now.minus(Duration.ofDays(400)).toString(), now.plus(Duration.ofDays(40)).toString(),
        "2026-13-45T99:99:99Z", "").get(random.nextInt(14));
  }

  String extremeEpoch() {
    return List.of("99999999999999999999", "-99999999999999", "1e30", "0", "253402300800", "-62167219200",
        "1.5e12", "-1e309", "1e99999", "NaN").get(random.nextInt(10));
  }

  private String digits(int length) {
    StringBuilder digits = new StringBuilder(length).append((char) ('1' + random.nextInt(9)));
    for (int i = 1; i < length; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }
}
