package org.ridemarket.importers;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * One row of a plain CSV file (no quoted commas: neither source has any) read by column name, each
 * accessor failing with a {@link BadRow} that names the column and the value.
 */
public final class CsvRow {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final List<String> header;
  private final String[] fields;

  private CsvRow(List<String> header, String[] fields) {
    this.header = header;
    this.fields = fields;
  }

  /** The header line's columns. */
  public static List<String> header(String line) {
    return Arrays.stream(line.strip().split(",")).map(String::strip).toList();
  }

  /** A data line under {@code header}; a line with another number of fields is a bad row. */
  public static CsvRow of(List<String> header, String line) throws BadRow {
    String[] fields = line.split(",", -1);
    if (fields.length != header.size()) {
      throw new BadRow("has " + fields.length + " fields, the header has " + header.size());
    }
    return new CsvRow(header, fields);
  }

  /** The index of the first of {@code names} in the header; a file without any is refused as a whole. */
  public static int column(List<String> header, String... names) {
    for (String name : names) {
      int index = header.indexOf(name);
      if (index >= 0) {
        return index;
      }
    }
    throw new IllegalArgumentException("no column " + String.join(" or ", names) + " in the header " + header);
  }

  /** The name of a column. */
  public String columnName(int column) {
    return header.get(column);
  }

  public String text(int column) throws BadRow {
    String value = fields[column].strip();
    if (value.isEmpty()) {
      throw new BadRow(header.get(column) + ": missing");
    }
    return value;
  }

  public long whole(int column) throws BadRow {
    String value = text(column);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new BadRow(header.get(column) + ": not a whole number");
    }
  }

  /** A finite decimal number. */
  public double decimal(int column) throws BadRow {
    String value = text(column);
    try {
      double number = Double.parseDouble(value);
      if (Double.isFinite(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRow(header.get(column) + ": not a number");
  }

  /** A local date-time {@code yyyy-MM-dd HH:mm:ss}. */
  public LocalDateTime time(int column) throws BadRow {
    String value = text(column);
    try {
      return LocalDateTime.parse(value, TIME);
    } catch (DateTimeParseException e) {
      throw new BadRow(header.get(column) + ": not a time yyyy-MM-dd HH:mm:ss");
    }
  }
}
