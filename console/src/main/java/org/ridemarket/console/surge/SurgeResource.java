package org.ridemarket.console.surge;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The live surge map: every cell once, then batches of changed cells as server-sent events. Each view
 * carries the board's change counter, so a client that gets a cell twice keeps the newer.
 */
@Path("/api/surge")
public class SurgeResource {

  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

  private final SurgeBoard board;

  public SurgeResource(SurgeBoard board) {
    this.board = board;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Uni<Collection<CellView>> cells() {
    return Uni.createFrom().item(board::snapshot);
  }

  // The hot stream is subscribed before the snapshot is taken, so no change falls between the two; an empty
  // batch every 15 s keeps proxies from closing an idle stream and lets the page tell a live feed from a dead one.
  @GET
  @Path("/stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  public Multi<List<CellView>> stream() {
    Multi<List<CellView>> keepAlive = Multi.createFrom().ticks().startingAfter(KEEP_ALIVE).every(KEEP_ALIVE).onOverflow().drop()
        .map(tick -> List.<CellView>of());
    return Multi.createBy().merging().streams(board.updates(),
        Multi.createFrom().item(() -> List.copyOf(board.snapshot())), keepAlive);
  }
}
