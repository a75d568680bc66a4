package org.ridemarket.features.redis;

import java.time.Duration;
import java.util.Optional;

/**
 * The settings of one Redis sink.
 *
 * @param groupId consumer group (and client id) of the sink's consumer
 * @param ttl a hash expires when no vector refreshed it for this long
 * @param maxBatch the most records one poll hands to one pipelined Redis batch
 * @param writeTimeout how long to wait for a batch's Redis replies before the batch is retried
 * @param retryBackoff pause before retrying after Redis failed
 * @param instanceId the consumer's static member id in the group, if membership is static
 */
public record SinkSettings(String groupId, Duration ttl, int maxBatch, Duration writeTimeout, Duration retryBackoff,
    Optional<String> instanceId) {
}
