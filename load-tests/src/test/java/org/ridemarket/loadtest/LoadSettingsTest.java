package org.ridemarket.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {

  @Test
  void shouldDefaultToAGentleRunAgainstTheLocalPricingService() {
    // when
    LoadSettings settings = LoadSettings.from(name -> null);

    // then
    assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
    assertThat(settings.metricsUrl()).isEqualTo(URI.create("http://127.0.0.1:8081/q/metrics"));
    assertThat(settings.rates()).containsExactly(50);
    assertThat(settings.warmUp()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(settings.seed()).isEqualTo(42);
  }

  @Test
  void shouldReadRatesDurationsAndUrls() {
    // given
    Map<String, String> properties = Map.of("rate", "500, 1000", "duration", "2m", "warmup", "0s",
        "baseUrl", "http://127.0.0.1:9000/", "seed", "7");

    // when
    LoadSettings settings = LoadSettings.from(properties::get);

    // then
    assertThat(settings.rates()).containsExactly(500, 1000);
    assertThat(settings.durationSeconds()).isEqualTo(120);
    assertThat(settings.warmUpSeconds()).isZero();
    assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThat(settings.metricsUrl()).isEqualTo(URI.create("http://127.0.0.1:9000/q/metrics"));
    assertThat(settings.seed()).isEqualTo(7);
  }

  @Test
  void shouldNameThePropertyThatIsWrong() {
    assertThatThrownBy(() -> LoadSettings.from(Map.of("rate", "fast")::get))
        .hasMessageStartingWith("rate:").hasMessageContaining("'fast'");
    assertThatThrownBy(() -> LoadSettings.from(Map.of("rate", "0")::get)).hasMessageStartingWith("rate:");
    assertThatThrownBy(() -> LoadSettings.from(Map.of("rate", "500.5")::get)).hasMessageStartingWith("rate:");
    assertThatThrownBy(() -> LoadSettings.from(Map.of("duration", "soon")::get)).hasMessageStartingWith("duration:");
    assertThatThrownBy(() -> LoadSettings.from(Map.of("duration", "500ms")::get)).hasMessageStartingWith("duration:");
    assertThatThrownBy(() -> LoadSettings.from(Map.of("warmup", "10 s")::get)).hasMessageStartingWith("warmup:");
  }
}
