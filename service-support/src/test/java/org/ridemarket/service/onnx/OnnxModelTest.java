package org.ridemarket.service.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ridemarket.contracts.model.ModelArtifacts;

class OnnxModelTest {

  @TempDir
  static Path store;
  private static OnnxModel model;

  @BeforeAll
  static void open() {
    TinyModel.publish(store, "tiny", "1", TinyModel.FEATURES);
    model = OnnxModel.open(ModelArtifacts.load(store, "tiny", "1"));
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void shouldScoreOneRowLikeTheTrainedFunction() {
    assertThat(model.id()).isEqualTo("tiny:1");
    assertThat(model.score(new float[] {3, 4})).isCloseTo(11f, offset(1f));
    assertThat(model.score(new float[] {10, 1})).isCloseTo(12f, offset(1f));
  }

  @Test
  void shouldScoreABatchLikeSingleRows() {
    float[][] rows = {{3, 4}, {10, 1}, {0, 19}};

    assertThat(model.score(rows)).containsExactly(model.score(rows[0]), model.score(rows[1]), model.score(rows[2]));
    assertThat(model.score(new float[0][])).isEmpty();
  }

  @Test
  void shouldGiveEachThreadTheSameAnswer() throws Exception {
    float expected = model.score(new float[] {5, 5});
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      for (int i = 0; i < 8; i++) {
        Future<Float> answer = threads.submit(() -> model.score(new float[] {5, 5}));
        assertThat(answer.get()).isEqualTo(expected);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void shouldScoreRowAfterRowThroughTheSameTensorsLikeABatch() {
    // Each thread reuses its tensors for single rows: every row must still get its own answer, the one a batch
    // (fresh tensors) gives it.
    float[][] rows = new float[200][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new float[] {i % 20, (i * 7) % 20};
    }
    float[] batch = model.score(rows);
    for (int i = 0; i < rows.length; i++) {
      assertThat(model.score(rows[i])).as("row %d", i).isEqualTo(batch[i]);
    }
    // Rows of different answers, so that an answer left over from the row before would show.
    assertThat(IntStream.range(0, batch.length).mapToObj(i -> batch[i]).distinct().count()).isGreaterThan(10);
  }

  @Test
  void shouldCloseEachThreadsTensorsWithTheModel() throws Exception {
    OnnxModel another = OnnxModel.open(ModelArtifacts.load(store, "tiny", "1"));
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch allThree = new CountDownLatch(3);
      List<Future<Float>> answers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        answers.add(threads.submit(() -> {
          float answer = another.score(new float[] {5, 5});
          allThree.countDown();
          // Each task holds its thread until all three have scored, so three threads made their tensors.
          allThree.await(5, TimeUnit.SECONDS);
          return answer;
        }));
      }
      for (Future<Float> answer : answers) {
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(model.score(new float[] {5, 5}));
      }
      assertThat(another.rowRunsOpen()).isEqualTo(3);
    } finally {
      threads.shutdownNow();
      another.close();
    }
    assertThat(another.rowRunsOpen()).isZero();
  }

  @Test
  void shouldRefuseARowOfTheWrongWidth() {
    assertThatThrownBy(() -> model.score(new float[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes 2 features, got 3");
  }
}
