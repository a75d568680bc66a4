package org.ridemarket.pricing.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ridemarket.pricing.QuoteApi;
import org.ridemarket.pricing.SurgeModelTestResource;
import org.ridemarket.stack.LocalStackTestResource;

/** A quote id in the path is screened like a body field and never repeated in an answer. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@WithTestResource(SurgeModelTestResource.class)
class QuoteIdTest {

  @Test
  void shouldNotRepeatAnUnknownQuoteId() {
    // given an id no quote has
    String id = UUID.randomUUID().toString();

    // when
    String answer = QuoteApi.get(id).statusCode(404).body("title", equalTo("no such quote")).extract().asString();

    // then
    assertThat(answer).doesNotContain(id);
  }

  @Test
  void shouldNotRepeatAnIdThatIsNotAUuid() {
    // given an id that is not a UUID

    // when
    String answer = QuoteApi.get("not-a-quote-id").statusCode(400).body("errors[0].field", equalTo("id"))
        .extract().asString();

    // then
    assertThat(answer).doesNotContain("not-a-quote-id");
  }

  @Test
  void shouldRefuseACardNumberAsTheQuoteIdWithoutRepeatingIt() {
    // given a card number where a quote id belongs

    // when
    String answer = QuoteApi.get("5500-0000-0000-0004").statusCode(400)
        .body("title", equalTo("card number refused")).body("errors[0].field", equalTo("id"))
        .extract().asString();

    // then
    assertThat(answer).doesNotContain("5500");
  }

  @Test
  void shouldRefuseACardNumberAsTheRiderId() {
    // given a card number, written with non-breaking spaces, as the rider id

    // when / then
    QuoteApi.post(QuoteApi.body("4111\u00a01111\u00a01111\u00a01111", 40.7549, -73.9840, 40.7527, -73.9772, "STANDARD"))
        .statusCode(400).body("title", equalTo("card number refused")).body("errors[0].field", equalTo("riderId"));
  }
}
