package org.ridemarket.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsmExtractsTest {

  @TempDir
  Path root;

  @Test
  void shouldFindTheSharedExtractFromTheRepositoryRootAndFromAModule() throws IOException {
    Path extract = Files.createDirectories(root.resolve("shared/data/osm")).resolve(OsmExtracts.MIDTOWN_FILE);
    Files.writeString(extract, "pbf");
    Path repository = Files.createDirectories(root.resolve("ridemarket"));
    Path module = Files.createDirectories(repository.resolve("routing"));

    assertThat(OsmExtracts.locate(null, null, repository)).contains(extract.normalize());
    assertThat(OsmExtracts.locate(null, null, module)).contains(extract.normalize());
  }

  @Test
  void shouldFindNothingWithoutTheSharedData() {
    assertThat(OsmExtracts.locate(null, null, root.resolve("ridemarket/routing"))).isEmpty();
  }

  @Test
  void shouldPreferThePropertyToTheVariableAndTheSharedData() throws IOException {
    Path fromProperty = Files.writeString(root.resolve("property.osm.pbf"), "pbf");
    Path fromEnv = Files.writeString(root.resolve("env.osm.pbf"), "pbf");

    assertThat(OsmExtracts.locate(fromProperty.toString(), fromEnv.toString(), root)).contains(fromProperty);
    assertThat(OsmExtracts.locate(null, fromEnv.toString(), root)).contains(fromEnv);
  }

  @Test
  void shouldRefuseAConfiguredFileThatDoesNotExist() {
    String missing = root.resolve("missing.osm.pbf").toString();

    assertThatThrownBy(() -> OsmExtracts.locate(missing, null, root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing.osm.pbf");
  }
}
