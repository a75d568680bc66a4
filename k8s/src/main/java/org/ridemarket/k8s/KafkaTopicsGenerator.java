package org.ridemarket.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ridemarket.contracts.topics.Topic;
import org.ridemarket.contracts.topics.Topics;

/**
 * Writes one Strimzi {@code KafkaTopic} per topic of the contracts' registry, so that the cluster's
 * topics are the registry's and nobody edits them by hand; {@code KafkaTopicsTest} fails when the
 * committed file and the registry disagree.
 */
public final class KafkaTopicsGenerator {

  /** The Strimzi {@code Kafka} resource the topics belong to (its {@code metadata.name}). */
  public static final String CLUSTER = "ridemarket";
  /** Replicas of every topic in the base; the dev overlay, with one broker, patches it to 1. */
  public static final int REPLICAS = 3;

  private KafkaTopicsGenerator() {
  }

  /** {@code args[0]}: the file to write, normally {@code k8s/base/kafka/topics.yaml}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: KafkaTopicsGenerator <topics.yaml>");
    }
    Path target = Path.of(args[0]);
    Files.writeString(target, render(Topics.all()), StandardCharsets.UTF_8);
    System.out.println("wrote " + Topics.all().size() + " KafkaTopics to " + target);
  }

  /** The YAML of {@code topics}, one document each, in registry order, config keys sorted. */
  public static String render(List<Topic<?, ?>> topics) {
    StringBuilder yaml = new StringBuilder()
        .append("# Generated from org.ridemarket.contracts.topics.Topics by KafkaTopicsGenerator; do not edit.\n")
        .append("# Regenerate: mvn -B -q -pl k8s compile exec:java@generate-topics\n");
    for (Topic<?, ?> topic : topics) {
      yaml.append("---\n")
          .append("apiVersion: kafka.strimzi.io/v1\n")
          .append("kind: KafkaTopic\n")
          .append("metadata:\n")
          .append("  name: ").append(topic.name()).append('\n')
          .append("  labels:\n")
          .append("    strimzi.io/cluster: ").append(CLUSTER).append('\n')
          .append("  annotations:\n")
          .append("    ridemarket.org/keyed-by: ").append(quoted(topic.keyedBy())).append('\n')
          .append("spec:\n")
          .append("  topicName: ").append(topic.name()).append('\n')
          .append("  partitions: ").append(topic.partitions()).append('\n')
          .append("  replicas: ").append(REPLICAS).append('\n')
          .append("  config:\n");
      for (Map.Entry<String, String> entry : new TreeMap<>(topic.config()).entrySet()) {
        yaml.append("    ").append(entry.getKey()).append(": ").append(quoted(entry.getValue())).append('\n');
      }
    }
    return yaml.toString();
  }

  // Every value quoted: retention.ms must stay a string for Strimzi, and keyedBy holds ':' and '{'.
  private static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
