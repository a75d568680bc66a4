package org.ridemarket.loadtest.bench;

import java.util.Locale;

/**
 * The decision endpoints the harness loads, each with its local port, the status of a good answer, the
 * latency budget the issue gives its callers (the default of {@code faults}) and the model its admin
 * hot swap names by default.
 */
public enum Service {

  PRICING("pricing", 8081, "/quotes", 201, 250, "surge"),
  ETA("eta", 8082, "/eta", 200, 100, "eta"),
  FRAUD("fraud", 8083, "/payments/score", 200, 300, "fraud");

  private final String label;
  private final int port;
  private final String path;
  private final int expectedStatus;
  private final int budgetMillis;
  private final String model;

  Service(String label, int port, String path, int expectedStatus, int budgetMillis, String model) {
    this.label = label;
    this.port = port;
    this.path = path;
    this.expectedStatus = expectedStatus;
    this.budgetMillis = budgetMillis;
    this.model = model;
  }

  /** The service named {@code label} ({@code pricing}, {@code eta}, {@code fraud}). */
  public static Service named(String label) {
    for (Service service : values()) {
      if (service.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
        return service;
      }
    }
    throw new IllegalArgumentException("no service '" + label + "' (pricing, eta, fraud)");
  }

  public String label() {
    return label;
  }

  /** Port of the local stack. */
  public int port() {
    return port;
  }

  /** The decision endpoint, POST. */
  public String path() {
    return path;
  }

  /** {@code POST /quotes}. */
  public String endpoint() {
    return "POST " + path;
  }

  /** Status of a good answer. */
  public int expectedStatus() {
    return expectedStatus;
  }

  /** Default caller budget, ms. */
  public int budgetMillis() {
    return budgetMillis;
  }

  /** Default model name for the admin hot swap. */
  public String model() {
    return model;
  }
}
