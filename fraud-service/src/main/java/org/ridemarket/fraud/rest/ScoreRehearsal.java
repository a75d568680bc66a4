package org.ridemarket.fraud.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.ridemarket.fraud.PaymentDecision;
import org.ridemarket.fraud.mapping.DecisionMapper;
import org.ridemarket.fraud.mapping.PaymentMapper;
import org.ridemarket.fraud.repository.DecisionJournal;
import org.ridemarket.fraud.service.FraudService;
import org.ridemarket.service.rest.route.DecisionRoutes;
import org.ridemarket.service.warmup.WarmupStep;

/**
 * A fraud decision's own work, rehearsed before readiness (ADR 0031): the request's JSON and checks (the
 * card-number screen included), the payload hash, the scoring row, the rules, the answer's JSON, and the
 * journal's write of the decision and its event in a transaction that is rolled back. Nothing is recorded or
 * sent; the core rehearses the Redis read, the model and the HTTP server.
 */
@ApplicationScoped
class ScoreRehearsal implements WarmupStep {

  private final DecisionRoutes routes;
  private final FraudService fraud;
  private final PaymentMapper payments;
  private final DecisionJournal journal;
  private final DecisionMapper mapper;

  ScoreRehearsal(DecisionRoutes routes, FraudService fraud, PaymentMapper payments, DecisionJournal journal,
      DecisionMapper mapper) {
    this.routes = routes;
    this.fraud = fraud;
    this.payments = payments;
    this.journal = journal;
    this.mapper = mapper;
  }

  @Override
  public String name() {
    return "score";
  }

  @Override
  public CompletionStage<?> rehearse(int round) throws IOException {
    byte[] body = ("{\"transactionId\":\"warm-up-" + round + "\",\"cardFingerprint\":\"fp_warm_up\","
        + "\"userId\":\"rider-warm-up\",\"deviceId\":\"dev-warm-up\",\"amountMinor\":" + (1_000 + round % 5_000)
        + ",\"currency\":\"USD\",\"location\":{\"lat\":40.7580,\"lon\":-73.9855},\"merchantId\":\"merchant-warm-up\","
        + "\"eventTime\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8);
    PaymentDecision decision = fraud.rehearse(payments.toPayment(routes.rehearseRequest(body, ScoreRequest.class),
        Instant.now()));
    routes.rehearseAnswer(mapper.toResponse(decision));
    return WarmupStep.writeEvery(round, deadline -> journal.rehearse(decision, deadline).subscribeAsCompletionStage());
  }
}
