package org.ridemarket.simulator.services;

import java.net.URI;

/**
 * Live services the simulator calls as the city's apps would, without letting their answers change the
 * events (the pricing-service, whose quotes do feed back, is part of the config instead).
 *
 * @param etaUrl base URL of an eta-service asked for the ETA of every trip at pick-up, or null
 * @param fraudUrl base URL of a fraud-service that scores every payment, or null
 * @param fraudApiKey the gateway's API key for the fraud-service (needed with {@code fraudUrl})
 */
public record LiveServices(URI etaUrl, URI fraudUrl, String fraudApiKey) {

  /** No live services. */
  public static final LiveServices NONE = new LiveServices(null, null, null);

  public LiveServices {
    if (fraudUrl != null && (fraudApiKey == null || fraudApiKey.isBlank())) {
      throw new IllegalArgumentException("--fraud-url needs --fraud-api-key (or $FRAUD_API_KEY)");
    }
  }

  /** Whether any service is to be called. */
  public boolean any() {
    return etaUrl != null || fraudUrl != null;
  }
}
