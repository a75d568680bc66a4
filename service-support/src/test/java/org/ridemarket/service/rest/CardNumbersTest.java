package org.ridemarket.service.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardNumbersTest {

  @ParameterizedTest
  @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "4111.1111.1111.1111",
      "4111/1111/1111/1111", "4111\u00a01111\u00a01111\u00a01111", "4111\u20071111\u202f1111\u20091111",
      "4111\u20131111\u20141111\u20101111", "4111_1111_1111_1111", " 4111111111111111 ", "-4111111111111111",
      "378282246310005", "6011111111111117", "4222222222222", "6011000990139424",
      "\uff14\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11\uff11"})
  void shouldRecogniseCardNumbersWrittenAnyWay(String value) {
    // given a test card number with separators a person or a form may use (fullwidth digits too)

    // when / then
    assertThat(CardNumbers.looksLikeCardNumber(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4111111111111112", "411111111111", "41111111111111111111", "fp_4111111111111111",
      "4111111111111111x", "rider-42", "", "2026-11-21T18:04:05Z", "+1000000000-01-01T00:00:00Z",
      "0000000000000000000000"})
  void shouldLetOtherTextsThrough(String value) {
    // given text that is not 13-19 digits passing Luhn

    // when / then
    assertThat(CardNumbers.looksLikeCardNumber(value)).isFalse();
  }

  @Test
  void shouldRecogniseWholeNumbersButNotFractions() {
    // given numbers as JSON writes them

    // when / then
    assertThat(CardNumbers.looksLikeCardNumber(new BigDecimal("4111111111111111"))).isTrue();
    assertThat(CardNumbers.looksLikeCardNumber(new BigDecimal("4.111111111111111E15"))).isTrue();
    assertThat(CardNumbers.looksLikeCardNumber(new BigDecimal("4111111111111111.000"))).isTrue();
    assertThat(CardNumbers.looksLikeCardNumber(new BigDecimal("4111111111111.111"))).isFalse();
    assertThat(CardNumbers.looksLikeCardNumber(new BigDecimal("-73.98400000000001"))).isFalse();
    assertThat(CardNumbers.looksLikeCardNumber(new BigDecimal("1e999999999"))).isFalse();
  }
}
