package org.ridemarket.models;

import java.time.Instant;
import java.util.Map;

/**
 * What a training job knows about the model it hands to the publisher: its identity, the event-time
 * window it learned from and its held-out metrics.
 *
 * @param name the model's name, e.g. {@code fraud}
 * @param version the version to publish; a published version is never overwritten
 * @param trainedFrom start of the training window (inclusive)
 * @param trainedTo end of the training window (exclusive)
 * @param metrics held-out evaluation metrics, by name
 */
public record ModelDescription(String name, String version, Instant trainedFrom, Instant trainedTo,
    Map<String, Double> metrics) {

  public ModelDescription {
    metrics = Map.copyOf(metrics);
  }
}
