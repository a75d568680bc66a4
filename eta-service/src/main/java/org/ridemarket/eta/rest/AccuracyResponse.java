package org.ridemarket.eta.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The rolling accuracy of this instance's ETAs over its most recent joined predictions.
 *
 * @param window how many joined predictions the figures are computed over, at most
 * @param predictions how many are in the window now
 * @param maeSeconds mean absolute error of etaSeconds against the actual duration; null with no predictions
 * @param p10P90Coverage share of actual durations inside [p10, p90] (0.8 when calibrated); null with no predictions
 * @param joinedTotal predictions joined with a completed trip since the start
 */
@Schema(description = "Rolling accuracy of ETAs joined with completed trips")
public record AccuracyResponse(int window, int predictions, Double maeSeconds, Double p10P90Coverage,
    long joinedTotal) {
}
