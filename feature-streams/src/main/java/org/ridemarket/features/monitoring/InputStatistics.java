package org.ridemarket.features.monitoring;

import jakarta.enterprise.inject.spi.CDI;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Hands every input record the supply/demand application's main consumer reads to {@link InputMonitor}. The
 * congestion application reads two of the same topics with the same interceptors; its consumer records nothing, so
 * no record counts twice. Kafka makes interceptors, not CDI: the monitor is looked up.
 */
public final class InputStatistics implements ConsumerInterceptor<byte[], byte[]> {

  private InputMonitor monitor;

  @Override
  public void configure(Map<String, ?> configs) {
    String application = ConfigProvider.getConfig().getValue("quarkus.kafka-streams.application-id", String.class);
    if (application.equals(configs.get(ConsumerConfig.GROUP_ID_CONFIG))) {
      monitor = CDI.current().select(InputMonitor.class).get();
    }
  }

  @Override
  public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
    if (monitor != null) {
      for (ConsumerRecord<byte[], byte[]> record : records) {
        monitor.record(record);
      }
    }
    return records;
  }

  @Override
  public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
  }

  @Override
  public void close() {
  }
}
