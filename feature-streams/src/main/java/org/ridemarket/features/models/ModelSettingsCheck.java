package org.ridemarket.features.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ridemarket.contracts.model.ModelArtifacts;
import org.ridemarket.contracts.model.SettingsMismatchException;

/**
 * Compares the topology settings recorded in the models of an artifact store with the settings this app
 * computes its features with: a model trained on rows of another window, grace or bucket would read served
 * vectors as if they meant what its training rows meant. Only the newest version of each model (what a
 * service serves by default) and only the settings of the checked families (e.g. {@code congestion.}) are
 * compared, each with this app's settings of the same family; a model that recorded no settings of a family is
 * not checked for it.
 */
public final class ModelSettingsCheck {

  private final Path artifacts;
  private final Map<String, Map<String, String>> families;

  /**
   * @param artifacts the artifact store ({@code <root>/<name>/<name>-<version>.signature.json})
   * @param families each family this app computes, by prefix (e.g. {@code congestion.}), with its settings as this
   *     app runs them; a recorded setting is compared only with those of its own family
   */
  public ModelSettingsCheck(Path artifacts, Map<String, Map<String, String>> families) {
    this.artifacts = artifacts;
    Map<String, Map<String, String>> copied = new TreeMap<>();
    families.forEach((family, computed) -> copied.put(family, Map.copyOf(computed)));
    this.families = Collections.unmodifiableMap(copied);
  }

  /** Each refused model's {@code name:version} with the reason; empty when all agree or there is no store. */
  public Map<String, String> refused() {
    Map<String, String> refused = new TreeMap<>();
    if (!Files.isDirectory(artifacts)) {
      return refused;
    }
    for (Path directory : list(artifacts)) {
      String name = directory.getFileName().toString();
      if (!Files.isDirectory(directory) || name.startsWith(".")) {
        continue;
      }
      try {
        ModelArtifacts.newestSignature(artifacts, name).ifPresent(signature -> {
          List<String> reasons = new ArrayList<>();
          families.forEach((family, computed) -> {
            try {
              signature.requireSettings(computed, family);
            } catch (SettingsMismatchException e) {
              reasons.add(e.getMessage());
            }
          });
          if (!reasons.isEmpty()) {
            refused.put(signature.id(), String.join(" ", reasons));
          }
        });
      } catch (IllegalArgumentException e) {
        // a directory whose name cannot be a model's is not a model
      }
    }
    return refused;
  }

  /** The store checked. */
  public Path artifacts() {
    return artifacts;
  }

  private static List<Path> list(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory.toAbsolutePath(), e);
    }
  }
}
