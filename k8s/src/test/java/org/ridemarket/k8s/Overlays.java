package org.ridemarket.k8s;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The overlays as {@code kubectl kustomize} renders them, parsed once per test run. Without kubectl
 * the tests that need a rendering are skipped, saying so, rather than failing on a machine that
 * cannot render.
 */
final class Overlays {

  static final List<String> ALL = List.of("dev", "prod", "prod-region-b");
  static final List<String> PRODUCTION = List.of("prod", "prod-region-b");

  private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();
  private static final boolean KUBECTL = kubectlAvailable();

  private Overlays() {
  }

  /** The rendered overlay {@code name} (a directory under k8s/overlays). */
  static Rendered render(String name) {
    assumeTrue(KUBECTL, "kubectl is not on the PATH: skipping the tests of rendered overlays (install kubectl to run them)");
    return RENDERED.computeIfAbsent(name, overlay -> new Rendered(overlay, Manifests.parse(kustomize(overlay))));
  }

  private static String kustomize(String overlay) {
    Path directory = Path.of("overlays", overlay);
    try {
      // stderr to a file: reading the two pipes one after the other could block on a chatty kubectl
      Path errors = Files.createTempFile("kustomize-" + overlay, ".err");
      Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
          .redirectError(errors.toFile()).start();
      byte[] out = process.getInputStream().readAllBytes();
      boolean ended = process.waitFor(60, TimeUnit.SECONDS);
      String err = Files.readString(errors);
      Files.deleteIfExists(errors);
      if (!ended || process.exitValue() != 0) {
        throw new IllegalStateException("kubectl kustomize " + directory + " failed: " + err);
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kubectl kustomize " + directory, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted rendering " + directory, e);
    }
  }

  private static boolean kubectlAvailable() {
    try {
      Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** One overlay's resources. */
  record Rendered(String overlay, List<HasMetadata> resources) {

    <T extends HasMetadata> List<T> all(Class<T> type) {
      return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T named(Class<T> type, String name) {
      return all(type).stream().filter(resource -> resource.getMetadata().getName().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError(overlay + " has no " + type.getSimpleName() + " " + name));
    }

    List<String> kinds() {
      return resources.stream().map(HasMetadata::getKind).distinct().sorted().toList();
    }
  }
}
