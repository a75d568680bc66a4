package org.ridemarket.loadtest.bench;

/**
 * CPU used by a service process and by the harness itself over a stretch of wall time, from
 * {@code /proc/<pid>/stat} (utime + stime of all threads) read at both ends.
 */
public final class CpuWindow {

  private final long pid;
  private volatile long startNanos;
  private volatile long serviceStart;
  private volatile long selfStart;
  private volatile long compilerStart;

  private CpuWindow(long pid) {
    this.pid = pid;
  }

  /** A window on {@code pid}, not started. */
  public static CpuWindow on(long pid) {
    return new CpuWindow(pid);
  }

  /** Starts (or restarts) the window now. */
  public CpuWindow start() {
    serviceStart = ProcStat.of(pid).cpuNanos();
    selfStart = ProcStat.self().cpuNanos();
    compilerStart = CompilerThreads.cpuNanos(pid);
    startNanos = System.nanoTime();
    return this;
  }

  /** The CPU used since {@link #start()}. */
  public Use stop() {
    long wall = System.nanoTime() - startNanos;
    return new Use(ProcStat.of(pid).cpuNanos() - serviceStart, ProcStat.self().cpuNanos() - selfStart, wall,
        CompilerThreads.cpuNanos(pid) - compilerStart);
  }

  /**
   * CPU over a window.
   *
   * @param serviceNanos the service process's CPU
   * @param generatorNanos the harness JVM's CPU (generator, its GC and JIT)
   * @param wallNanos the window's length
   * @param compilerNanos the part of the service's CPU its JIT compiler threads used ({@link CompilerThreads})
   */
  public record Use(long serviceNanos, long generatorNanos, long wallNanos, long compilerNanos) {

    /** The service's CPU per wall second, ms/s (1,000 is one core busy). */
    public double serviceMillisPerSecond() {
      return wallNanos == 0 ? Double.NaN : serviceNanos / 1e6 / (wallNanos / 1e9);
    }

    /** The service's JIT compiler threads' CPU per wall second, ms/s. */
    public double compilerMillisPerSecond() {
      return wallNanos == 0 ? Double.NaN : compilerNanos / 1e6 / (wallNanos / 1e9);
    }
  }
}
