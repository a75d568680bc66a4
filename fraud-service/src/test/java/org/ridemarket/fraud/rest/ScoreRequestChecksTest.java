package org.ridemarket.fraud.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ridemarket.service.rest.Coordinates;
import org.ridemarket.service.rest.route.ValidationAgreement;

class ScoreRequestChecksTest {

  @Test
  void shouldRefuseByHandWhatTheAnnotationsRefuseInTheSameWords() {
    // given a valid score request, and variants of it with awkward values
    ScoreRequest valid = new ScoreRequest("tx-1", "fp-1", "rider-1", "dev-1", 1850L, "USD",
        new Coordinates(40.75, -73.98), "merchant-1", null, Instant.parse("2026-11-21T18:04:05.120Z"));

    // when both validations judge every variant
    ValidationAgreement.Report report = new ValidationAgreement().compare(ScoreRequest.class, valid);

    // then they agree on each, and the variants were mostly invalid ones
    assertThat(report.disagreements()).isEmpty();
    assertThat(report.compared()).isGreaterThan(80);
    assertThat(report.invalid()).isGreaterThan(report.compared() / 2);
  }
}
