package org.ridemarket.eta.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ridemarket.service.rest.Coordinates;
import org.ridemarket.service.rest.route.ValidationAgreement;

class EtaRequestChecksTest {

  @Test
  void shouldRefuseByHandWhatTheAnnotationsRefuseInTheSameWords() {
    // given a valid ETA request, and variants of it with awkward values
    EtaRequestBody valid = new EtaRequestBody(new Coordinates(40.75, -73.98), new Coordinates(40.76, -73.97),
        Instant.parse("2026-11-23T22:15:00Z"), "trip-1");

    // when both validations judge every variant
    ValidationAgreement.Report report = new ValidationAgreement().compare(EtaRequestBody.class, valid);

    // then they agree on each, and the variants were mostly invalid ones
    assertThat(report.disagreements()).isEmpty();
    assertThat(report.compared()).isGreaterThan(80);
    assertThat(report.invalid()).isGreaterThan(report.compared() / 3);
  }
}
