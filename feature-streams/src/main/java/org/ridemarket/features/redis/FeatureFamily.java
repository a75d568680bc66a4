package org.ridemarket.features.redis;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What the Redis sink needs to know about one family of feature vectors (supply/demand, velocity):
 * where the vectors come from, how they decode, and where and how each one lands in Redis.
 *
 * @param name the family as metrics and logs tag it ({@code supply_demand}, {@code velocity})
 * @param topic the compacted features topic the vectors are read from
 * @param decoder a record value to a vector; throws on bytes that are not one
 * @param redisKey the Redis hash a vector belongs to; vectors with the same key replace each other
 * @param eventTime a vector's event time, epoch millis; writes only ever move it forward
 * @param eventTimeField the hash field that holds the event time
 * @param redisHash a vector's hash fields when written at a wall-clock time, the event time field included
 */
public record FeatureFamily<T>(
    String name,
    String topic,
    Function<byte[], T> decoder,
    Function<T, String> redisKey,
    ToLongFunction<T> eventTime,
    String eventTimeField,
    BiFunction<T, Long, Map<String, String>> redisHash) {
}
