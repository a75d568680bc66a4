package org.ridemarket.service.rest.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ridemarket.service.rest.ErrorResponse.FieldError;
import org.ridemarket.service.rest.InvalidRequestException;

class FieldChecksTest {

  record Point(Double lat, Double lon) implements Checked {
    @Override
    public void check(FieldChecks checks) {
      checks.between("lat", lat, "-90.0", "90.0");
      checks.between("lon", lon, "-180.0", "180.0");
    }
  }

  record Trip(String id, Point from) implements Checked {
    @Override
    public void check(FieldChecks checks) {
      checks.notBlank("id", id);
      checks.size("id", id, 0, 4);
      checks.nested("from", from);
    }
  }

  @Test
  void shouldNameNestedFieldsSortedAndEveryViolationOfAField() {
    // given a trip whose id breaks two rules and whose point breaks one
    Trip trip = new Trip("     ", new Point(91.0, null));

    // when
    FieldChecks checks = FieldChecks.of(trip);

    // then every violation is named by its JSON path, sorted by field then message
    assertThat(checks.errors()).containsExactly(
        new FieldError("from.lat", "must be less than or equal to 90.0"),
        new FieldError("from.lon", "must not be null"),
        new FieldError("id", "must not be blank"),
        new FieldError("id", "size must be between 0 and 4"));
    assertThatThrownBy(checks::throwIfAny).isInstanceOfSatisfying(InvalidRequestException.class,
        refused -> assertThat(refused.errors()).hasSize(4));
  }

  @Test
  void shouldPassAValidValueAndTheBoundsThemselves() {
    assertThat(FieldChecks.of(new Trip("t-1", new Point(-90.0, 180.0))).errors()).isEmpty();
    FieldChecks.of(new Trip("t-1", new Point(90.0, -180.0))).throwIfAny();
  }

  @Test
  void shouldNameAMissingNestedObjectOnly() {
    assertThat(FieldChecks.of(new Trip("t-1", null)).errors())
        .containsExactly(new FieldError("from", "must not be null"));
  }
}
