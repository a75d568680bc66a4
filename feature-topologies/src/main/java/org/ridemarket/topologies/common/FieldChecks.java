package org.ridemarket.topologies.common;

import com.uber.h3core.H3Core;
import org.ridemarket.contracts.events.GeoPoint;
import org.ridemarket.contracts.geo.Cells;
import org.ridemarket.contracts.geo.ServiceArea;

/** Field validations shared by the input rules; each returns "field: what is wrong", or null when the field is fine. */
final class FieldChecks {

  private static final int MAX_ENTITY_ID = 128;
  /** 70 m/s is 252 km/h: faster than any car on a city street, so a GPS or app fault. */
  static final double MAX_SPEED_MPS = 70.0;

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

  /** An id that becomes part of a key (a topic key, a store key, a Redis key): present and at most 128 characters. */
  static String entityId(String field, String value) {
    if (value == null || value.isBlank()) {
      return field + ": missing";
    }
    return value.length() <= MAX_ENTITY_ID ? null
        : field + ": '" + abbreviate(value) + "' is longer than " + MAX_ENTITY_ID + " characters";
  }

  /**
   * Raw card numbers never enter the system: 13 to 19 digits (spaces and dashes aside) that pass the
   * Luhn check are refused. The detail does not repeat the value.
   */
  static String notACardNumber(String field, String value) {
    return looksLikeCardNumber(value)
        ? field + ": looks like a card number (13-19 digits passing the Luhn check), not a fingerprint" : null;
  }

  /** 13 to 19 digits, spaces and dashes aside, that pass the Luhn check; false for null. */
  static boolean looksLikeCardNumber(String value) {
    if (value == null) {
      return false;
    }
    String digits = value.replace(" ", "").replace("-", "");
    if (digits.length() < 13 || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  /** An ISO 4217 code: three upper-case letters. */
  static String currency(String field, String value) {
    if (value == null || value.isBlank()) {
      return field + ": missing";
    }
    return value.matches("[A-Z]{3}") ? null : field + ": '" + abbreviate(value) + "' is not an ISO 4217 code";
  }

  /** A ground speed in metres per second: finite and between 0 and {@value #MAX_SPEED_MPS}. */
  static String speed(String field, double value) {
    return value >= 0 && value <= MAX_SPEED_MPS ? null
        : field + ": " + value + " is not a speed in 0.." + MAX_SPEED_MPS + " m/s";
  }

  /**
   * The largest payment amount in minor units that a ride can cost: 10,000,000 (100,000.00 in a
   * two-decimal currency, about 67,000 USD in yen). Above it the amount is a unit or encoding error.
   */
  static final long MAX_AMOUNT_MINOR = 10_000_000L;

  /** An amount in minor units: 0..{@value #MAX_AMOUNT_MINOR}. */
  static String amount(String field, long value) {
    if (value < 0) {
      return field + ": " + value + " is negative";
    }
    return value <= MAX_AMOUNT_MINOR ? null
        : field + ": " + value + " is more than any ride costs (" + MAX_AMOUNT_MINOR + " minor units)";
  }

  /** A (valid) resolution-8 cell inside the {@link ServiceArea}. */
  static String inServiceArea(String field, String cell) {
    return ServiceArea.containsCell(cell) ? null
        : field + ": '" + cell + "' lies in region " + Cells.regionOf(cell) + ", outside the service area "
            + ServiceArea.regions();
  }

  static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
