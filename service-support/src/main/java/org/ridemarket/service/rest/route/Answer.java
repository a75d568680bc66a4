package org.ridemarket.service.rest.route;

/**
 * What a decision route answers: a status, the body (written as JSON) and an optional {@code Location}.
 *
 * @param status the HTTP status
 * @param body the response body, written with the service's ObjectMapper
 * @param location the {@code Location} header, or null
 */
public record Answer(int status, Object body, String location) {

  /** 200 with {@code body}. */
  public static Answer ok(Object body) {
    return new Answer(200, body, null);
  }

  /** 201 with {@code body}, created at {@code location}. */
  public static Answer created(String location, Object body) {
    return new Answer(201, body, location);
  }
}
