package org.ridemarket.topologies.common;

import com.uber.h3core.H3Core;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.geo.Cells;

/** Field validations shared by the input rules; each returns "field: what is wrong", or null when the field is fine. */
final class FieldChecks {

  private FieldChecks() {
  }

  /** The first problem among these, or null. */
  static String first(String... problems) {
    for (String problem : problems) {
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  static String id(String field, String value) {
    return value == null || value.isBlank() ? field + ": missing" : null;
  }

  static String point(String field, GeoPoint point) {
    if (point == null) {
      return field + ": missing";
    }
    if (!(point.getLat() >= -90 && point.getLat() <= 90)) {
      return field + ".lat: " + point.getLat() + " is not a latitude in -90..90";
    }
    if (!(point.getLon() >= -180 && point.getLon() <= 180)) {
      return field + ".lon: " + point.getLon() + " is not a longitude in -180..180";
    }
    return null;
  }

  /** A cell must be a canonical (lower-case) H3 resolution-8 address: it becomes a key and a Redis key. */
  static String cell(String field, String value) {
    if (value == null || value.isBlank()) {
      return field + ": missing";
    }
    try {
      H3Core h3 = Cells.h3();
      if (h3.isValidCell(value) && h3.getResolution(value) == Cells.RESOLUTION
          && value.equals(h3.h3ToString(h3.stringToH3(value)))) {
        return null;
      }
    } catch (RuntimeException notHex) {
      // reported below like any other malformed address
    }
    return field + ": '" + abbreviate(value) + "' is not an H3 resolution-" + Cells.RESOLUTION + " cell address";
  }

  static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
