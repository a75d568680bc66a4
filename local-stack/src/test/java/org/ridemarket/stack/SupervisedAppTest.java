package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupervisedAppTest {

  private static final RestartBackoff QUICK = new RestartBackoff(Duration.ofMillis(50), Duration.ofMillis(400),
      Duration.ofMinutes(1));
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path dir;

  private final OutputLines output = new OutputLines();
  private final Supervisor supervisor = new Supervisor(output.stream(), QUICK);
  private SupervisedApp app;

  @AfterEach
  void stop() {
    supervisor.close();
    if (app != null) {
      app.stop();
    }
  }

  @Test
  void shouldRestartACrashedAppWithTheEnvironmentItWasStartedWith() throws Exception {
    // given an app that prints a variable of its environment, then runs until killed
    app = app(AppSpec.Restart.ALWAYS, "echo \"token=$APP_TOKEN\"; exec sleep 300", Map.of("APP_TOKEN", "t-1"));
    app.start();
    supervisor.watch(app);
    output.await(line -> line.equals("[fake-app] token=t-1"), 1, WAIT);

    // when it is killed with SIGKILL
    app.handle().destroyForcibly();

    // then it runs again, with the same environment, and the crash and the restart are logged
    output.await(line -> line.equals("[fake-app] token=t-1"), 2, WAIT);
    output.await(line -> line.startsWith("[stack] restarted fake-app (pid "), 1, WAIT);
    assertThat(app.handle().isAlive()).isTrue();
    assertThat(output.lines()).anyMatch(line -> line.startsWith("[stack] fake-app exited with code 137"))
        .anyMatch(line -> line.startsWith("[stack] restarted fake-app (pid "));
    assertThat(new PidFiles(dir.resolve("pids")).endLeftovers()).hasSize(1);
  }

  @Test
  void shouldRestartOnRequestWithTheSameEnvironment() throws Exception {
    // given a running app
    app = app(AppSpec.Restart.ALWAYS, "echo \"token=$APP_TOKEN\"; exec sleep 300", Map.of("APP_TOKEN", "t-2"));
    app.start();
    supervisor.watch(app);

    // when a restart is asked for, as ./stack restart fake-app does through the control socket
    String answer;
    try (ControlSocket control = ControlSocket.open(dir, request -> supervisor.restart(request.split(" ")[1]))) {
      answer = ControlSocket.send(dir, "restart fake-app");
    }

    // then
    assertThat(answer).startsWith("restarted fake-app (pid ");
    output.await(line -> line.equals("[fake-app] token=t-2"), 2, WAIT);
  }

  @Test
  void shouldLeaveAFinishedJobFinished() throws Exception {
    // given a job that ends by itself with exit code 0, restarted only on failure
    app = app(AppSpec.Restart.ON_FAILURE, "echo done", Map.of());
    app.start();
    supervisor.watch(app);

    // when it has finished
    output.await(line -> line.equals("[stack] fake-app finished (exit code 0); not restarted"), 1, WAIT);
    Thread.sleep(300);

    // then it was not started again
    assertThat(output.count(line -> line.equals("[fake-app] done"))).isEqualTo(1);
  }

  @Test
  void shouldRestartAFailedJob() throws Exception {
    // given a job that fails
    app = app(AppSpec.Restart.ON_FAILURE, "echo failing; exit 3", Map.of());
    app.start();
    supervisor.watch(app);

    // then it is restarted with back-off
    output.await(line -> line.startsWith("[stack] fake-app exited with code 3"), 2, WAIT);
    assertThat(output.count(line -> line.equals("[fake-app] failing"))).isGreaterThanOrEqualTo(2);
  }

  private SupervisedApp app(AppSpec.Restart policy, String script, Map<String, String> environment) {
    AppSpec spec = new AppSpec("fake-app", dir.resolve("fake.jar"), List.of(), List.of(), Map.of()).restarted(policy);
    return new SupervisedApp(spec, List.of("/bin/sh", "-c", script), dir, environment, new PidFiles(dir.resolve("pids")),
        output.stream(), Duration.ofSeconds(10));
  }
}
