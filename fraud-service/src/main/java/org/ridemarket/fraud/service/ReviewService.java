package org.ridemarket.fraud.service;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.fraud.PaymentDecision;
import org.ridemarket.fraud.ReviewConflictException;
import org.ridemarket.fraud.ReviewNotFoundException;
import org.ridemarket.fraud.ReviewState;
import org.ridemarket.fraud.repository.DecisionRepository;

/**
 * The analysts' review queue over REVIEW decisions: list, take, label. A label closes the review and
 * is published to {@code fraud.labels} (source ANALYST_REVIEW) for retraining. Taking and labelling
 * are idempotent for the analyst who did it, so a retried request gets the same answer.
 */
@ApplicationScoped
public class ReviewService {

  private final DecisionRepository decisions;
  private final LabelEvents labels;

  ReviewService(DecisionRepository decisions, LabelEvents labels) {
    this.decisions = decisions;
    this.labels = labels;
  }

  /** Reviews in a state, oldest first. */
  @WithSpan("ReviewService.list")
  public Uni<List<PaymentDecision>> list(ReviewState state, int limit) {
    return decisions.reviews(state, limit);
  }

  /**
   * Assigns an open review to {@code analyst}.
   *
   * @return a Uni that fails with {@link ReviewNotFoundException} or {@link ReviewConflictException}
   */
  @WithSpan("ReviewService.take")
  public Uni<PaymentDecision> take(@SpanAttribute("transaction.id") String transactionId, String analyst) {
    return decisions.take(transactionId, analyst, now())
        .chain(taken -> decisions.find(transactionId).map(review -> {
          requireReview(transactionId, review);
          if (taken || review.getReviewState() == ReviewState.TAKEN && analyst.equals(review.getAssignedTo())) {
            return review;
          }
          throw new ReviewConflictException(review.getReviewState() == ReviewState.LABELED
              ? "this transaction is already labelled"
              : "this transaction is taken by " + review.getAssignedTo());
        }));
  }

  /**
   * Labels a review and publishes the label, waiting for Kafka. Repeating the same label by the same
   * analyst publishes it again (same event id), which is how a label whose event failed is resent.
   *
   * @return a Uni that fails with {@link ReviewNotFoundException}, {@link ReviewConflictException} or
   *     {@link org.ridemarket.fraud.LabelNotPublishedException}
   */
  @WithSpan("ReviewService.label")
  public Uni<PaymentDecision> label(@SpanAttribute("transaction.id") String transactionId, String analyst,
      FraudLabel label, FraudPattern pattern) {
    return decisions.label(transactionId, analyst, label, pattern, now())
        .chain(labelled -> decisions.find(transactionId).map(review -> {
          requireReview(transactionId, review);
          boolean sameLabel = review.getReviewState() == ReviewState.LABELED && analyst.equals(review.getAssignedTo())
              && review.getLabel() == label && Objects.equals(review.getPattern(), pattern);
          if (labelled || sameLabel) {
            return review;
          }
          throw new ReviewConflictException(review.getReviewState() == ReviewState.LABELED
              ? "this transaction is already labelled " + review.getLabel() + " by " + review.getAssignedTo()
              : "this transaction is taken by " + review.getAssignedTo());
        }))
        .call(labels::publish);
  }

  private static void requireReview(String transactionId, PaymentDecision review) {
    if (review == null || review.getReviewState() == ReviewState.NONE) {
      throw new ReviewNotFoundException(transactionId);
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
