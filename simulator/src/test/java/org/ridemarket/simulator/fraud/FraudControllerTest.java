package org.ridemarket.simulator.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FraudControllerTest {

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.005, 0.02, 0.05, 0.2})
  void shouldKeepCommittedFraudWithinOneEpisodeOfTheShare(double share) {
    // given a controller fed 50,000 legitimate payments and episodes of 1 to 12 payments
    FraudController controller = new FraudController(share);
    SplittableRandom rng = new SplittableRandom(1);
    long legit = 0;
    long fraud = 0;

    // when
    for (int i = 0; i < 50_000; i++) {
      controller.legitPaid();
      legit++;
      while (controller.behind()) {
        int episode = 1 + rng.nextInt(12);
        controller.committed(episode);
        fraud += episode;
      }
      // then at every step the share is at most one episode off
      assertThat(fraud - share * (fraud + legit)).isBetween(-1.0, 12.0);
    }
    assertThat((double) fraud / (fraud + legit)).isCloseTo(share, Offset.offset(0.0005));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 0.6})
  void shouldRejectAShareOutsideZeroToOneHalf(double share) {
    assertThatThrownBy(() -> new FraudController(share)).isInstanceOf(IllegalArgumentException.class);
  }
}
