package org.ridemarket.pricing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ridemarket.pricing.config.PricingConfig;

class SurgePolicyTest {

  private final SurgePolicy policy = new SurgePolicy(3.0, 0.1, 0.15);

  @Test
  void shouldNeverQuoteBelowOne() {
    assertThat(policy.next(0.4, null)).isEqualTo(1.0);
    assertThat(policy.next(-2.0, 1.8)).isEqualTo(1.0);
  }

  @Test
  void shouldCapTheMultiplier() {
    assertThat(policy.next(7.9, null)).isEqualTo(3.0);
    assertThat(policy.next(12.0, 2.4)).isEqualTo(3.0);
  }

  @Test
  void shouldApplyTheEmergencyCapOnlyWhenItIsSwitchedOn() {
    SurgePolicy normal = SurgePolicy.from(surge(false));
    SurgePolicy emergency = SurgePolicy.from(surge(true));

    assertThat(normal.next(2.6, null)).isEqualTo(2.6);
    assertThat(emergency.cap()).isEqualTo(1.5);
    assertThat(emergency.next(2.6, null)).isEqualTo(1.5);
  }

  @Test
  void shouldServeAHeldMultiplierUnderALoweredCap() {
    SurgePolicy emergency = new SurgePolicy(1.5, 0.1, 0.15);

    assertThat(emergency.next(2.45, 2.4)).isEqualTo(1.5);
    assertThat(emergency.bound(2.4)).isEqualTo(1.5);
  }

  @Test
  void shouldRoundToSteps() {
    assertThat(policy.next(1.34, null)).isEqualTo(1.3);
    assertThat(policy.next(1.36, null)).isEqualTo(1.4);
  }

  @Test
  void shouldNotFlapWhenTheRawValueWobblesBetweenWindows() {
    List<Double> published = new ArrayList<>();
    Double current = null;
    for (int window = 0; window < 40; window++) {
      double raw = window % 2 == 0 ? 1.44 : 1.56;
      current = policy.next(raw, current);
      published.add(current);
    }

    assertThat(changes(published)).isLessThanOrEqualTo(1);
    assertThat(published.get(published.size() - 1)).isBetween(1.4, 1.6);
  }

  @Test
  void shouldFollowARealRiseAndFall() {
    double rising = policy.next(2.3, policy.next(1.0, null));
    double falling = policy.next(1.2, rising);

    assertThat(rising).isEqualTo(2.3);
    assertThat(falling).isEqualTo(1.2);
  }

  @Test
  void shouldReturnToOneWhenTheCellCalmsDown() {
    assertThat(policy.next(1.04, 1.1)).isEqualTo(1.0);
    assertThat(policy.next(1.0, 1.8)).isEqualTo(1.0);
  }

  @Test
  void shouldGiveTheSameMultiplierWhenTheSameWindowIsPricedAgain() {
    for (double raw = 0.8; raw < 3.4; raw += 0.013) {
      for (Double previous : new Double[] {null, 1.0, 1.7, 2.9}) {
        double once = policy.next(raw, previous);

        assertThat(policy.next(raw, once)).as("raw %s after %s", raw, previous).isEqualTo(once);
      }
    }
  }

  @Test
  void shouldRefuseANonFiniteModelValue() {
    assertThatThrownBy(() -> policy.next(Double.NaN, 1.2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseADeadBandNarrowerThanAStep() {
    assertThatThrownBy(() -> new SurgePolicy(3.0, 0.1, 0.05)).hasMessageContaining("dead band >= step");
  }

  private static long changes(List<Double> values) {
    long changes = 0;
    for (int i = 1; i < values.size(); i++) {
      if (!values.get(i).equals(values.get(i - 1))) {
        changes++;
      }
    }
    return changes;
  }

  private static PricingConfig.Surge surge(boolean emergencyOn) {
    return new PricingConfig.Surge() {
      @Override
      public double cap() {
        return 3.0;
      }

      @Override
      public double step() {
        return 0.1;
      }

      @Override
      public double deadBand() {
        return 0.15;
      }

      @Override
      public Duration memory() {
        return Duration.ofMinutes(30);
      }

      @Override
      public long memoryCells() {
        return 1_000;
      }

      @Override
      public PricingConfig.Emergency emergency() {
        return new PricingConfig.Emergency() {
          @Override
          public boolean enabled() {
            return emergencyOn;
          }

          @Override
          public double cap() {
            return 1.5;
          }
        };
      }
    };
  }
}
