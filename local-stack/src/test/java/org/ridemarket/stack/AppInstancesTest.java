package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Another instance of an app starts with the stack's own recipe, the caller's JVM options after the stack's. */
class AppInstancesTest {

  private static final Path REPO = Path.of("/repo");

  @Test
  void shouldStartAnAppAsTheStackDoesWithTheExtraOptionsBeforeTheJar() {
    ProcessBuilder eta = AppInstances.beside(REPO, "eta-service", List.of("-Dquarkus.http.port=18082"));

    List<String> command = eta.command();
    assertThat(command).containsSubsequence("-Xmx512m", "-Dcom.google.protobuf.use_unsafe_pre22_gencode=true",
        "-Dquarkus.http.port=18082", "-jar", REPO.resolve("eta-service/target/quarkus-app/quarkus-run.jar").toString());
    assertThat(command.indexOf("-Dquarkus.http.port=18082")).isLessThan(command.indexOf("-jar"));
    assertThat(eta.directory()).isEqualTo(REPO.toFile());
    assertThat(eta.environment()).containsEntry("SERVING_ADMIN_KEYS", AppSpec.DEV_ADMIN_KEY);
    assertThat(AppInstances.beside(REPO, "fraud-service", List.of()).environment())
        .containsEntry("FRAUD_API_KEYS", AppSpec.DEV_FRAUD_API_KEY);
  }

  @Test
  void shouldRefuseAnAppTheStackDoesNotRun() {
    assertThatThrownBy(() -> AppInstances.beside(REPO, "surge-service", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("surge-service");
  }
}
