package org.ridemarket.eta;

/** Which router made an ETA's baseline; the model corrects each differently (feature map_free_route). */
public enum RouterKind {
  /** GraphHopper on the configured OpenStreetMap extract. */
  GRAPHHOPPER("graphhopper"),
  /** Great circle times a detour factor: no map configured, or the map had no route. */
  MAP_FREE("map-free");

  private final String label;

  RouterKind(String label) {
    this.label = label;
  }

  /** The name the API shows. */
  public String label() {
    return label;
  }
}
