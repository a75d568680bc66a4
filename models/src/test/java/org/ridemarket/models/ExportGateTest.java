package org.ridemarket.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.ridemarket.contracts.model.GateReport;

class ExportGateTest {

  private final XgboostOnnxExporter exporter = new XgboostOnnxExporter();
  private final ExportGate gate = new ExportGate();

  @ParameterizedTest
  @EnumSource(Objective.class)
  void shouldPassAFaithfulExportOnHeldOutThresholdAndMissingValueRows(Objective objective) {
    SyntheticMarket.Trained trained = TrainedModels.of(objective);
    ExportedModel exported = exporter.export(trained.booster(), trained.featureNames());

    GateReport report = gate.check(trained.booster(), exported, trained.heldOut());

    assertThat(report.passed()).as(report.summary()).isTrue();
    assertThat(report.maxAbsDiff()).isLessThan(1e-4);
    assertThat(report.heldOutRows()).isEqualTo(trained.heldOut().length);
    // Four rows per split on top of the held-out rows and their copies with a missing feature.
    assertThat(report.rowsChecked()).isGreaterThan(4 * 60 + 2 * trained.heldOut().length);
  }

  @ParameterizedTest
  @MethodSource("everyObjectiveWithEveryBreakage")
  void shouldRejectABrokenExport(Objective objective, BrokenExports breakage) {
    SyntheticMarket.Trained trained = TrainedModels.of(objective);
    ExportedModel broken = breakage.applyTo(exporter.export(trained.booster(), trained.featureNames()));

    GateReport report = gate.check(trained.booster(), broken, trained.heldOut());

    assertThat(report.passed()).as(report.summary()).isFalse();
    assertThat(report.maxAbsDiff()).isGreaterThanOrEqualTo(1e-4);
    if (breakage == BrokenExports.THRESHOLD_ONE_STEP_UP) {
      // Only a value exactly at the threshold tells the two apart, and the gate generates those for every split.
      BoostedTrees.Tree first = XgboostModelReader.read(trained.booster()).trees().get(0);
      assertThat(first.isLeaf(0)).as("the broken split is the first tree's root").isFalse();
      assertThat(report.worstRow().get(first.feature()[0])).isEqualTo(first.value()[0]);
    }
    if (breakage == BrokenExports.MISSING_DIRECTION_FLIPPED) {
      assertThat(report.worstRow()).containsNull();
    }
  }

  @ParameterizedTest
  @EnumSource(Objective.class)
  void shouldLeaveTheCallersRowsUnchanged(Objective objective) {
    SyntheticMarket.Trained trained = TrainedModels.of(objective);
    float[][] before = Arrays.stream(trained.heldOut()).map(float[]::clone).toArray(float[][]::new);

    gate.check(trained.booster(), exporter.export(trained.booster(), trained.featureNames()), trained.heldOut());

    // As strings, because NaN, the missing value, is not equal to itself.
    assertThat(Arrays.deepToString(trained.heldOut())).isEqualTo(Arrays.deepToString(before));
  }

  static Stream<Arguments> everyObjectiveWithEveryBreakage() {
    return Arrays.stream(Objective.values())
        .flatMap(objective -> Arrays.stream(BrokenExports.values()).map(b -> Arguments.of(objective, b)));
  }
}
