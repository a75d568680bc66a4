package org.ridemarket.service.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ridemarket.service.rest.fuzz.BadBodies;
import org.ridemarket.service.rest.fuzz.BadBody;
import org.ridemarket.service.rest.fuzz.BadBodiesTest;
import org.ridemarket.service.rest.fuzz.FuzzDriver;
import org.ridemarket.service.rest.json.InputHardening;

/** The generated bad bodies against the hardened mapper alone, without a server: fast, and no exception escapes. */
class HardenedMapperFuzzTest {

  private final ObjectMapper mapper = hardened();
  private final ObjectMapper plain = new ObjectMapper();

  @Test
  void shouldRefuseEveryBadBodyAsTheFuzzDriverExpects() throws Exception {
    // given ten thousand bad bodies
    List<BadBody> bodies = new BadBodies(BadBodiesTest.VALID, 2026).generate(10_000);

    // when each is read and its refusal checked like an answer
    List<String> failures = new ArrayList<>();
    for (BadBody body : bodies) {
      String problem = check(body);
      if (problem != null) {
        failures.add(body.mutation() + ": " + problem + " for " + body.text());
      }
    }

    // then
    assertThat(failures).as(failures.stream().limit(20).collect(Collectors.joining("\n"))).isEmpty();
  }

  private String check(BadBody body) throws JsonProcessingException {
    ErrorResponse error;
    try {
      mapper.readValue(body.bytes(), InputHardeningTest.Trip.class);
      return body.field() == null ? null : "accepted";
    } catch (JsonProcessingException e) {
      error = JsonErrors.describe(e);
    } catch (IOException | RuntimeException e) {
      return "escaped as " + e;
    }
    return FuzzDriver.check(body, error.status(), plain.writeValueAsString(error));
  }

  private static ObjectMapper hardened() {
    ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    new InputHardening(new InputScreen(256), InputHardeningTest.limits(), Clock.systemUTC()).customize(mapper);
    return mapper;
  }
}
