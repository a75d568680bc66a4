package org.ridemarket.contracts.topics;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the registry's topics at start-up, idempotently: an existing topic is kept, but one with
 * fewer partitions than the registry says is an error, because keys would be routed differently.
 */
public final class TopicCreator {

  /** Environment variable with the replication factor for new topics (1 on a single local broker). */
  public static final String REPLICATION_ENV = "KAFKA_TOPIC_REPLICATION";

  private TopicCreator() {
  }

  /** Creates missing topics with the replication factor from {@value #REPLICATION_ENV} (default 1). */
  public static void ensure(String bootstrapServers, Collection<Topic<?, ?>> topics) {
    String replication = System.getenv().getOrDefault(REPLICATION_ENV, "1");
    ensure(bootstrapServers, topics, Short.parseShort(replication));
  }

  /** Creates missing topics and checks the partition count of existing ones. */
  public static void ensure(String bootstrapServers, Collection<Topic<?, ?>> topics, short replication) {
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream()
          .filter(topic -> !existing.contains(topic.name()))
          .map(topic -> new NewTopic(topic.name(), topic.partitions(), replication).configs(topic.config()))
          .toList();
      createAll(admin, missing);
      checkPartitions(admin, topics);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e.getMessage(), e);
    }
  }

  private static void createAll(Admin admin, List<NewTopic> missing)
      throws InterruptedException, ExecutionException, TimeoutException {
    for (var result : admin.createTopics(missing).values().values()) {
      try {
        result.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        // another starter created it between our listing and our request: that is fine
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  private static void checkPartitions(Admin admin, Collection<Topic<?, ?>> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, TopicDescription> described = admin
        .describeTopics(topics.stream().map(Topic::name).toList())
        .allTopicNames().get(30, TimeUnit.SECONDS);
    for (Topic<?, ?> topic : topics) {
      int actual = described.get(topic.name()).partitions().size();
      if (actual < topic.partitions()) {
        throw new IllegalStateException("topic " + topic.name() + " has " + actual
            + " partitions, the registry says " + topic.partitions());
      }
    }
  }
}
