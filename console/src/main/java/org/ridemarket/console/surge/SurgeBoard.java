package org.ridemarket.console.surge;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ridemarket.console.config.ConsoleConfig;

/**
 * The current surge map of the city: every cell's latest quoted multiplier and supply/demand features,
 * fed by one Kafka reader, and a hot stream of batches of changed cells for the page's live feed.
 * Writers call {@link #quoted} and {@link #features} from one thread, then {@link #flush}, so that a burst
 * of quotes reaches each browser as one batch per poll rather than one event per quote.
 */
@ApplicationScoped
public class SurgeBoard {

  private final Map<String, CellView> cells = new ConcurrentHashMap<>();
  private final Set<String> changed = new LinkedHashSet<>();
  private final BroadcastProcessor<List<CellView>> updates = BroadcastProcessor.create();
  private final CityGrid grid;
  private long seq;

  @Inject
  public SurgeBoard(ConsoleConfig config) {
    this(new CityGrid(config.city()));
  }

  SurgeBoard(CityGrid grid) {
    this.grid = grid;
    for (String cell : grid.cells()) {
      cells.put(cell, new CellView(cell, grid.boundary(cell), null, false, null, null, null, null, 0));
    }
  }

  /** A quote for a pickup in {@code cell}: its multiplier is the cell's current one if it is the newest. */
  public void quoted(String cell, double multiplier, boolean degraded, long eventTime) {
    CellView old = cellOrEmpty(cell);
    if (old.quotedAt() != null && old.quotedAt() > eventTime) {
      return;
    }
    put(new CellView(cell, old.boundary(), multiplier, degraded, eventTime, old.demand5m(), old.supply(),
        old.featuresAt(), ++seq));
  }

  /** A supply/demand vector of {@code cell}; older vectors than the one shown are ignored. */
  public void features(String cell, double demand5m, double supply, long eventTime) {
    CellView old = cellOrEmpty(cell);
    if (old.featuresAt() != null && old.featuresAt() > eventTime) {
      return;
    }
    put(new CellView(cell, old.boundary(), old.multiplier(), old.degraded(), old.quotedAt(), demand5m, supply,
        eventTime, ++seq));
  }

  /** Sends the cells changed since the last flush to every live subscriber, as one batch. */
  public void flush() {
    List<CellView> batch;
    synchronized (changed) {
      if (changed.isEmpty()) {
        return;
      }
      batch = new ArrayList<>(changed.size());
      for (String cell : changed) {
        batch.add(cells.get(cell));
      }
      changed.clear();
    }
    updates.onNext(batch);
  }

  /** Every cell the map knows, the city's grid and every cell seen in a quote or a vector. */
  public Collection<CellView> snapshot() {
    return List.copyOf(cells.values());
  }

  /** The hot stream of changed cells; a subscriber that cannot keep up loses batches, not the connection. */
  public Multi<List<CellView>> updates() {
    return updates.onOverflow().drop();
  }

  private CellView cellOrEmpty(String cell) {
    return cells.computeIfAbsent(cell, c -> new CellView(c, grid.boundary(c), null, false, null, null, null, null, 0));
  }

  private void put(CellView view) {
    cells.put(view.cell(), view);
    synchronized (changed) {
      changed.add(view.cell());
    }
  }
}
