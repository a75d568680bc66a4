package org.ridemarket.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The java command line for a JVM on the kafka-broker module's own classpath: that module's jar
 * plus the jar list its build wrote into it, all in the local Maven repository.
 */
final class BrokerClasspath {

  static final String RESOURCE = "META-INF/ridemarket/kafka-broker.classpath";

  private BrokerClasspath() {
  }

  /** {@code java <jvmOptions> -cp <broker classpath> <mainClass> <args>}. */
  static List<String> javaCommand(List<String> jvmOptions, String mainClass, List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath());
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  static String classpath() throws IOException {
    URL url = BrokerClasspath.class.getClassLoader().getResource(RESOURCE);
    if (url == null) {
      throw new IllegalStateException(RESOURCE + " is not on the classpath: depend on "
          + "org.ridemarket:kafka-broker and build it with mvn install -pl kafka-broker");
    }
    String jars;
    try (InputStream in = url.openStream()) {
      jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
    Arrays.stream(jars.split(":")).map(Path::of).filter(jar -> !Files.exists(jar)).findFirst()
        .ifPresent(missing -> {
          throw new IllegalStateException("the broker classpath lists " + missing
              + ", which is not in the local Maven repository; run mvn install -pl kafka-broker");
        });
    return moduleRoot(url) + ":" + jars;
  }

  // The jar (or classes directory) that holds the resource also holds BrokerMain.
  private static Path moduleRoot(URL resource) {
    String text = resource.toString();
    try {
      if (text.startsWith("jar:file:")) {
        return Path.of(URI.create(text.substring(4, text.indexOf("!/"))));
      }
      if (text.startsWith("file:")) {
        Path file = Path.of(resource.toURI());
        return file.getParent().getParent().getParent();
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot locate the kafka-broker jar from " + text, e);
    }
    throw new IllegalStateException("cannot locate the kafka-broker jar from " + text);
  }
}
