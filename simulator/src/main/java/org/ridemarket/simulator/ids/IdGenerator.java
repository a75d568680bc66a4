package org.ridemarket.simulator.ids;

import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Every identifier the simulator makes, drawn from its own seeded stream so that ids are
 * reproducible: version-4-shaped event UUIDs and prefixed hex ids for entities.
 */
public final class IdGenerator {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  // A run of this many digits could look like part of a card number to a PAN detector.
  private static final int MAX_DIGIT_RUN = 8;

  private final RandomGenerator rng;

  /** Ids drawn from {@code rng}, which nothing else should use. */
  public IdGenerator(RandomGenerator rng) {
    this.rng = rng;
  }

  /** A random (version 4, IETF variant) UUID from the seeded stream. */
  public UUID eventId() {
    long msb = (rng.nextLong() & 0xFFFF_FFFF_FFFF_0FFFL) | 0x0000_0000_0000_4000L;
    long lsb = (rng.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  /** {@code prefix} followed by {@code hexChars} random lowercase hex characters. */
  public String next(String prefix, int hexChars) {
    char[] chars = new char[prefix.length() + hexChars];
    prefix.getChars(0, prefix.length(), chars, 0);
    long bits = 0;
    for (int i = 0; i < hexChars; i++) {
      if (i % 16 == 0) {
        bits = rng.nextLong();
      }
      chars[prefix.length() + i] = HEX[(int) (bits & 0xF)];
      bits >>>= 4;
    }
    return new String(chars);
  }

  /** An opaque card fingerprint, {@code fp_} and 20 hex characters, never a long run of digits. */
  public String cardFingerprint() {
    while (true) {
      String candidate = next("fp_", 20);
      if (longestDigitRun(candidate) <= MAX_DIGIT_RUN) {
        return candidate;
      }
    }
  }

  /** Length of the longest run of consecutive decimal digits in {@code text}. */
  public static int longestDigitRun(CharSequence text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = Character.isDigit(text.charAt(i)) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
