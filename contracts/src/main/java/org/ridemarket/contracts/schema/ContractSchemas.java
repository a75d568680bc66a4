package org.ridemarket.contracts.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.ridemarket.contracts.events.DeadLetter;
import org.ridemarket.contracts.events.DriverLocationUpdated;
import org.ridemarket.contracts.events.EtaPredicted;
import org.ridemarket.contracts.events.FraudDecided;
import org.ridemarket.contracts.events.FraudLabeled;
import org.ridemarket.contracts.events.PaymentAttempted;
import org.ridemarket.contracts.events.PriceQuoted;
import org.ridemarket.contracts.events.RideRequested;
import org.ridemarket.contracts.events.TripEvent;
import org.ridemarket.contracts.features.CongestionVector;
import org.ridemarket.contracts.features.SupplyDemandVector;
import org.ridemarket.contracts.features.VelocityVector;

/** The event types of the contract and the schema versions released for each of them. */
public final class ContractSchemas {

  /** Classpath folder holding one JSON array of released schemas per event type, oldest first. */
  public static final String RELEASED_RESOURCE_DIR = "released-schemas/";

  private static final List<Class<? extends SpecificRecord>> EVENT_TYPES = List.of(
      RideRequested.class,
      DriverLocationUpdated.class,
      TripEvent.class,
      PaymentAttempted.class,
      PriceQuoted.class,
      EtaPredicted.class,
      FraudDecided.class,
      FraudLabeled.class,
      DeadLetter.class,
      SupplyDemandVector.class,
      VelocityVector.class,
      CongestionVector.class);

  private static final Map<String, Class<? extends SpecificRecord>> BY_NAME = EVENT_TYPES.stream()
      .collect(Collectors.toUnmodifiableMap(type -> currentSchema(type).getFullName(), Function.identity()));

  private ContractSchemas() {
  }

  /** Every top-level event type, in a stable order. */
  public static List<Class<? extends SpecificRecord>> eventTypes() {
    return EVENT_TYPES;
  }

  /** The event type whose record has this full name, or null. */
  public static Class<? extends SpecificRecord> typeNamed(String fullName) {
    return BY_NAME.get(fullName);
  }

  /** The schema the generated class was built from. */
  public static Schema currentSchema(Class<? extends SpecificRecord> type) {
    return SpecificData.get().getSchema(type);
  }

  /** The released versions of this type's schema shipped in this jar, oldest first. */
  public static List<Schema> releasedSchemas(Class<? extends SpecificRecord> type) {
    String resource = RELEASED_RESOURCE_DIR + SchemaHistory.fileName(currentSchema(type));
    try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return List.of();
      }
      return SchemaHistory.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The current schema and every released one: all the writer schemas a reader must accept. */
  public static List<Schema> knownWriterSchemas(Class<? extends SpecificRecord> type) {
    List<Schema> schemas = new ArrayList<>(releasedSchemas(type));
    schemas.add(currentSchema(type));
    return schemas;
  }
}
