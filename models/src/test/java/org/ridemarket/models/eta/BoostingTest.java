package org.ridemarket.models.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoostingTest {

  @Test
  void shouldNameTheTwoRecipes() {
    assertThat(EtaTrainer.Boosting.named("compact")).isEqualTo(new EtaTrainer.Boosting(150, 0.1));
    assertThat(EtaTrainer.Boosting.named("fine")).isEqualTo(new EtaTrainer.Boosting(300, 0.05));
  }

  @Test
  void shouldRefuseAnUnknownNameOrAnImpossibleRecipe() {
    assertThatThrownBy(() -> EtaTrainer.Boosting.named("huge")).hasMessageContaining("huge")
        .hasMessageContaining("compact or fine");
    assertThatThrownBy(() -> new EtaTrainer.Boosting(100, 0)).hasMessageContaining("learning rate");
    assertThatThrownBy(() -> new EtaTrainer.Boosting(100, 1.5)).hasMessageContaining("learning rate");
  }
}
