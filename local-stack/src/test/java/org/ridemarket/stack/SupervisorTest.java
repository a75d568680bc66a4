package org.ridemarket.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SupervisorTest {

  private static final RestartBackoff QUICK = new RestartBackoff(Duration.ofMillis(50), Duration.ofMillis(400),
      Duration.ofMinutes(1));
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final OutputLines output = new OutputLines();
  private final Supervisor supervisor = new Supervisor(output.stream(), QUICK);
  private final List<FakeChild> children = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    supervisor.close();
    children.forEach(FakeChild::stop);
  }

  @Test
  void shouldRestartAChildKilledWithSigkillAndLogIt() throws Exception {
    // given a supervised child
    FakeChild child = child("fake");
    supervisor.watch(child);
    long firstPid = child.handle().pid();

    // when it is killed
    child.handle().destroyForcibly();

    // then it is restarted, as a new process, and both the exit and the restart are logged
    output.await(line -> line.startsWith("[stack] restarted fake (pid "), 1, WAIT);
    assertThat(child.handle().pid()).isNotEqualTo(firstPid);
    assertThat(child.handle().isAlive()).isTrue();
    assertThat(output.lines()).anySatisfy(line -> assertThat(line)
        .startsWith("[stack] fake exited with code 137 after").contains("restarting in 0.1 s (crash 1 in a row)"));
  }

  @Test
  void shouldBackOffLongerWithEachCrashInARow() throws Exception {
    // given a supervised child
    FakeChild child = child("flaky");
    supervisor.watch(child);

    // when it is killed three times in a row, each time once it was restarted
    for (int crash = 1; crash <= 3; crash++) {
      child.handle().destroyForcibly();
      output.await(line -> line.startsWith("[stack] restarted flaky"), crash, WAIT);
    }

    // then the delay doubled each time
    assertThat(output.lines()).filteredOn(line -> line.contains("restarting in"))
        .extracting(line -> line.substring(line.indexOf("restarting in")))
        .containsExactly("restarting in 0.1 s (crash 1 in a row)", "restarting in 0.1 s (crash 2 in a row)",
            "restarting in 0.2 s (crash 3 in a row)");
  }

  @Test
  void shouldKeepTryingWhenARestartFails() throws Exception {
    // given a child whose next two starts fail
    FakeChild child = child("stubborn");
    supervisor.watch(child);
    child.failNextStarts(2);

    // when it crashes
    child.handle().destroyForcibly();

    // then each failed start is logged with a longer delay, and the third attempt brings it back
    output.await(line -> line.startsWith("[stack] restarted stubborn"), 1, WAIT);
    assertThat(output.count(line -> line.startsWith("[stack] stubborn did not start again: no luck"))).isEqualTo(2);
    assertThat(child.handle().isAlive()).isTrue();
  }

  @Test
  void shouldRestartOnRequestWithoutCountingACrash() throws Exception {
    // given a supervised child
    FakeChild child = child("asked");
    supervisor.watch(child);
    long firstPid = child.handle().pid();

    // when a restart is asked for
    String answer = supervisor.restart("asked");

    // then the old process was stopped and a new one runs, and no crash was reported
    assertThat(answer).startsWith("restarted asked (pid ").contains("on request");
    assertThat(ProcessHandle.of(firstPid).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(child.handle().isAlive()).isTrue();
    Thread.sleep(300);
    assertThat(output.lines()).noneMatch(line -> line.contains("exited"));
    assertThat(child.starts()).isEqualTo(2);
  }

  @Test
  void shouldNameTheChildrenWhenAskedForAnUnknownOne() throws Exception {
    // given
    supervisor.watch(child("kafka"));

    // when / then
    assertThatThrownBy(() -> supervisor.restart("kafak")).hasMessage("no child named 'kafak'; the stack runs kafka");
  }

  @Test
  void shouldRestartNothingOnceClosed() throws Exception {
    // given a supervised child, and the supervisor closed as the stack stops
    FakeChild child = child("stopping");
    supervisor.watch(child);
    supervisor.close();

    // when the child ends
    child.handle().destroyForcibly();
    child.handle().onExit().get();
    Thread.sleep(300);

    // then it stays ended
    assertThat(child.starts()).isEqualTo(1);
    assertThat(output.lines()).noneMatch(line -> line.contains("restart"));
  }

  private FakeChild child(String name) throws IOException {
    FakeChild child = new FakeChild(name);
    child.restart();
    children.add(child);
    return child;
  }

  /** A child process that does nothing (sleep), started again on restart, and made to fail on request. */
  private static final class FakeChild implements Supervised {
    private final String name;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger starts = new AtomicInteger();
    private volatile Process process;

    FakeChild(String name) {
      this.name = name;
    }

    void failNextStarts(int count) {
      failures.set(count);
    }

    int starts() {
      return starts.get();
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public ProcessHandle handle() {
      return process.toHandle();
    }

    @Override
    public CompletableFuture<String> exited() {
      return process.onExit().thenApply(exited -> "exited with code " + exited.exitValue());
    }

    @Override
    public void restart() throws IOException {
      if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        throw new IOException("no luck");
      }
      process = new ProcessBuilder("sleep", "300").start();
      starts.incrementAndGet();
    }

    @Override
    public void stop() {
      if (process != null) {
        ChildProcesses.stop(process.toHandle(), Duration.ofSeconds(5));
      }
    }
  }
}
