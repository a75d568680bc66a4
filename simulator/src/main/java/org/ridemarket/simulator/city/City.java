package org.ridemarket.simulator.city;

import java.nio.file.Path;

/**
 * The static world: the box, the street-grid frame, the H3 cells and the demand map. Built once
 * per run; the moving parts (drivers, riders, trips) live elsewhere.
 */
public record City(CityBox box, StreetGrid grid, CellAddresses cellAddresses, CityCells cells, DemandMap demand) {

  /** Requests per hour over Midtown at the busiest hour, at demand scale 1. */
  public static final double PEAK_REQUESTS_PER_HOUR = 750;

  /** Midtown, with demand calibrated on {@code uberCsv}, or from built-in hotspots when it is null. */
  public static City midtown(Path uberCsv) {
    CityBox box = CityBox.MIDTOWN;
    CellAddresses addresses = new CellAddresses();
    CityCells cells = new CityCells(box, addresses);
    DemandMap demand = uberCsv == null
        ? HotspotDemand.build(cells, PEAK_REQUESTS_PER_HOUR)
        : UberDemand.build(cells, uberCsv, PEAK_REQUESTS_PER_HOUR);
    return new City(box, new StreetGrid(box, StreetGrid.MANHATTAN_ROTATION_DEG), addresses, cells, demand);
  }
}
