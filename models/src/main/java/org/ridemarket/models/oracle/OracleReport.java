package org.ridemarket.models.oracle;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the oracle found, family by family: keys the replay has and Redis lacks (lost), keys Redis has and the
 * replay does not (extra), and fields whose values differ; a count above the replay's is a double count, one
 * below it a lost update.
 *
 * @param compared keys present on both sides
 * @param lost Redis keys the replay wrote and Redis does not hold
 * @param extra Redis keys the replay never wrote
 * @param differences fields that differ on keys present on both sides
 */
public record OracleReport(int compared, List<String> lost, List<String> extra, List<Difference> differences) {

  private static final int SHOWN = 15;

  /** One field of one key: what the replay says and what Redis holds ({@code null}: no such field). */
  public record Difference(String key, String field, String expected, String actual) {

    /** True when both are numbers and Redis holds more: an update counted twice. */
    public boolean overCounted() {
      return compareNumbers() > 0;
    }

    /** True when both are numbers and Redis holds less: an update lost. */
    public boolean underCounted() {
      return compareNumbers() < 0;
    }

    private int compareNumbers() {
      try {
        return Double.compare(Double.parseDouble(actual), Double.parseDouble(expected));
      } catch (NumberFormatException | NullPointerException e) {
        return 0;
      }
    }

    @Override
    public String toString() {
      return key + " " + field + ": replay " + expected + ", redis " + actual;
    }
  }

  public OracleReport {
    lost = List.copyOf(lost);
    extra = List.copyOf(extra);
    differences = List.copyOf(differences);
  }

  /** No lost or extra key and no differing field. */
  public boolean clean() {
    return lost.isEmpty() && extra.isEmpty() && differences.isEmpty();
  }

  /** Differing fields where Redis counts more than the replay. */
  public long overCounted() {
    return differences.stream().filter(Difference::overCounted).count();
  }

  /** Differing fields where Redis counts less than the replay. */
  public long underCounted() {
    return differences.stream().filter(Difference::underCounted).count();
  }

  @Override
  public String toString() {
    String summary = String.format("%d keys compared: %d lost, %d extra, %d differing fields (%d over, %d under)",
        compared, lost.size(), extra.size(), differences.size(), overCounted(), underCounted());
    if (clean()) {
      return summary;
    }
    return summary + Stream.of(
            lost.stream().limit(SHOWN).map(key -> "lost " + key),
            extra.stream().limit(SHOWN).map(key -> "extra " + key),
            differences.stream().limit(SHOWN).map(Difference::toString))
        .flatMap(lines -> lines).collect(Collectors.joining("\n  ", "\n  ", ""));
  }
}
