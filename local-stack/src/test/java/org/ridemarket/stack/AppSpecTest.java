package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppSpecTest {

  @Test
  void shouldStartTheConsoleAfterTheServicesItWatchesAndBeforeTheSimulator() {
    // when the local run lists its apps
    List<AppSpec> apps = AppSpec.of(Path.of("/repo"), Path.of("/state"), Path.of("/archive"), List.of());

    // then the console comes after the four services and before the archiver and the simulator, from its packaged jar
    assertThat(apps).extracting(AppSpec::name).containsExactly("feature-streams", "pricing-service", "eta-service",
        "fraud-service", "console", "archiver", "simulator");
    AppSpec console = apps.get(4);
    assertThat(console.jar()).isEqualTo(Path.of("/repo/console/target/quarkus-app/quarkus-run.jar"));
    assertThat(AppSpec.CONSOLE_URL).isEqualTo("http://127.0.0.1:8084/");
  }

  @Test
  void shouldStartTheArchiverFromItsJarIntoTheRunsRawZoneWithoutAPort() {
    List<AppSpec> apps = AppSpec.of(Path.of("/repo"), Path.of("/state"), Path.of("/archive/run-1"), List.of());

    AppSpec archiver = apps.get(5);
    assertThat(archiver.name()).isEqualTo("archiver");
    assertThat(archiver.jar()).isEqualTo(Path.of("/repo/archiver/target/archiver.jar"));
    assertThat(archiver.environment()).containsEntry("ARCHIVE_DIR", "/archive/run-1");
    assertThat(archiver.address()).isEmpty();
    assertThat(archiver.restart()).isEqualTo(AppSpec.Restart.ALWAYS);
  }
}
