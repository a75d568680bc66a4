package org.ridemarket.topologies.velocity;

import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.topics.Topics;
import org.ridemarket.topologies.common.CheckedInput;
import org.ridemarket.topologies.common.DeadLetters;
import org.ridemarket.topologies.common.InputRules;
import org.ridemarket.topologies.common.StateStores;

/**
 * The payment velocity topology: payment attempts and fraud labels in, one vector per card, user, device and
 * merchant out (to the compacted features topic) after every payment and every FRAUD label naming it, bad and
 * too-late records to the dead-letter topic. Every name is prefixed by "payments-" or "velocity-", so it can
 * share a builder (and an application) with the supply/demand topology.
 */
public final class VelocityTopology {

  static final String PAYMENTS = Topics.PAYMENTS.name();
  static final String LABELS = Topics.FRAUD_LABELS.name();
  static final String FEATURES = Topics.VELOCITY_FEATURES.name();
  static final String DEAD_LETTERS = Topics.DEAD_LETTERS.name();
  static final String ENTITY_STORE = "velocity-entity-store";
  /** Kafka Streams prefixes it with the application id and suffixes it with "-repartition". */
  static final String PAYMENTS_BY_ENTITY = "velocity-payments-by-entity";

  private VelocityTopology() {
  }

  /** The whole topology, on RocksDB stores. */
  public static Topology build(VelocitySettings settings) {
    return build(settings, Stores::persistentKeyValueStore);
  }

  /**
   * The whole topology on stores from {@code stores}: in-memory stores suit a TopologyTestDriver or
   * a bounded replay, which would otherwise flush RocksDB at every record's commit.
   */
  public static Topology build(VelocitySettings settings, Function<String, KeyValueBytesStoreSupplier> stores) {
    StreamsBuilder builder = new StreamsBuilder();
    addTo(builder, settings, stores);
    return builder.build();
  }

  /**
   * Adds the topology to a builder that may hold others, for an app that runs several topologies in one
   * Kafka Streams application. Sub-topology numbers (and so task ids) then depend on what else the
   * builder holds; store, changelog and repartition names do not.
   */
  public static void addTo(StreamsBuilder builder, VelocitySettings settings,
      Function<String, KeyValueBytesStoreSupplier> stores) {
    builder.addStateStore(StateStores.cached(stores.apply(ENTITY_STORE), VelocitySerdes.ENTITY_STATE));

    CheckedInput<PaymentAttempted> payments = CheckedInput.read(builder, Topics.PAYMENTS, InputRules.payments(),
        settings.grace(), settings.maxFutureSkew(), stores, "payments");
    deadLetters(payments.rejected(), "payments");

    CheckedInput<FraudLabeled> labels = CheckedInput.read(builder, Topics.FRAUD_LABELS, InputRules.fraudLabels(),
        settings.grace(), settings.maxFutureSkew(), stores, "velocity-labels");
    deadLetters(labels.rejected(), "velocity-labels");

    payments.accepted()
        .flatMap((key, payment) -> EntityPayment.fanOut(payment), Named.as("payments-to-entities"))
        // labels join the payments' path at the label's event time (its arrival): counted from then on only
        .merge(labels.accepted().flatMap((key, label) -> EntityPayment.fanOutLabel(label),
            Named.as("velocity-labels-to-entities")), Named.as("velocity-payments-and-labels"))
        // one repartition by entity, cards included: the input's key is a card, but "card:{fp}" hashes
        // elsewhere, and one path keeps one store; the user and device legs pay this hop anyway
        .repartition(Repartitioned.<String, EntityPayment>as(PAYMENTS_BY_ENTITY)
            .withKeySerde(Serdes.String()).withValueSerde(VelocitySerdes.ENTITY_PAYMENT))
        .process(() -> new EntityVelocityProcessor(ENTITY_STORE, settings), Named.as("velocity-entity-features"),
            ENTITY_STORE)
        .to(FEATURES, Produced.with(Serdes.String(), Topics.VELOCITY_FEATURES.valueSerde())
            .withName("velocity-features-sink"));
  }

  // a record keyed by a card number is withheld from its dead letter: so is the record's key
  private static void deadLetters(KStream<String, DeadLetter> rejected, String name) {
    rejected.selectKey(DeadLetters::recordKey, Named.as(name + "-dead-letter-keys"))
        .to(DEAD_LETTERS, Produced.with(Serdes.String(), Topics.DEAD_LETTERS.valueSerde())
        .withName(name + "-dead-letters-sink"));
  }
}
