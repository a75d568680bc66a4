package org.ridemarket.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.events.PaymentAttempted;

class SchemaCompatibilityTest {

  private static final Path SHIPPED = Path.of("src/main/resources/released-schemas");

  @Test
  void shouldFindTheShippedSchemasCompatibleWithTheirReleases() throws IOException {
    assertThat(SchemaCompatibilityGate.problems(SHIPPED)).isEmpty();
  }

  @Test
  void shouldAcceptAnAdditiveChange() {
    Schema v1 = payment(false, false);
    Schema v2 = payment(true, false);

    assertThat(SchemaCompatibility.check(v2, List.of(v1))).isEmpty();
  }

  @Test
  void shouldRejectANewFieldWithoutADefault() {
    Schema v1 = payment(false, false);
    Schema v2 = payment(false, true);

    assertThat(SchemaCompatibility.check(v2, List.of(v1)))
        .anySatisfy(problem -> assertThat(problem)
            .contains("new reader cannot read data written with released v1")
            .contains("riskTier"));
  }

  @Test
  void shouldFailTheGateOnADeliberatelyIncompatibleRelease(@TempDir Path released) throws IOException {
    // given the shipped histories, except that PaymentAttempted's was released with amountMinor as a string
    try (var files = Files.list(SHIPPED)) {
      for (Path file : files.toList()) {
        Files.copy(file, released.resolve(file.getFileName()));
      }
    }
    String name = PaymentAttempted.getClassSchema().getFullName() + ".json";
    String history = Files.readString(released.resolve(name));
    Files.writeString(released.resolve(name),
        history.replaceFirst("(\"name\" : \"amountMinor\",\\s*\"type\" : )\"long\"", "$1\"string\""));
    assertThat(Files.readString(released.resolve(name))).isNotEqualTo(history);

    // when the gate runs, then it names the type and the field, and the build step fails
    assertThat(SchemaCompatibilityGate.problems(released))
        .anySatisfy(problem -> assertThat(problem).contains("PaymentAttempted").contains("amountMinor"));
    assertThatThrownBy(() -> SchemaCompatibilityGate.main(new String[] {released.toString()}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("schema compatibility problem");
  }

  @Test
  void shouldFailTheGateWhenAReleasedTypeDisappears(@TempDir Path released) throws IOException {
    try (var files = Files.list(SHIPPED)) {
      for (Path file : files.toList()) {
        Files.copy(file, released.resolve(file.getFileName()));
      }
    }
    Files.copy(released.resolve(PaymentAttempted.getClassSchema().getFullName() + ".json"),
        released.resolve("org.ridemarket.contracts.events.RetiredEvent.json"));

    assertThat(SchemaCompatibilityGate.problems(released))
        .anySatisfy(problem -> assertThat(problem).contains("RetiredEvent").contains("no longer exists"));
  }

  @Test
  void shouldRoundTripAHistoryFile() {
    List<Schema> versions = List.of(payment(false, false), payment(true, false));

    assertThat(SchemaHistory.parse(SchemaHistory.render(versions))).isEqualTo(versions);
  }

  private static Schema payment(boolean optionalMerchant, boolean requiredRiskTier) {
    var fields = SchemaBuilder.record("Payment").namespace("test").fields()
        .requiredString("transactionId")
        .requiredLong("amountMinor");
    if (optionalMerchant) {
      fields = fields.optionalString("merchantId");
    }
    if (requiredRiskTier) {
      fields = fields.requiredInt("riskTier");
    }
    return fields.endRecord();
  }
}
