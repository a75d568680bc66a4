package org.ridemarket.console.reviews;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.ridemarket.console.config.ConsoleConfig;

/**
 * The analysts' review queue, passed through to fraud-service with the analyst's own API key, which the
 * page sends with every call. The console keeps no key: not in memory past the call, not in a log, not on
 * disk. The calls are asynchronous (the JDK client's threads), so no event loop waits on fraud-service.
 */
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewProxyResource {

  private final ConsoleConfig config;
  private final HttpClient http;

  public ReviewProxyResource(ConsoleConfig config) {
    this.config = config;
    this.http = HttpClient.newBuilder().connectTimeout(config.callTimeout()).build();
  }

  @GET
  public Uni<Response> list(@HeaderParam("X-Api-Key") String key, @QueryParam("state") String state,
      @QueryParam("limit") String limit) {
    String path = "/reviews?state=" + ReviewInput.state(state) + "&limit=" + ReviewInput.limit(limit);
    return forward(HttpRequest.newBuilder(uri(path)).GET(), ReviewInput.apiKey(key));
  }

  @POST
  @Path("/{transactionId}/take")
  @Consumes(MediaType.WILDCARD)
  public Uni<Response> take(@HeaderParam("X-Api-Key") String key, @PathParam("transactionId") String transactionId,
      String body) {
    String apiKey = ReviewInput.apiKey(key);
    String path = "/reviews/" + ReviewInput.transactionId(transactionId) + "/take";
    return post(path, ReviewInput.take(body), apiKey);
  }

  @POST
  @Path("/{transactionId}/label")
  @Consumes(MediaType.WILDCARD)
  public Uni<Response> label(@HeaderParam("X-Api-Key") String key, @PathParam("transactionId") String transactionId,
      String body) {
    String apiKey = ReviewInput.apiKey(key);
    String path = "/reviews/" + ReviewInput.transactionId(transactionId) + "/label";
    return post(path, ReviewInput.label(body), apiKey);
  }

  private Uni<Response> post(String path, String body, String apiKey) {
    return forward(HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), apiKey);
  }

  private Uni<Response> forward(HttpRequest.Builder request, String apiKey) {
    HttpRequest built = request.header("X-Api-Key", apiKey).timeout(config.callTimeout()).build();
    return Uni.createFrom().completionStage(() -> http.sendAsync(built, HttpResponse.BodyHandlers.ofString()))
        .map(answer -> Response.status(answer.statusCode()).type(MediaType.APPLICATION_JSON)
            .entity(answer.body()).build())
        .onFailure().recoverWithItem(failure -> Response.status(502).type(MediaType.APPLICATION_JSON)
            .entity("{\"status\":502,\"title\":\"fraud-service did not answer\"}").build());
  }

  private URI uri(String pathAndQuery) {
    return URI.create(config.fraudUrl()).resolve(pathAndQuery);
  }
}
