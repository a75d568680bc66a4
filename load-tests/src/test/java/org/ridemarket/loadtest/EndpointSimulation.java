package org.ridemarket.loadtest;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ridemarket.loadtest.measure.PhaseRecorder;
import org.ridemarket.loadtest.metrics.PrometheusText;

/**
 * The plumbing every endpoint's simulation shares: for each offered rate of {@link LoadSettings}, a
 * warm-up, a scrape of the service's metrics, the measured phase, and a second scrape once its last
 * request is done; then the report. Open model: each request is its own virtual user, started on
 * Gatling's schedule whether or not earlier ones have been answered, and its latency counts from when
 * it was due ({@link PhaseRecorder}), so neither a slow service nor a late generator hides latency.
 */
public abstract class EndpointSimulation extends Simulation {

  /** Session attribute a request's checks may set: true when the answer says it is degraded. */
  public static final String DEGRADED = "degraded";

  private static final String STATUS = "ridemarket.status";
  private static final String DUE = "ridemarket.due";
  private static final String METRICS = "ridemarket.metrics";

  private final LoadSettings settings = LoadSettings.fromSystemProperties();
  private final List<MeasuredPhase> phases = new ArrayList<>();
  private final RunReport report = new RunReport(settings, RunReport.summaryFile());
  private Endpoint endpoint;

  /** The run's settings. */
  protected final LoadSettings settings() {
    return settings;
  }

  /** Sets up the whole run for {@code target}; call once, from the subclass's constructor. */
  protected final void load(Endpoint target) {
    this.endpoint = target;
    List<PopulationBuilder> steps = new ArrayList<>();
    for (int i = 0; i < settings.rates().size(); i++) {
      int rate = settings.rates().get(i);
      if (settings.warmUpSeconds() > 0) {
        PhaseRecorder discarded = new PhaseRecorder(target.name(), rate, settings.warmUpSeconds());
        steps.add(requests("warm-up " + rate + "/s", 2L * i, rate, settings.warmUpSeconds(), discarded));
      }
      MeasuredPhase phase = new MeasuredPhase(target.name(), rate, settings.durationSeconds());
      phases.add(phase);
      steps.add(scrape("metrics before " + rate + "/s", phase::scrapedBefore));
      steps.add(requests(rate + "/s", 2L * i + 1, rate, settings.durationSeconds(), phase.recorder()));
      steps.add(scrape("metrics after " + rate + "/s", phase::scrapedAfter));
    }
    // Strictly one step after the other: a phase starts once every request of the previous one is done.
    PopulationBuilder chain = steps.get(steps.size() - 1);
    for (int i = steps.size() - 2; i >= 0; i--) {
      chain = steps.get(i).andThen(chain);
    }
    setUp(chain).protocols(http.baseUrl(settings.baseUrl().toString())
        // One pool for all users, as many clients behind a gateway; Gatling's warm-up would call the internet.
        .shareConnections().disableWarmUp());
  }

  @Override
  public void before() {
    report.checkReachable(endpoint.serverTimers());
  }

  @Override
  public void after() {
    report.print(endpoint.name(), phases, endpoint.serverTimers());
  }

  private PopulationBuilder requests(String phase, long stream, int rate, long seconds, PhaseRecorder recorder) {
    String name = endpoint.name() + " " + phase;
    return scenario(name)
        .exec(session -> {
          PhaseRecorder.Start start = recorder.start(System.nanoTime());
          return session.setAll(endpoint.attributes().of(stream, start.index())).set(DUE, start.dueNanos());
        })
        .exec(endpoint.request().apply(name).check(status().saveAs(STATUS)))
        .exec(session -> {
          long now = System.nanoTime();
          if (session.isFailed()) {
            recorder.failed(failure(session), now);
          } else {
            recorder.succeeded(session.getLong(DUE), now, Boolean.TRUE.equals(session.getBooleanWrapper(DEGRADED)));
          }
          return session;
        })
        .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds)));
  }

  private PopulationBuilder scrape(String name, Consumer<PrometheusText> sink) {
    return scenario(endpoint.name() + " " + name)
        .exec(http("metrics").get(settings.metricsUrl().toString()).header("Accept", "text/plain")
            .check(status().is(200), bodyString().saveAs(METRICS)))
        .exec(session -> {
          sink.accept(PrometheusText.parse(session.getString(METRICS)));
          return session;
        })
        .injectOpen(atOnceUsers(1));
  }

  // Gatling's console and report list the exact messages; the summary groups them by status.
  private static String failure(Session session) {
    Integer status = session.getIntegerWrapper(STATUS);
    if (status == null) {
      return "no response";
    }
    return status / 100 == 2 ? "HTTP " + status + " with an unexpected body" : "HTTP " + status;
  }
}
