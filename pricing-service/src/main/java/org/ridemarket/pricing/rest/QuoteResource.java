package org.ridemarket.pricing.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ridemarket.pricing.mapping.QuoteMapper;
import org.ridemarket.pricing.service.QuoteService;
import org.ridemarket.service.deadline.Deadlines;
import org.ridemarket.service.rest.ErrorResponse;
import org.ridemarket.service.rest.InvalidRequestException;

/** Upfront quotes: read one back while it is honoured ({@link QuoteRoute} gives them). */
@Path("/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "quotes")
public class QuoteResource {

  private final QuoteService quotes;
  private final QuoteMapper mapper;
  private final Deadlines deadlines;

  QuoteResource(QuoteService quotes, QuoteMapper mapper, Deadlines deadlines) {
    this.quotes = quotes;
    this.mapper = mapper;
    this.deadlines = deadlines;
  }

  /** Reads a quote back: 200 while it is honoured, 410 with the quote once it has expired. */
  @GET
  @Path("/{id}")
  @Operation(summary = "Read a quote", description = "200 while the price is honoured; 410 Gone once it has expired, "
      + "with the quote (expired=true) in the body for support and audit; 404 if there is no such quote.")
  @APIResponse(responseCode = "200", description = "The quote, still honoured",
      content = @Content(schema = @Schema(implementation = QuoteResponse.class)))
  @APIResponse(responseCode = "410", description = "The quote, expired: the price is no longer honoured",
      content = @Content(schema = @Schema(implementation = QuoteResponse.class)))
  @APIResponse(responseCode = "404", description = "No such quote")
  public Uni<Response> get(@PathParam("id") String id) {
    UUID quoteId = parse(id);
    return quotes.find(quoteId, deadlines.start("quote-read")).map(quote -> {
      if (quote == null) {
        // The id is the client's text: it is not repeated, in this answer or any other.
        return Response.status(Response.Status.NOT_FOUND).entity(new ErrorResponse(404, "no such quote",
            List.of())).build();
      }
      QuoteResponse view = mapper.toResponse(quote, Instant.now());
      return Response.status(view.expired() ? Response.Status.GONE : Response.Status.OK).entity(view).build();
    });
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("id", "is not a quote id (a UUID)");
    }
  }
}
