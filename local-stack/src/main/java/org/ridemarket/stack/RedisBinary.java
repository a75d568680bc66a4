package org.ridemarket.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * The redis-server executable: the one named by {@code REDIS_SERVER_BIN}, or the one the
 * embedded-redis jar carries for this platform, copied once to a cache in the temp directory.
 */
final class RedisBinary {

  /** Environment variable naming a redis-server to use instead of the bundled one. */
  static final String REDIS_SERVER_BIN = "REDIS_SERVER_BIN";

  private RedisBinary() {
  }

  static Path resolve() throws IOException {
    String configured = System.getenv(REDIS_SERVER_BIN);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String resource = bundledName();
    Path cached = Path.of(System.getProperty("java.io.tmpdir"), "ridemarket-redis", resource);
    if (Files.isExecutable(cached)) {
      return cached;
    }
    Files.createDirectories(cached.getParent());
    Path partial = Files.createTempFile(cached.getParent(), resource, ".partial");
    try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath (embedded-redis missing?)");
      }
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
    // Atomic so that two JVMs extracting at once never run a half-written binary.
    Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return cached;
  }

  private static String bundledName() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    boolean x64 = arch.equals("amd64") || arch.equals("x86_64");
    boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
    if (os.contains("linux") && x64) {
      return "redis-server-6.2.6-v5-linux-amd64";
    }
    if (os.contains("linux") && arm64) {
      return "redis-server-6.2.7-linux-arm64";
    }
    if (os.contains("mac") && x64) {
      return "redis-server-6.2.6-v5-darwin-amd64";
    }
    if (os.contains("mac") && arm64) {
      return "redis-server-6.2.6-v5-darwin-arm64";
    }
    throw new IllegalStateException("no bundled redis-server for " + os + "/" + arch
        + "; set " + REDIS_SERVER_BIN + " to a redis-server executable");
  }
}
