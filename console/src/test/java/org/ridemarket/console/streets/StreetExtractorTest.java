package org.ridemarket.console.streets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreetExtractorTest {

  // A tiny extract: a straight residential street of three nodes, a bent primary road, a footway, and a
  // street whose middle node lies outside the extract.
  private static final String EXTRACT = """
      <?xml version="1.0" encoding="UTF-8"?>
      <osm version="0.6" generator="test">
        <node id="1" lat="40.7500" lon="-73.9900"/>
        <node id="2" lat="40.7500" lon="-73.9890"/>
        <node id="3" lat="40.7500" lon="-73.9880"/>
        <node id="4" lat="40.7510" lon="-73.9900"/>
        <node id="5" lat="40.7520" lon="-73.9890"/>
        <node id="6" lat="40.7510" lon="-73.9880"/>
        <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/><tag k="name" v="West 34th Street"/></way>
        <way id="11"><nd ref="4"/><nd ref="5"/><nd ref="6"/><tag k="highway" v="primary"/></way>
        <way id="12"><nd ref="1"/><nd ref="4"/><tag k="highway" v="footway"/></way>
        <way id="13"><nd ref="4"/><nd ref="99"/><nd ref="1"/><tag k="highway" v="tertiary"/></way>
        <way id="14"><nd ref="2"/><nd ref="5"/><tag k="building" v="yes"/></way>
      </osm>
      """;

  @TempDir
  Path dir;

  @Test
  void shouldKeepDrivableStreetsSimplifiedAndDropEverythingElse() throws Exception {
    // given the extract on disk
    Path file = Files.writeString(dir.resolve("tiny.osm"), EXTRACT);

    // when its streets are extracted with a 4 m tolerance
    List<StreetExtractor.Street> streets = StreetExtractor.extract(file, 4);

    // then the footway and the building are gone, the straight street lost its middle node, the bend kept it
    assertThat(streets).extracting(StreetExtractor.Street::highway).containsExactly("residential", "primary", "tertiary");
    assertThat(streets.get(0).name()).isEqualTo("West 34th Street");
    assertThat(streets.get(0).points()).hasSize(2);
    assertThat(streets.get(0).points().get(1)).containsExactly(40.7500, -73.9880);
    assertThat(streets.get(1).points()).hasSize(3);
    // and the node outside the extract is skipped, not a crash
    assertThat(streets.get(2).points()).hasSize(2);
  }

  @Test
  void shouldServeTheStreetsAsGeoJsonWithTheAttribution() throws Exception {
    // given the extracted streets
    Path file = Files.writeString(dir.resolve("tiny.osm"), EXTRACT);
    ObjectMapper json = new ObjectMapper();

    // when they are written as GeoJSON
    JsonNode collection = json.readTree(BaseMap.toGeoJson(StreetExtractor.extract(file, 4), json));

    // then each is a LineString of [lon, lat], and the data's licence is named
    assertThat(collection.path("type").asText()).isEqualTo("FeatureCollection");
    assertThat(collection.path("attribution").asText()).isEqualTo("© OpenStreetMap contributors");
    JsonNode first = collection.path("features").get(0);
    assertThat(first.path("geometry").path("type").asText()).isEqualTo("LineString");
    assertThat(first.path("geometry").path("coordinates").get(0).get(0).asDouble()).isEqualTo(-73.99);
    assertThat(first.path("geometry").path("coordinates").get(0).get(1).asDouble()).isEqualTo(40.75);
    assertThat(first.path("properties").path("highway").asText()).isEqualTo("residential");
  }

  @Test
  void shouldKeepAPointThatBendsTheLineMoreThanTheTolerance() {
    // given a line with a 20 m bump in the middle and a 1 m wobble
    List<double[]> line = List.of(new double[] {40.75, -73.99}, new double[] {40.750009, -73.9895},
        new double[] {40.7502, -73.985}, new double[] {40.75, -73.98});

    // then a 4 m tolerance drops the wobble and keeps the bump
    assertThat(Simplifier.simplify(line, 4)).extracting(point -> point[0]).containsExactly(40.75, 40.7502, 40.75);
    // and a 50 m tolerance keeps only the ends
    assertThat(Simplifier.simplify(line, 50)).hasSize(2);
  }
}
