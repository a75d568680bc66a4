package org.ridemarket.console.streets;

import com.carrotsearch.hppc.LongArrayList;
import com.graphhopper.reader.ReaderElement;
import com.graphhopper.reader.ReaderNode;
import com.graphhopper.reader.ReaderWay;
import com.graphhopper.reader.osm.OSMInputFile;
import com.graphhopper.reader.osm.SkipOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The streets of an OpenStreetMap extract (PBF or XML) as simplified polylines, for the console's base
 * map: roads a car drives on, their nodes resolved to coordinates, each line thinned with Douglas-Peucker.
 */
public final class StreetExtractor {

  /** Road classes drawn; paths, service roads and everything else are left out to keep the map light. */
  static final Set<String> DRAWN = Set.of("motorway", "trunk", "primary", "secondary", "tertiary", "unclassified",
      "residential", "living_street", "motorway_link", "trunk_link", "primary_link", "secondary_link",
      "tertiary_link");

  private StreetExtractor() {
  }

  /** The drivable streets of {@code osmFile}, each simplified to within {@code toleranceMeters}. */
  public static List<Street> extract(Path osmFile, double toleranceMeters) {
    Map<Long, double[]> nodes = new HashMap<>();
    List<Street> streets = new ArrayList<>();
    try (OSMInputFile input = new OSMInputFile(osmFile.toFile())) {
      input.setWorkerThreads(1).setSkipOptions(new SkipOptions(false, false, true)).open();
      ReaderElement element;
      while ((element = input.getNext()) != null) {
        if (element instanceof ReaderNode node) {
          nodes.put(node.getId(), new double[] {node.getLat(), node.getLon()});
        } else if (element instanceof ReaderWay way && DRAWN.contains(way.getTag("highway", ""))) {
          List<double[]> line = resolve(way.getNodes(), nodes);
          if (line.size() >= 2) {
            streets.add(new Street(way.getTag("highway", ""), way.getTag("name", null),
                Simplifier.simplify(line, toleranceMeters)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OSM extract " + osmFile, e);
    } catch (javax.xml.stream.XMLStreamException e) {
      throw new IllegalStateException("cannot parse the OSM extract " + osmFile, e);
    }
    return streets;
  }

  // Nodes precede ways in an extract; a way's nodes outside the extract are skipped, splitting nothing.
  private static List<double[]> resolve(LongArrayList ids, Map<Long, double[]> nodes) {
    List<double[]> line = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      double[] point = nodes.get(ids.get(i));
      if (point != null) {
        line.add(point);
      }
    }
    return line;
  }

  /** One street: its road class, its name if it has one, its points as [lat, lon]. */
  public record Street(String highway, String name, List<double[]> points) {
  }
}
