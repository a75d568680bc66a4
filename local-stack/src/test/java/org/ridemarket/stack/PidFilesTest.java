package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFilesTest {

  @TempDir
  Path dir;

  private Process sleeper;

  @AfterEach
  void killSleeper() {
    if (sleeper != null) {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void shouldEndARecordedProcessLeftRunningByAnEarlierRun() throws Exception {
    // given
    sleeper = new ProcessBuilder("sleep", "300").start();
    PidFiles pidFiles = new PidFiles(dir);
    pidFiles.record("redis", sleeper.toHandle());

    // when
    var ended = pidFiles.endLeftovers();

    // then
    assertThat(ended).containsExactly("redis (pid " + sleeper.pid() + ")");
    // gone when endLeftovers() returns; asked of the OS, since the test's Process object learns of the exit from a
    // stage of the JVM's reaper that may run after endLeftovers() returned (its isAlive() said true once, under load)
    assertThat(ProcessHandle.of(sleeper.pid()).filter(ProcessHandle::isAlive)).as("the sleeper, alive").isEmpty();
    assertThat(dir.resolve("redis.pid")).doesNotExist();
  }

  @Test
  void shouldLeaveAloneAProcessThatGotARecordedPidLater() throws Exception {
    // given a pid file whose pid now belongs to a process started at another time
    sleeper = new ProcessBuilder("sleep", "300").start();
    Files.writeString(dir.resolve("kafka.pid"), sleeper.pid() + "\n12345\n");
    PidFiles pidFiles = new PidFiles(dir);

    // when
    var ended = pidFiles.endLeftovers();

    // then
    assertThat(ended).isEmpty();
    assertThat(sleeper.isAlive()).isTrue();
    assertThat(dir.resolve("kafka.pid")).doesNotExist();
  }
}
