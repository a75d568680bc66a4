package org.ridemarket.service.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ridemarket.service.rest.ErrorResponse.FieldError;
import org.ridemarket.service.rest.json.InputHardening;

class InputHardeningTest {

  static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

  record Point(Double lat, Double lon) {
  }

  record Trip(String riderId, Point pickup, Long amount, Instant at, Integer seats) {
  }

  private final ObjectMapper mapper = hardened();

  @Test
  void shouldReadAValidBody() throws Exception {
    // given
    String json = """
        {"riderId": "rider-42", "pickup": {"lat": 40.75, "lon": -73.98}, "amount": 1850.0,
         "at": "2026-12-02T07:59:00Z", "seats": 2, "extra": {"notes": ["ok", 12.5]}}""";

    // when
    Trip trip = mapper.readValue(json, Trip.class);

    // then
    assertThat(trip).isEqualTo(new Trip("rider-42", new Point(40.75, -73.98), 1850L, NOW.minusSeconds(60), 2));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      duplicate key         | {"riderId": "a", "pickup": {"lat": 1, "lat": 2}}       | pickup.lat | appears more than once
      trailing garbage      | {"riderId": "a"} x                                    | body       | is not valid JSON at line 1, column 18
      trailing value        | {"riderId": "a"} {}                                   | body       | must hold one JSON value and nothing after it
      overflow to infinity  | {"pickup": {"lat": 1e309}}                            | pickup.lat | must be a finite number
      NaN                   | {"pickup": {"lon": NaN}}                              | pickup.lon | must be a finite number
      NaN as a string       | {"pickup": {"lon": "NaN"}}                            | pickup.lon | must be a number
      huge integer          | {"amount": 123456789012345678901234567890}            | amount     | must be between -9223372036854775807 and 9223372036854775807
      fraction for a long   | {"amount": 18.5}                                      | amount     | must be a whole number
      huge exponent         | {"amount": 1e999999999}                               | amount     | must be between -9223372036854775807 and 9223372036854775807
      int out of range      | {"seats": 3000000000}                                 | seats      | must be between -2147483647 and 2147483647
      NUL in a string       | {"riderId": "a\\u0000b"}                              | riderId    | must not contain control characters
      lone surrogate        | {"riderId": "a\\ud800b"}                              | riderId    | must be valid Unicode (a lone surrogate)
      number for a string   | {"riderId": 42}                                       | riderId    | must be a string
      year one billion      | {"at": "+1000000000-01-01T00:00:00Z"}                 | at         | must be at most 30 days in the past and 1 day ahead
      year 300000           | {"at": "+300000-01-01T00:00:00Z"}                     | at         | must be at most 30 days in the past and 1 day ahead
      year 0                | {"at": "0000-01-01T00:00:00Z"}                        | at         | must be at most 30 days in the past and 1 day ahead
      beyond Instant.MAX    | {"at": "+1000000001-01-01T00:00:00Z"}                 | at         | must be an ISO-8601 instant, e.g. 2026-11-21T18:04:05Z
      epoch seconds too big | {"at": 99999999999999999999}                          | at         | must be an ISO-8601 instant, e.g. 2026-11-21T18:04:05Z
      two days ahead        | {"at": "2026-12-04T08:00:00Z"}                        | at         | must be at most 30 days in the past and 1 day ahead
      unknown NUL           | {"extra": {"deep": ["a\\u0000"]}}                     | extra.deep[0] | must not contain control characters
      unknown NUL name      | {"extra": {"a\\u0000": 1}}                            | extra      | has a field name that must not contain control characters
      unknown NUL first     | {"extra": ["a\\u0000"], "riderId": "a"}              | extra[0]   | must not contain control characters
      """)
  void shouldRefuseABadBodyNamingTheField(String what, String json, String field, String message) {
    // given a body that is bad in one field

    // when
    ErrorResponse error = refusal(json);

    // then
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.errors()).containsExactly(new FieldError(field, message));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      known string              | {"riderId": "4111 1111 1111 1111"}                          | riderId
      non-breaking spaces       | {"riderId": "4111\\u00a01111\\u00a01111\\u00a01111"}          | riderId
      dots                      | {"riderId": "4111.1111.1111.1111"}                          | riderId
      number for a string       | {"riderId": 4111111111111111}                               | riderId
      number for a long         | {"amount": 4111111111111111}                                | amount
      exponent for a long       | {"amount": 4.111111111111111E15}                            | amount
      number for a double       | {"pickup": {"lat": 4111111111111111}}                       | pickup.lat
      string for a double       | {"pickup": {"lat": "4111-1111-1111-1111"}}                  | pickup.lat
      unknown field             | {"pan": "4111111111111111", "riderId": "a"}                  | pan
      unknown nested array      | {"meta": {"notes": ["ok", "5500 0000 0000 0004"]}}           | meta.notes[1]
      unknown array             | {"riderId": "a", "notes": ["ok", 7, "5500 0000 0000 0004"]}  | notes[2]
      unknown before known      | {"meta": {"notes": ["ok", "5500 0000 0000 0004"]}, "riderId": "a"} | meta.notes[1]
      unknown array before      | {"notes": ["ok", "5500 0000 0000 0004"], "riderId": "a", "seats": 1} | notes[1]
      unknown first in a record | {"pickup": {"card": "4111111111111111", "lat": 1}, "riderId": "a"} | pickup.card
      unknown name before known | {"pickup": {"4111111111111111": 1, "lat": 1}, "riderId": "a"} | pickup
      unknown in a known object | {"pickup": {"lat": 1, "card": 4111111111111111}}             | pickup.card
      unknown field name        | {"4111111111111111": true}                                   | body
      unknown nested name       | {"meta": {"x": {"4111/1111/1111/1111": 1}}}                  | meta.x
      every field given         | {"riderId": "a", "pickup": {"lat": 1, "lon": 2}, "amount": 1, "at": "2026-12-02T07:00:00Z", "seats": 1, "zz": [{"a": "4111111111111111"}]} | zz[0].a
      """)
  void shouldRefuseACardNumberAnywhereWithoutRepeatingIt(String what, String json, String field) {
    // given a body with a card number somewhere

    // when
    ErrorResponse error = refusal(json);

    // then
    assertThat(error.title()).isEqualTo(CardNumberRefusedException.TITLE);
    assertThat(error.errors()).containsExactly(new FieldError(field, CardNumberRefusedException.MESSAGE));
  }

  @Test
  void shouldNameADuplicateCardNumberKeyWithoutRepeatingIt() {
    // given a duplicate key that is a card number
    String json = "{\"4111111111111111\": 1, \"4111111111111111\": 2}";

    // when
    ErrorResponse error = refusal(json);

    // then
    assertThat(error.toString()).doesNotContain("4111");
  }

  private ErrorResponse refusal(String json) {
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
        () -> mapper.readValue(json, Trip.class));
    assertThat(e).as("refused: %s", json).isNotNull();
    return JsonErrors.describe(e);
  }

  static ObjectMapper hardened() {
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    new InputHardening(new InputScreen(256), limits(), Clock.fixed(NOW, ZoneOffset.UTC)).customize(mapper);
    return mapper;
  }

  static InputLimits limits() {
    return new InputLimits() {
      @Override
      public int maxStringLength() {
        return 256;
      }

      @Override
      public int maxNesting() {
        return 32;
      }

      @Override
      public int maxNumberLength() {
        return 64;
      }

      @Override
      public Duration maxInstantPast() {
        return Duration.ofDays(30);
      }

      @Override
      public Duration maxInstantAhead() {
        return Duration.ofDays(1);
      }
    };
  }
}
