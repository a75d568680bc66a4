package org.ridemarket.tracing.zipkin;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import zipkin2.reporter.SpanBytesEncoder;

/**
 * Sends an app's spans to a Zipkin server (the local run's trace UI, `./stack --traces`, which has no OTLP
 * receiver) when {@code ridemarket.traces.exporter=zipkin}; feature-streams and the decision services take it from
 * this jar's index. Otherwise this exporter does not exist for lookup, and
 * Quarkus exports over OTLP: it drops its OTLP exporter only when it finds a CDI {@link SpanExporter}.
 */
@ApplicationScoped
public class ZipkinExport {

  @Produces
  @Singleton
  @LookupIfProperty(name = "ridemarket.traces.exporter", stringValue = "zipkin")
  SpanExporter zipkin(@ConfigProperty(name = "ridemarket.traces.zipkin-endpoint",
      defaultValue = "http://127.0.0.1:9411/api/v2/spans") String endpoint) {
    return ZipkinSpanExporter.builder().setEncoder(SpanBytesEncoder.JSON_V2)
        .setSender(new JdkZipkinSender(endpoint, Duration.ofSeconds(10))).build();
  }
}
