package org.ridemarket.eta.routing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.ridemarket.eta.RouterKind;
import org.ridemarket.eta.TripRoute;
import org.ridemarket.eta.config.EtaConfig;
import org.ridemarket.routing.GeoPoint;
import org.ridemarket.routing.GraphHopperRouter;
import org.ridemarket.routing.MapFreeRouter;
import org.ridemarket.routing.NoRouteException;

/**
 * The routing baseline of every request: GraphHopper on the configured OpenStreetMap extract, built
 * (or loaded from its graph cache) once at start-up, else the map-free router. A request the map has
 * no route for (a point off the map, no road connection) gets a map-free route instead of an error.
 */
@ApplicationScoped
public class EtaRouter {

  private static final Logger LOG = Logger.getLogger(EtaRouter.class);

  /** What routes requests: the road router if it loaded, and why not if it did not. */
  public record Serving(GraphHopperRouter road, String mapFreeReason) {
  }

  private final EtaConfig.Routing config;
  private final MapFreeRouter mapFree = new MapFreeRouter();
  private volatile Serving serving;

  EtaRouter(EtaConfig config) {
    this.config = config.routing();
  }

  void load(@Observes StartupEvent started) {
    serving = open(config.osmFile(), config.graphCacheDir());
  }

  void close(@Observes ShutdownEvent stopping) {
    Serving last = serving;
    serving = null;
    if (last != null && last.road() != null) {
      last.road().close();
    }
  }

  /** What is serving; empty until the start-up has built the router. */
  public Optional<Serving> serving() {
    return Optional.ofNullable(serving);
  }

  /**
   * The baseline from origin to destination: the road route, or the map-free one when there is no
   * map or the map has no route between the two points.
   */
  @WithSpan("EtaRouter.route")
  public TripRoute route(GeoPoint origin, GeoPoint destination, Instant departure) {
    Serving now = serving;
    if (now != null && now.road() != null) {
      try {
        return new TripRoute(now.road().route(origin, destination, departure), RouterKind.GRAPHHOPPER);
      } catch (NoRouteException e) {
        // A caller asking for an ETA off the map still gets one; the model knows map-free baselines.
        Span.current().setAttribute("eta.no_route", e.reason().name());
        LOG.debugf("no road route, answering map-free: %s", e.getMessage());
      } catch (RuntimeException e) {
        // A GraphHopper bug, not an input: logged loudly, but the caller still gets an ETA.
        Span.current().setAttribute("eta.no_route", "ERROR");
        LOG.errorf(e, "GraphHopper failed from %s to %s, answering map-free", origin, destination);
      }
    }
    return new TripRoute(mapFree.route(origin, destination, departure), RouterKind.MAP_FREE);
  }

  private static Serving open(Optional<Path> osmFile, Path cacheDir) {
    if (osmFile.isEmpty()) {
      LOG.info("no OpenStreetMap extract configured (eta.routing.osm-file): routing map-free");
      return new Serving(null, "no extract configured");
    }
    Path file = osmFile.get();
    if (!Files.isRegularFile(file)) {
      String reason = "no OpenStreetMap extract at " + file.toAbsolutePath().normalize();
      LOG.warnf("%s: routing map-free (ETAs stay available, with a less accurate baseline)", reason);
      return new Serving(null, reason);
    }
    try {
      GraphHopperRouter road = GraphHopperRouter.open(file, cacheDir);
      LOG.infof("routing on %s: graph %s in %d ms (%s)", file.getFileName(),
          road.source() == GraphHopperRouter.GraphSource.IMPORTED ? "imported" : "loaded from cache",
          road.loadTime().toMillis(), road.graphDirectory());
      return new Serving(road, null);
    } catch (RuntimeException e) {
      String reason = "cannot load " + file.toAbsolutePath().normalize() + ": " + e.getMessage();
      LOG.warnf(e, "%s: routing map-free", reason);
      return new Serving(null, reason);
    }
  }
}
