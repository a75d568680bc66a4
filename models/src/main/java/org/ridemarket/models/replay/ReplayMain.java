package org.ridemarket.models.replay;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ridemarket.models.eta.EtaRealTrainingMain;
import org.ridemarket.models.eta.EtaTrainingMain;
import org.ridemarket.models.fraud.FraudTrainingMain;
import org.ridemarket.models.fraud.HandbookEvaluationMain;
import org.ridemarket.models.surge.SurgeTrainingMain;

/**
 * The analysts' one command: replay recorded history, an event file or an event-time range of Kafka or of the
 * archive ({@link HistorySource}), through the feature topologies into point-in-time rows, then train, gate and
 * publish with one of the training jobs, which prints its progress and summary.
 *
 * <pre>
 *   replay JOB (--events FILE | --kafka SERVERS | --archive DIR) [--from T] [--to T] [JOB OPTIONS]
 * </pre>
 * JOB is one of {@link #JOBS}; its options (--version, --dry-run, --publish, ...) are those of its own command.
 * Unlike the jobs themselves, replay never simulates: without a source it stops.
 */
public final class ReplayMain {

  /** A training job's entry point. */
  @FunctionalInterface
  interface Job {
    void main(String[] args) throws Exception;
  }

  /** The jobs a replay can feed, by name. */
  static final Map<String, Job> JOBS = jobs();

  private ReplayMain() {
  }

  /** Runs the job on the replayed history; exits with 2 on a missing job or source. */
  public static void main(String[] args) throws Exception {
    String problem = problem(args);
    if (problem != null) {
      System.err.println("replay: " + problem);
      System.err.println("usage: replay JOB (--events FILE | --kafka SERVERS | --archive DIR) [--from T] [--to T]"
          + " [JOB OPTIONS]; JOB: " + String.join(", ", JOBS.keySet()) + " (see models/README.md, \"Replay\")");
      System.exit(2);
    }
    JOBS.get(args[0]).main(Arrays.copyOfRange(args, 1, args.length));
  }

  /** Why {@code args} cannot be replayed, or null. */
  static String problem(String[] args) {
    if (args.length == 0 || !JOBS.containsKey(args[0])) {
      return args.length == 0 ? "name a job" : "unknown job " + args[0];
    }
    HistorySource source = new HistorySource();
    try {
      source.take(Arrays.copyOfRange(args, 1, args.length));
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    return source.named() ? source.problem() : "name a source: --events FILE, --kafka SERVERS or --archive DIR";
  }

  private static Map<String, Job> jobs() {
    Map<String, Job> jobs = new LinkedHashMap<>();
    jobs.put("surge", SurgeTrainingMain::main);
    jobs.put("fraud", FraudTrainingMain::main);
    jobs.put("fraud-handbook", HandbookEvaluationMain::main);
    jobs.put("eta", EtaTrainingMain::main);
    jobs.put("eta-nyc", EtaRealTrainingMain::main);
    return jobs;
  }
}
