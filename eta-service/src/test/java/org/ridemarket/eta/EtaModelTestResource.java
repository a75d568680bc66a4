package org.ridemarket.eta;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ridemarket.contracts.features.EtaFeatures;
import org.ridemarket.contracts.model.ModelArtifactLayout;
import org.ridemarket.contracts.model.TrainingHistogram;
import org.ridemarket.contracts.model.TrainingHistogramJson;

/**
 * Publishes test ETA models into a temporary artifact store once per JVM, in the layout of the real
 * ones ({@code eta/eta-<v>.onnx}, {@code eta-p10/...}, {@code eta-p90/...}), and points the service at
 * it; plus {@value #MISORDERED}, a p10 model on the contract's features in reverse order, which the
 * service must refuse.
 */
public class EtaModelTestResource implements QuarkusTestResourceLifecycleManager {

  /** A p10 model trained on the right features in the wrong order. */
  public static final String MISORDERED = "eta-p10-misordered";
  /** The version of every test model. */
  public static final String VERSION = "test-1";

  private static Path store;

  @Override
  public Map<String, String> start() {
    return Map.of("serving.models.dir", store().toString());
  }

  @Override
  public void stop() {
    // The store is reused by the next application start of this JVM and deleted with the temp dir.
  }

  private static float[][] trainingRows() {
    Random random = new Random(7);
    float[][] rows = new float[1_000][EtaFeatures.NAMES.size()];
    for (float[] row : rows) {
      for (int f = 0; f < row.length; f++) {
        row[f] = (float) random.nextGaussian();
      }
    }
    return rows;
  }

  /** The artifact store with the models, published on first use. */
  public static synchronized Path store() {
    if (store == null) {
      try {
        Path root = Files.createTempDirectory("eta-models-");
        EtaModelFixture.publish(root, "eta", VERSION, EtaModelFixture.POINT_LEVEL, EtaFeatures.NAMES);
        // The point model comes with a training histogram, so the service registers its drift gauges.
        Files.write(ModelArtifactLayout.histogramFile(root, "eta", VERSION), TrainingHistogramJson.write(
            TrainingHistogram.of("eta:" + VERSION, EtaFeatures.NAMES, trainingRows(), 10)));
        EtaModelFixture.publish(root, "eta-p10", VERSION, EtaModelFixture.P10_LEVEL, EtaFeatures.NAMES);
        EtaModelFixture.publish(root, "eta-p90", VERSION, EtaModelFixture.P90_LEVEL, EtaFeatures.NAMES);
        List<String> reversed = new ArrayList<>(EtaFeatures.NAMES);
        Collections.reverse(reversed);
        EtaModelFixture.publish(root, MISORDERED, VERSION, EtaModelFixture.P10_LEVEL, reversed);
        store = root;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return store;
  }
}
