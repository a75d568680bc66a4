package org.ridemarket.loadtest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the whole machine did during a measured phase, sampled every {@value #PERIOD_MILLIS} ms on a thread
 * of its own: how busy the CPUs were ({@code /proc/stat}), how many threads were runnable at the sample
 * ({@code procs_running}), and the CPU of every process of the stack, grouped by a readable name
 * ({@link ProcessLabel}). On a machine the service shares with the whole stack, a slow second of the
 * service is read against this: which processes were on the CPUs when it came.
 *
 * <p>The processes are listed once, when sampling starts; one that starts later is not counted. Costs the
 * harness about one read of {@code /proc/<pid>/stat} per process and period.
 */
public final class MachineSampler {

  static final long PERIOD_MILLIS = 250;

  private final List<String> labels;
  private final List<long[]> pidsByLabel;
  private final List<Sample> samples = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  private MachineSampler(Map<String, List<Long>> processes) {
    this.labels = List.copyOf(processes.keySet());
    this.pidsByLabel = processes.values().stream()
        .map(pids -> pids.stream().mapToLong(Long::longValue).toArray()).toList();
    this.thread = new Thread(this::sampleUntilStopped, "machine-sampler");
    thread.setDaemon(true);
  }

  /** Lists the machine's processes and starts sampling. */
  public static MachineSampler start() {
    MachineSampler sampler = new MachineSampler(ProcessLabel.processes(ProcessHandle.current().pid()));
    sampler.sampleOnce();
    sampler.thread.start();
    return sampler;
  }

  /** Stops sampling and returns what was sampled. */
  public Record stop() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(5));
    sampleOnce();
    synchronized (samples) {
      return new Record(labels, List.copyOf(samples));
    }
  }

  private void sampleUntilStopped() {
    while (running) {
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      sampleOnce();
    }
  }

  private void sampleOnce() {
    long now = System.nanoTime();
    long[] machine = machineTicks();
    long[] ticks = new long[labels.size()];
    for (int i = 0; i < ticks.length; i++) {
      for (long pid : pidsByLabel.get(i)) {
        ticks[i] += processTicks(pid);
      }
    }
    synchronized (samples) {
      samples.add(new Sample(now, machine[0], machine[1], machine[2], ticks));
    }
  }

  /** Busy ticks, all ticks (of every CPU), and threads runnable now, from /proc/stat; zeros if unreadable. */
  private static long[] machineTicks() {
    try {
      return parseStat(Files.readString(Path.of("/proc/stat")));
    } catch (IOException e) {
      return new long[3];
    }
  }

  static long[] parseStat(String stat) {
    long busy = 0;
    long all = 0;
    long running = 0;
    for (String line : stat.split("\n")) {
      if (line.startsWith("cpu ")) {
        String[] f = line.trim().split("\\s+");
        // user nice system idle iowait irq softirq steal (guest time is inside user already)
        for (int i = 1; i <= 8 && i < f.length; i++) {
          long value = Long.parseLong(f[i]);
          all += value;
          if (i != 4 && i != 5) {
            busy += value;
          }
        }
      } else if (line.startsWith("procs_running ")) {
        running = Long.parseLong(line.substring("procs_running ".length()).trim());
      }
    }
    return new long[] {busy, all, running};
  }

  private static long processTicks(long pid) {
    try {
      return ProcStat.of(pid).cpuTicks();
    } catch (RuntimeException e) {
      return 0; // exited; its last ticks are lost, which a sample of 250 ms shows as a dip
    }
  }

  /**
   * One sample.
   *
   * @param nanoTime when ({@link System#nanoTime()})
   * @param busyTicks the machine's busy CPU ticks so far
   * @param allTicks all its CPU ticks so far
   * @param runnable threads runnable at the sample, this one included
   * @param processTicks each label's CPU ticks so far
   */
  record Sample(long nanoTime, long busyTicks, long allTicks, long runnable, long[] processTicks) {
  }

  /** The samples of a phase, read one second at a time. */
  public static final class Record {

    private final List<String> labels;
    private final List<Sample> samples;

    Record(List<String> labels, List<Sample> samples) {
      this.labels = labels;
      this.samples = samples;
    }

    /**
     * The machine over {@code [fromNanoTime, toNanoTime]}, from the last sample at or before its start to the
     * first at or after its end (so a window of one second reads 1 to 1.5 s); null without two such samples.
     */
    public Window between(long fromNanoTime, long toNanoTime) {
      if (samples.isEmpty()) {
        return null;
      }
      Sample first = samples.get(0);
      Sample last = samples.get(samples.size() - 1);
      long maxRunnable = 0;
      for (Sample sample : samples) {
        if (sample.nanoTime() <= fromNanoTime) {
          first = sample; // the last sample at or before the start
        }
        if (sample.nanoTime() > fromNanoTime && sample.nanoTime() <= toNanoTime) {
          maxRunnable = Math.max(maxRunnable, sample.runnable());
        }
      }
      for (int i = samples.size() - 1; i >= 0; i--) {
        if (samples.get(i).nanoTime() >= toNanoTime) {
          last = samples.get(i); // the first sample at or after the end
        }
      }
      if (last.nanoTime() <= first.nanoTime()) {
        return null;
      }
      double seconds = (last.nanoTime() - first.nanoTime()) / 1e9;
      long all = last.allTicks() - first.allTicks();
      double busy = all == 0 ? Double.NaN : (double) (last.busyTicks() - first.busyTicks()) / all;
      Map<String, Double> perProcess = new LinkedHashMap<>();
      for (int i = 0; i < labels.size(); i++) {
        long ticks = last.processTicks()[i] - first.processTicks()[i];
        perProcess.put(labels.get(i), ticks * 1_000.0 / ProcStat.TICKS_PER_SECOND / seconds);
      }
      return new Window(busy, maxRunnable, perProcess);
    }
  }

  /**
   * The machine over a window.
   *
   * @param busyShare share of all CPUs' time that was busy, 0 to 1
   * @param maxRunnable the most threads runnable at any sample in it
   * @param millisPerSecond each label's CPU, ms per second (1,000 is one core)
   */
  public record Window(double busyShare, long maxRunnable, Map<String, Double> millisPerSecond) {

    /** The {@code n} labels that used the most CPU, with how much, most first. */
    public List<Map.Entry<String, Double>> top(int n) {
      return millisPerSecond.entrySet().stream()
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .limit(n).toList();
    }
  }

  /** Readable names for the stack's processes. */
  static final class ProcessLabel {

    private ProcessLabel() {
    }

    /** Every process with a command line (kernel threads have none), by label. */
    static Map<String, List<Long>> processes(long self) {
      Map<String, List<Long>> byLabel = new LinkedHashMap<>();
      for (ProcStat stat : StackProcesses.allStats()) {
        try {
          byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(stat.pid()), "cmdline"));
          if (raw.length > 0) {
            List<String> args = Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
            byLabel.computeIfAbsent(of(stat.pid(), self, stat.comm(), args), ignored -> new ArrayList<>())
                .add(stat.pid());
          }
        } catch (IOException e) {
          // exited since it was listed
        }
      }
      return byLabel;
    }

    /**
     * A process's label: {@code harness} for this JVM; for a JVM, the module of its
     * {@code <module>/target/quarkus-app/quarkus-run.jar}, else its {@code -jar}'s name, else its main class's
     * simple name; otherwise its command name ({@code postgres}, {@code redis-server}).
     */
    static String of(long pid, long self, String comm, List<String> args) {
      if (pid == self) {
        return "harness";
      }
      if (!comm.equals("java") || args.isEmpty()) {
        return comm;
      }
      for (String arg : args) {
        if (arg.endsWith("/target/quarkus-app/quarkus-run.jar")) {
          Path module = Path.of(arg).getParent().getParent().getParent();
          return module == null || module.getFileName() == null ? "quarkus-app" : module.getFileName().toString();
        }
      }
      int jar = args.indexOf("-jar");
      if (jar >= 0 && jar + 1 < args.size()) {
        String name = Path.of(args.get(jar + 1)).getFileName().toString();
        return name.replaceFirst("(-[0-9][^/]*)?\\.jar$", "");
      }
      for (int i = 1; i < args.size(); i++) {
        String arg = args.get(i);
        String previous = args.get(i - 1);
        boolean classpathValue = previous.equals("-cp") || previous.equals("-classpath")
            || previous.equals("--class-path");
        if (!arg.startsWith("-") && !classpathValue && arg.contains(".") && !arg.contains("/")) {
          return arg.substring(arg.lastIndexOf('.') + 1);
        }
      }
      return comm;
    }
  }
}
