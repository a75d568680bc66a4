package org.ridemarket.pricing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ridemarket.service.rest.Coordinates;
import org.ridemarket.service.rest.route.ValidationAgreement;

class QuoteRequestChecksTest {

  @Test
  void shouldRefuseByHandWhatTheAnnotationsRefuseInTheSameWords() {
    // given a valid quote request, and variants of it with awkward values
    QuoteRequest valid = new QuoteRequest("rider-1", new Coordinates(40.75, -73.98), new Coordinates(40.76, -73.97),
        "STANDARD");

    // when both validations judge every variant
    ValidationAgreement.Report report = new ValidationAgreement().compare(QuoteRequest.class, valid);

    // then they agree on each, and the variants were mostly invalid ones
    assertThat(report.disagreements()).isEmpty();
    assertThat(report.compared()).isGreaterThan(80);
    assertThat(report.invalid()).isGreaterThan(report.compared() / 2);
  }
}
