package org.ridemarket.fraud.repository;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.ridemarket.contracts.events.FraudLabel;
import org.ridemarket.contracts.events.FraudPattern;
import org.ridemarket.fraud.PaymentDecision;
import org.ridemarket.fraud.ReviewState;

/**
 * Reads decisions back and moves reviews through the queue; {@link DecisionJournal} writes decisions.
 * Each review step is one conditional UPDATE, so two analysts acting at once cannot both win.
 */
@ApplicationScoped
@WithSession
public class DecisionRepository implements PanacheRepositoryBase<PaymentDecision, String> {

  /** The decision of this transaction, or null. */
  @WithSpan("DecisionRepository.find")
  public Uni<PaymentDecision> find(@SpanAttribute("transaction.id") String transactionId) {
    return findById(transactionId);
  }

  /** Reviews in a state, oldest decision first. */
  @WithSpan("DecisionRepository.reviews")
  public Uni<List<PaymentDecision>> reviews(ReviewState state, int limit) {
    return find("reviewState", Sort.by("decidedAt").and("transactionId"), state.name())
        .page(Page.ofSize(limit)).list();
  }

  /**
   * Assigns an open review to an analyst.
   *
   * @return true when this call took it; false when it was not open (then read it to see why)
   */
  @WithTransaction
  @WithSpan("DecisionRepository.take")
  public Uni<Boolean> take(String transactionId, String analyst, Instant now) {
    return update("reviewState = :taken, assignedTo = :analyst, takenAt = :now"
            + " where transactionId = :id and reviewState = :open",
        Parameters.with("taken", ReviewState.TAKEN.name()).and("analyst", analyst).and("now", now)
            .and("id", transactionId).and("open", ReviewState.OPEN.name()))
        .map(updated -> updated == 1);
  }

  /**
   * Labels a review that is open, or taken by this analyst, and closes it.
   *
   * @return true when this call labelled it; false otherwise (then read it to see why)
   */
  @WithTransaction
  @WithSpan("DecisionRepository.label")
  public Uni<Boolean> label(String transactionId, String analyst, FraudLabel label, FraudPattern pattern,
      Instant now) {
    return update("reviewState = :labeled, assignedTo = :analyst, takenAt = coalesce(takenAt, :now),"
            + " label = :label, pattern = :pattern, labeledAt = :now"
            + " where transactionId = :id and (reviewState = :open or (reviewState = :taken and assignedTo = :analyst))",
        Parameters.with("labeled", ReviewState.LABELED.name()).and("analyst", analyst).and("now", now)
            .and("label", label.name()).and("pattern", pattern.name()).and("id", transactionId)
            .and("open", ReviewState.OPEN.name()).and("taken", ReviewState.TAKEN.name()))
        .map(updated -> updated == 1);
  }
}
