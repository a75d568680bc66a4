package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineSamplerTest {

  private static final long S = 1_000_000_000L;

  @Test
  void shouldReadBusyAndAllTicksAndRunnableThreadsFromProcStat() {
    // given user nice system idle iowait irq softirq steal guest guest_nice
    String stat = "cpu  100 5 20 300 10 1 2 3 0 0\ncpu0 50 2 10 150 5 0 1 1 0 0\nintr 1 2\nprocs_running 7\n";

    // when
    long[] ticks = MachineSampler.parseStat(stat);

    // then busy leaves out idle and iowait
    assertThat(ticks).containsExactly(100 + 5 + 20 + 1 + 2 + 3, 100 + 5 + 20 + 300 + 10 + 1 + 2 + 3, 7);
  }

  @Test
  void shouldNameTheStacksProcesses() {
    assertThat(MachineSampler.ProcessLabel.of(10, 10, "java", List.of("java", "-jar", "x.jar"))).isEqualTo("harness");
    assertThat(MachineSampler.ProcessLabel.of(11, 10, "java", List.of("/usr/bin/java", "-Xmx512m", "-jar",
        "/repo/pricing-service/target/quarkus-app/quarkus-run.jar"))).isEqualTo("pricing-service");
    assertThat(MachineSampler.ProcessLabel.of(12, 10, "java", List.of("java", "-jar",
        "/repo/simulator/target/simulator.jar", "--speed", "1"))).isEqualTo("simulator");
    assertThat(MachineSampler.ProcessLabel.of(13, 10, "java", List.of("java", "-Xms64m", "-cp", "a.jar:b.jar",
        "org.ridemarket.kafkabroker.BrokerMain", "--port", "19092"))).isEqualTo("BrokerMain");
    assertThat(MachineSampler.ProcessLabel.of(14, 10, "postgres", List.of("postgres: checkpointer")))
        .isEqualTo("postgres");
  }

  @Test
  void shouldReadOneSecondFromTheSamplesAroundIt() {
    // given samples every 250 ms: the machine 50 % busy (one of two CPUs), "a" one core busy from 1 s on
    List<MachineSampler.Sample> samples = new java.util.ArrayList<>();
    for (int i = 0; i <= 12; i++) {
      long t = i * S / 4;
      long aTicks = i <= 4 ? 0 : (i - 4) * 25L; // 25 ticks = 250 ms of CPU per sample from 1 s on
      samples.add(new MachineSampler.Sample(t, i * 25L, i * 50L, i == 6 ? 9 : 2, new long[] {aTicks, 0}));
    }
    MachineSampler.Record record = new MachineSampler.Record(List.of("a", "b"), samples);

    // when
    MachineSampler.Window second = record.between(S, 2 * S);
    MachineSampler.Window first = record.between(0, S);

    // then
    assertThat(second.busyShare()).isCloseTo(0.5, within(1e-9));
    assertThat(second.maxRunnable()).isEqualTo(9);
    assertThat(second.millisPerSecond().get("a")).isCloseTo(1_000, within(1e-6));
    assertThat(second.top(1)).extracting(java.util.Map.Entry::getKey).containsExactly("a");
    assertThat(first.millisPerSecond().get("a")).isZero();
    assertThat(first.maxRunnable()).isEqualTo(2);
  }

  @Test
  void shouldSampleThisMachine() throws InterruptedException {
    // given
    MachineSampler sampler = MachineSampler.start();
    long from = System.nanoTime();

    // when this thread keeps a CPU busy for 600 ms
    long spin = 0;
    while (System.nanoTime() - from < 600_000_000L) {
      spin++;
    }
    MachineSampler.Record record = sampler.stop();

    // then the harness (this JVM) shows CPU in the window
    MachineSampler.Window window = record.between(from, System.nanoTime());
    assertThat(spin).isPositive();
    assertThat(window).isNotNull();
    assertThat(window.millisPerSecond()).containsKey("harness");
    assertThat(window.millisPerSecond().get("harness")).isGreaterThan(100);
    assertThat(window.busyShare()).isBetween(0.0, 1.0);
  }
}
