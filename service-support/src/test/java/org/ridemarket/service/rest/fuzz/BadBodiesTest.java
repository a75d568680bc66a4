package org.ridemarket.service.rest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

public class BadBodiesTest {

  /** A valid body of {@code InputHardeningTest.Trip}. */
  public static final String VALID = "{\"riderId\": \"rider-42\", \"pickup\": {\"lat\": 40.75, \"lon\": -73.98}, "
      + "\"amount\": 1850, \"at\": \"" + Instant.now().minusSeconds(60) + "\", \"seats\": 2}";

  @Test
  void shouldGenerateTheSameBodiesFromTheSameSeed() {
    // given two generators with one seed

    // when
    List<BadBody> first = new BadBodies(VALID, 42).generate(500);
    List<BadBody> second = new BadBodies(VALID, 42).generate(500);

    // then
    assertThat(first).extracting(BadBody::text).containsExactlyElementsOf(second.stream().map(BadBody::text).toList());
  }

  @Test
  void shouldGenerateEveryKindOfDamage() {
    // given
    BadBodies bodies = new BadBodies(VALID, 7);

    // when
    List<String> kinds = bodies.generate(2000).stream().map(BadBody::mutation).distinct().sorted().toList();

    // then
    assertThat(kinds).contains("duplicate-key", "trailing-garbage", "truncated", "wrong-type", "bad-number",
        "control-character", "lone-surrogate", "over-long", "card-in-field", "card-as-number", "card-in-unknown-field",
        "card-as-field-name", "card-in-array", "card-nested", "deep-nesting", "extreme-instant", "random-bytes");
  }
}
