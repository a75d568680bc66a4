package org.ridemarket.service.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputScreenTest {

  private final InputScreen screen = new InputScreen(16);

  @Test
  void shouldPassOrdinaryTextAndPairedSurrogates() {
    // given ids and an emoji (a surrogate pair)

    // when / then
    assertThat(screen.problem("rider-42")).isNull();
    assertThat(screen.problem("caf\u00e9 \ud83d\ude95")).isNull();
  }

  @Test
  void shouldNameEachProblemWithoutTheValue() {
    // given texts with control characters, broken UTF-16, or too long

    // when / then
    assertThat(screen.problem("tx\u0000")).isEqualTo("must not contain control characters");
    assertThat(screen.problem("a\nb")).isEqualTo("must not contain control characters");
    assertThat(screen.problem("a\u0085b")).isEqualTo("must not contain control characters");
    assertThat(screen.problem("a\ud800")).contains("lone surrogate");
    assertThat(screen.problem("\udc00a")).contains("lone surrogate");
    assertThat(screen.problem("\ud800\ud800")).contains("lone surrogate");
    assertThat(screen.problem("x".repeat(17))).isEqualTo("must be at most 16 characters");
  }

  @Test
  void shouldRefuseACardNumberBeforeAnythingElse() {
    // given a card number in a parameter

    // when / then
    assertThatThrownBy(() -> screen.check("transactionId", "4111 1111 1111 1111"))
        .isInstanceOf(CardNumberRefusedException.class)
        .satisfies(e -> assertThat(((RequestRefusedException) e).errors())
            .containsExactly(new ErrorResponse.FieldError("transactionId", CardNumberRefusedException.MESSAGE)))
        .hasMessageNotContaining("4111");
    assertThatThrownBy(() -> screen.check("state", "OPEN\u0000"))
        .isInstanceOf(InvalidRequestException.class);
  }
}
