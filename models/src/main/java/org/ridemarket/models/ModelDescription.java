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
 * @param history the history the model learned from, in words ({@code ModelSignature#history}); null: not recorded
 * @param settings the feature topologies' settings the training rows were built with ({@code ModelSignature#settings})
 */
public record ModelDescription(String name, String version, Instant trainedFrom, Instant trainedTo,
    Map<String, Double> metrics, String history, Map<String, String> settings) {

  public ModelDescription {
    metrics = Map.copyOf(metrics);
    settings = Map.copyOf(settings);
  }

  /** A description that records neither history nor settings. */
  public ModelDescription(String name, String version, Instant trainedFrom, Instant trainedTo,
      Map<String, Double> metrics) {
    this(name, version, trainedFrom, trainedTo, metrics, null, Map.of());
  }
}
