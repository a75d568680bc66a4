package org.ridemarket.loadtest.bench;

import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hot-swap check of the "Done when": a steady load on one service and, in the middle, a few
 * calls of its admin endpoint that activate a model version; every request before, during and after
 * must succeed. The path is a template ({@code {name}}, {@code {version}}) since the endpoint is new.
 */
public final class SwapRun {

  private final Options options;
  private final OpenLoop generator;
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  SwapRun(Options options, OpenLoop generator) {
    this.options = options;
    this.generator = generator;
  }

  /** Runs the load and the swaps. */
  SwapReport run() throws InterruptedException {
    Service service = Service.named(options.text("service", "pricing"));
    int rate = Math.max(1, options.integer("rate", 1_000));
    Duration during = options.duration("during", "10s");
    Timeline timeline = new Timeline().then("warm-up", options.duration("warmup", "10s"))
        .then("before", options.duration("before", "10s")).then("during", during)
        .then("after", options.duration("after", "10s"));
    int swaps = Math.max(1, options.integer("swaps", 3));
    String model = options.text("model", service.model());
    List<String> versions = options.list("versions", "1");
    String template = options.text("admin-path", "/admin/models/{name}/activate?version={version}");
    Map<String, String> admin = Map.of("X-Admin-Key", options.text("admin-key", "dev-admin-key"));
    RequestBodies bodies = new RequestBodies(Long.parseLong(options.text("seed", "42")), BenchSettings.runId(options));
    String apiKey = options.text("api-key", "dev-gateway-key");
    options.requireAllKnown();

    PhasedOutcomes outcomes = new PhasedOutcomes(timeline);
    int count = timeline.requestsAt(rate);
    Load load = new Load(service.label(), service.port(), HttpMethod.POST, service.path(),
        service == Service.FRAUD ? Map.of("X-Api-Key", apiKey) : Map.of(),
        bodies.build(service, 100 + service.ordinal(), count), rate, count, outcomes);
    List<TimedAction> actions = new ArrayList<>();
    long start = System.nanoTime() + 50_000_000L;
    for (int i = 0; i < swaps; i++) {
      // Spread inside the window, never on its edges, so each swap has requests on both sides.
      Duration at = timeline.startOf("during").plus(during.multipliedBy(2L * i + 1).dividedBy(2L * swaps));
      String uri = uri(template, model, versions.get(i % versions.size()));
      actions.add(new TimedAction(at, () -> swap(service, uri, admin, start)));
    }
    System.out.printf("swap: %d/s to %s for %d s; %d call(s) of POST %s during %d s from %d s%n", rate,
        service.label(), timeline.total().toSeconds(), swaps, uri(template, model, String.join("|", versions)),
        during.toSeconds(), timeline.startOf("during").toSeconds());
    generator.run(List.of(load), actions);
    return new SwapReport(service, rate, timeline, outcomes, List.copyOf(calls));
  }

  /** The admin path for {@code name} at {@code version}. */
  static String uri(String template, String name, String version) {
    return template.replace("{name}", name).replace("{version}", version);
  }

  private void swap(Service service, String uri, Map<String, String> headers, long start) {
    long sent = System.nanoTime();
    String outcome;
    try {
      OpenLoop.Answer answer = generator.call(service.port(), HttpMethod.POST, uri, headers);
      outcome = "HTTP " + answer.status();
    } catch (Exception e) {
      outcome = "no answer (" + e + ")";
    }
    String line = String.format(Locale.ROOT, "%.3f s: POST %s -> %s in %s ms", (sent - start) / 1e9, uri, outcome,
        Format.ms((System.nanoTime() - sent) / 1e6));
    calls.add(line);
    System.out.println("  " + line);
  }
}
