package org.ridemarket.stack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a running stack's servers listen, and the environment variables that point any
 * ridemarket app at them (or, in production, at real infrastructure).
 */
public record StackEndpoints(
    String kafkaBootstrapServers,
    String redisUrl,
    String postgresHost,
    int postgresPort,
    String postgresDatabase,
    String postgresUser,
    String postgresPassword) {

  /** Kafka bootstrap servers, {@code host:port[,host:port...]}. */
  public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
  /** Redis, {@code redis://host:port}. */
  public static final String REDIS_URL = "REDIS_URL";
  /** PostgreSQL, {@code postgresql://host:port/database} (the Vert.x form; prefix {@code jdbc:} for JDBC). */
  public static final String POSTGRES_URL = "POSTGRES_URL";
  /** PostgreSQL user name. */
  public static final String POSTGRES_USER = "POSTGRES_USER";
  /** PostgreSQL password. */
  public static final String POSTGRES_PASSWORD = "POSTGRES_PASSWORD";

  /** The PostgreSQL URL in the form the reactive (Vert.x) client takes. */
  public String postgresUrl() {
    return "postgresql://" + postgresHost + ":" + postgresPort + "/" + postgresDatabase;
  }

  /** The PostgreSQL URL in the form JDBC takes. */
  public String jdbcUrl() {
    return "jdbc:" + postgresUrl();
  }

  /** The project's environment-variable contract for pointing an app at this infrastructure. */
  public Map<String, String> asEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrapServers);
    env.put(REDIS_URL, redisUrl);
    env.put(POSTGRES_URL, postgresUrl());
    env.put(POSTGRES_USER, postgresUser);
    env.put(POSTGRES_PASSWORD, postgresPassword);
    return Collections.unmodifiableMap(env);
  }
}
