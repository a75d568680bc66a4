package org.ridemarket.simulator.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UberPickupsTest {

  @TempDir
  Path dir;

  @Test
  void shouldParseBothDateLayoutsOfTheFile() {
    assertThat(UberPickups.parse("\"4/1/2014 0:11:00\",40.769,-73.9549,\"B02512\""))
        .isEqualTo(new UberPickups.Pickup(40.769, -73.9549, 0));
    assertThat(UberPickups.parse("2014/4/1 17:11:00,40.7521,-73.9914,B02512"))
        .isEqualTo(new UberPickups.Pickup(40.7521, -73.9914, 17));
    assertThat(UberPickups.parse("Date/Time,Lat,Lon,Base")).isNull();
    assertThat(UberPickups.parse("garbage")).isNull();
  }

  @Test
  void shouldKeepOnlyPickupsInsideTheBox() throws IOException {
    // given
    Path csv = Files.writeString(dir.resolve("uber.csv"), """
        Date/Time,Lat,Lon,Base
        "4/1/2014 8:11:00",40.7527,-73.9772,"B02512"
        "4/1/2014 9:11:00",40.7690,-73.9549,"B02512"
        """);

    // then
    assertThat(UberPickups.read(csv, CityBox.MIDTOWN)).containsExactly(new UberPickups.Pickup(40.7527, -73.9772, 8));
  }
}
