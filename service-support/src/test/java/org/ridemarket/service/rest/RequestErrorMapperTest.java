package org.ridemarket.service.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ridemarket.service.rest.ErrorResponse.FieldError;

class RequestErrorMapperTest {

  private final RequestErrorMapper mapper = new RequestErrorMapper();

  @Test
  void shouldAnswerAServiceUnavailableWithRetryAfterInWholeSecondsAtLeastOne() {
    // given refusals with sub-second, fractional and whole retry delays
    ServiceUnavailableException soon = new ServiceUnavailableException("busy, retry", Duration.ofMillis(20));
    ServiceUnavailableException later = new ServiceUnavailableException("busy, retry", Duration.ofMillis(2300));

    // when
    Response first = mapper.refused(soon);
    Response second = mapper.refused(later);

    // then
    assertThat(first.getStatus()).isEqualTo(503);
    assertThat(first.getHeaderString("Retry-After")).isEqualTo("1");
    assertThat(second.getHeaderString("Retry-After")).isEqualTo("3");
    assertThat(first.getEntity()).isEqualTo(new ErrorResponse(503, "busy, retry", List.of()));
  }

  @Test
  void shouldAnswerAServiceOwnRefusalWithItsStatus() {
    // given a service's own refusal, a 409
    class Conflict extends RequestRefusedException {
      Conflict() {
        super(409, "already decided", List.of(new FieldError("transactionId", "already used")), null, null);
      }
    }

    // when
    Response response = mapper.refused(new Conflict());

    // then
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getHeaderString("Retry-After")).isNull();
    assertThat(response.getEntity()).isEqualTo(new ErrorResponse(409, "already decided",
        List.of(new FieldError("transactionId", "already used"))));
  }

  @Test
  void shouldNameTheFieldOfAnUnbindableBodyWithoutQuotingIt() {
    // given a body with a text where a number belongs
    record Body(Long amountMinor) {
    }
    JsonProcessingException e = null;
    try {
      new ObjectMapper().readValue("{\"amountMinor\": \"secret-value\"}", Body.class);
    } catch (JsonProcessingException thrown) {
      e = thrown;
    }

    // when
    Response response = mapper.unreadable(e);

    // then
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getEntity()).isEqualTo(new ErrorResponse(400, "malformed JSON",
        List.of(new FieldError("amountMinor", "must be a number"))));
  }

  @Test
  void shouldGiveTheFrameworkErrorsTheSameBody() {
    // given the framework's 404 without a body

    // when
    Response response = mapper.unparsable(new NotFoundException());

    // then
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getEntity()).isEqualTo(new ErrorResponse(404, "not found", List.of()));
  }

  @Test
  void shouldHideAnUnexpectedFailureBehindAGeneric500() {
    // given a server bug whose message holds request text
    IllegalStateException bug = new IllegalStateException("boom with 4111111111111111");

    // when
    Response response = mapper.unexpected(bug);

    // then
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getEntity()).isEqualTo(new ErrorResponse(500, "internal error", List.of()));
  }
}
