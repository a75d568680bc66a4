package org.ridemarket.models.fraud;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ridemarket.contracts.features.VelocityFeatures;
import org.ridemarket.contracts.model.ModelSignature;
import org.ridemarket.models.ModelDescription;
import org.ridemarket.models.ModelPublisher;
import org.ridemarket.models.XgboostOnnxExporter;
import org.ridemarket.models.replay.HistorySource;

/**
 * The fraud model on the Fraud Detection Handbook's history: replays the handbook importer's events (payments,
 * chargebacks 7 days later; from its event file, or a time range of Kafka or of the archive) through the velocity
 * topology into point-in-time rows, evaluates the handbook's 7/7/7 protocol over the last test weeks ({@link HandbookEvaluation}) and prints the per-week table;
 * optionally publishes the last week's model as {@value #MODEL_NAME}, a name of its own, so that services keep
 * serving the simulated city's {@code fraud} unless told otherwise. With several training windows, each gets its
 * table over the same test weeks, and the last window's model is the one published. See models/README.md for the
 * command.
 *
 * <pre>
 *   --events FILE     event file of `importers.jar handbook --out FILE` (alias --history), or
 *   --kafka SERVERS, --archive DIR with --from T --to T: a time range of the topics or the raw zone
 *                     ({@link HistorySource}); one of them is required
 *   --weeks N         test weeks, the last N whole weeks of the history (default 4)
 *   --train-days D,.. training windows in days, each ending where the protocol's does (default 7, the protocol's)
 *   --publish V       publish the last week's model as fraud-handbook:V
 *   --artifacts DIR   artifact store (default models/artifacts from the repository root)
 * </pre>
 */
public final class HandbookEvaluationMain {

  /** The published model's name: it says which history trained it. */
  public static final String MODEL_NAME = "fraud-handbook";

  private HandbookEvaluationMain() {
  }

  /** Runs the evaluation; exits with 2 on bad options. */
  public static void main(String[] args) throws Exception {
    Path artifacts = Files.isDirectory(Path.of("models")) ? Path.of("models", "artifacts") : Path.of("artifacts");
    HistorySource history = new HistorySource();
    int weeks = 4;
    List<Duration> windows = List.of(HandbookEvaluation.TRAIN);
    String publish = null;
    args = history.take(args);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--weeks" -> weeks = Integer.parseInt(args[++i]);
        case "--train-days" -> windows = Arrays.stream(args[++i].split(",")).map(String::trim)
            .map(days -> Duration.ofDays(Long.parseLong(days))).toList();
        case "--publish" -> publish = args[++i];
        case "--artifacts" -> artifacts = Path.of(args[++i]);
        default -> {
          System.err.println("handbook evaluation: unknown option " + args[i] + " (see HandbookEvaluationMain)");
          System.exit(2);
        }
      }
    }
    history.exitOnProblem("handbook evaluation");
    long started = System.nanoTime();
    FraudHistory replayed = new FraudHistory(new VelocityReplay(), HandbookEvaluation.DELAY);
    history.replay(FraudHistory.TOPICS, replayed::accept);
    replayed.close();
    List<FraudRow> rows = replayed.rows();
    System.out.printf(Locale.ROOT, "replayed %,d events (%,d payments, %,d labels) in %.0f s: %,d rows, %,d frauds%n",
        replayed.events(), replayed.payments(), replayed.labels(), seconds(started), rows.size(),
        rows.stream().filter(FraudRow::fraud).count());

    List<HandbookEvaluation.Week> evaluated = null;
    for (Duration window : windows) {
      evaluated = HandbookEvaluation.slide(rows, weeks, window);
      System.out.printf(Locale.ROOT, "%ntrained on %d days before the %d-day delay:%n", window.toDays(),
          HandbookEvaluation.DELAY.toDays());
      System.out.print(HandbookEvaluation.table(evaluated));
    }
    System.out.printf(Locale.ROOT, "evaluated in %.0f s in all%n", seconds(started));
    if (publish != null) {
      HandbookEvaluation.Week last = evaluated.get(evaluated.size() - 1);
      Instant from = Instant.ofEpochMilli(last.train().get(0).time());
      Instant to = Instant.ofEpochMilli(last.train().get(last.train().size() - 1).time());
      String trainedOn = String.format(Locale.ROOT, "Fraud Detection Handbook card transactions paid %s .. %s"
          + " (chargebacks %d days after their payment), replayed from %s", from.toString().substring(0, 10),
          to.toString().substring(0, 10), HandbookEvaluation.DELAY.toDays(), history.describe());
      ModelSignature signature = new ModelPublisher(artifacts).publish(
          new ModelDescription(MODEL_NAME, publish, from, to, last.metrics(), trainedOn,
              replayed.replay().settings().signatureSettings()),
          last.booster(), new XgboostOnnxExporter().export(last.booster(), VelocityFeatures.NAMES),
          last.test().stream().map(FraudRow::features).toArray(float[][]::new),
          last.train().stream().map(FraudRow::features).toArray(float[][]::new));
      System.out.printf(Locale.ROOT, "published %s into %s (gate: %s)%n", signature.id(), artifacts.toAbsolutePath(),
          signature.gate().summary());
    }
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
