package org.ridemarket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphHopperSettingsTest {

  @TempDir
  Path directory;

  @Test
  void shouldDefaultToTheFastestCarModel() {
    GraphHopperSettings settings = GraphHopperSettings.of(Path.of("x.osm.pbf"), directory);

    assertThat(settings.customModelJson()).contains("\"distance_influence\": 0").contains("car_average_speed");
    assertThat(settings.maxSnapMetres()).isEqualTo(GraphHopperSettings.DEFAULT_MAX_SNAP_METRES);
  }

  @Test
  void shouldRefuseAMissingExtract() {
    Path missing = directory.resolve("missing.osm.pbf");

    assertThatThrownBy(() -> GraphHopperRouter.open(missing, directory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.osm.pbf");
  }

  @Test
  void shouldRefuseACustomModelThatIsNotJson() throws IOException {
    Path extract = Files.writeString(directory.resolve("tiny.osm.pbf"), "not read before the model is");
    GraphHopperSettings settings = GraphHopperSettings.of(extract, directory).withCustomModel("{ speed: [");

    assertThatThrownBy(() -> GraphHopperRouter.open(settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid custom model");
  }
}
