package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

  @Test
  void shouldRunTheDecisionServicesOnTheParallelCollector() {
    List<AppSpec> apps = AppSpec.of(Path.of("/repo"), Path.of("/state"), Path.of("/archive"), List.of());

    // the three decision services, and only they, get the serving JVM (eta-service with its own options after it)
    assertThat(apps.subList(1, 4)).allSatisfy(service ->
        assertThat(service.jvmOptions()).startsWith(AppSpec.SERVICE_JVM.toArray(String[]::new)));
    assertThat(apps.get(2).jvmOptions()).contains("-Dcom.google.protobuf.use_unsafe_pre22_gencode=true");
    assertThat(apps).filteredOn(app -> !app.name().endsWith("-service"))
        .allSatisfy(app -> assertThat(app.jvmOptions()).doesNotContain("-XX:+UseParallelGC"));
  }

  @Test
  void shouldAddTheJvmOptionsOfTheAppsVariableAfterItsOwn() {
    AppSpec pricing = AppSpec.of(Path.of("/repo"), Path.of("/state"), Path.of("/archive"), List.of()).get(1);

    // when the launcher's environment sets options for pricing-service and for another app
    List<String> command = pricing.command(Map.of(
        "PRICING_SERVICE_JAVA_OPTS", " -Xmx1g  -XX:-UseParallelGC -XX:+UseG1GC ", "ETA_SERVICE_JAVA_OPTS", "-Xmx2g"));

    // then pricing-service gets its own options, then the variable's (which win), and nothing of the other app's
    assertThat(pricing.javaOptionsVariable()).isEqualTo("PRICING_SERVICE_JAVA_OPTS");
    assertThat(command.subList(1, command.indexOf("-jar"))).containsExactly("-Xmx512m", "-XX:+UseParallelGC",
        "-XX:MetaspaceSize=128m", "-Xmx1g", "-XX:-UseParallelGC", "-XX:+UseG1GC");
    assertThat(pricing.command(Map.of())).doesNotContain("-Xmx1g", "-XX:+UseG1GC");
  }
}
