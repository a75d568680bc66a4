package org.ridemarket.fraud.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CardNumbersTest {

  @Test
  void shouldRecogniseTestCardNumbersWrittenAnyWay() {
    assertThat(CardNumbers.looksLikeCardNumber("4111111111111111")).isTrue();
    assertThat(CardNumbers.looksLikeCardNumber("4111 1111 1111 1111")).isTrue();
    assertThat(CardNumbers.looksLikeCardNumber("4111-1111-1111-1111")).isTrue();
    assertThat(CardNumbers.looksLikeCardNumber("378282246310005")).as("Amex, 15 digits").isTrue();
    assertThat(CardNumbers.looksLikeCardNumber("6011111111111117")).isTrue();
  }

  @Test
  void shouldLetDigitStringsThatFailLuhnOrLengthPass() {
    assertThat(CardNumbers.looksLikeCardNumber("4111111111111112")).as("16 digits, not Luhn").isFalse();
    assertThat(CardNumbers.looksLikeCardNumber("411111111111")).as("12 digits").isFalse();
    assertThat(CardNumbers.looksLikeCardNumber("41111111111111111111")).as("20 digits").isFalse();
    assertThat(CardNumbers.looksLikeCardNumber("fp_4111111111111111")).isFalse();
  }

  @Test
  void shouldNameTheFieldOfACardNumberAnywhereInTheBody() {
    assertThat(find("{\"cardFingerprint\": \"4111 1111 1111 1111\"}")).contains("cardFingerprint");
    assertThat(find("{\"amountMinor\": 4111111111111111}")).contains("amountMinor");
    assertThat(find("{\"extra\": {\"cards\": [\"x\", \"4111-1111-1111-1111\"]}}")).contains("extra.cards[1]");
    assertThat(find("{\"big\": 4111111111111111.0}")).contains("big");
    assertThat(find("{\"id\": \"4111111111111112\", \"lat\": 40.75}")).isEmpty();
    assertThat(find("{not json")).isEmpty();
  }

  private static java.util.Optional<String> find(String json) {
    return CardNumbers.findIn(json.getBytes(StandardCharsets.UTF_8));
  }
}
