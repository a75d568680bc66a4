package org.ridemarket.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.ridemarket.loadtest.metrics.PrometheusText;
import org.ridemarket.loadtest.metrics.ServerTimer;

/**
 * The start and the end of a run: a check that the service answers before any load is offered, and
 * the report, printed as one block after Gatling's own output and kept in a file.
 */
public final class RunReport {

  private final LoadSettings settings;
  private final Path summaryFile;

  /** A report of a run with {@code settings}, kept in {@code summaryFile}. */
  public RunReport(LoadSettings settings, Path summaryFile) {
    this.settings = settings;
    this.summaryFile = summaryFile;
  }

  /**
   * Where the report is kept: system property {@code loadSummaryFile} (the module's pom sets
   * target/load-summary.txt, since Gatling's JVM runs in the directory Maven was started from).
   */
  public static Path summaryFile() {
    return Path.of(System.getProperty("loadSummaryFile", "load-summary.txt"));
  }

  /**
   * Fails at once, with what to do, when the service's metrics do not answer; warns about server
   * timers it does not publish (their lines will say so too).
   */
  public void checkReachable(List<ServerTimer> timers) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    String body;
    try {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(settings.metricsUrl())
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(settings.metricsUrl() + " answered HTTP " + response.statusCode());
      }
      body = response.body();
    } catch (IOException e) {
      String message = "nothing answers at " + settings.metricsUrl() + " (" + e
          + "): start the stack first (./stack at the repository root) or pass -DbaseUrl=...";
      // Gatling prints the cause's stack first; this line is what to read.
      System.err.println("load test not started: " + message);
      throw new IllegalStateException(message, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    PrometheusText metrics = PrometheusText.parse(body);
    for (ServerTimer timer : timers) {
      if (!timer.readFrom(metrics).present()) {
        System.out.println("note: " + timer.label() + " is not in " + settings.metricsUrl()
            + "; its report line will say so");
      }
    }
    System.out.println(header("starting"));
  }

  /** The report of {@code phases} (one per rate, in order) of {@code endpoint}. */
  public List<String> lines(String endpoint, List<MeasuredPhase> phases, List<ServerTimer> timers) {
    List<String> lines = new ArrayList<>();
    lines.add(header(endpoint));
    for (MeasuredPhase phase : phases) {
      lines.addAll(phase.report(timers));
    }
    return lines;
  }

  /** Prints the report and writes it to the summary file. */
  public void print(String endpoint, List<MeasuredPhase> phases, List<ServerTimer> timers) {
    List<String> lines = lines(endpoint, phases, timers);
    String rule = "=".repeat(100);
    System.out.println();
    System.out.println(rule);
    lines.forEach(System.out::println);
    System.out.println(rule);
    try {
      Files.createDirectories(summaryFile.toAbsolutePath().getParent());
      Files.write(summaryFile, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String header(String what) {
    return "ridemarket load test, " + what + ": " + settings.baseUrl() + ", open model, "
        + (settings.warmUpSeconds() > 0 ? settings.warmUpSeconds() + " s warm-up then " : "")
        + settings.durationSeconds() + " s measured at "
        + settings.rates().stream().map(r -> r + "/s").collect(Collectors.joining(", then "))
        + "; seed " + settings.seed();
  }
}
