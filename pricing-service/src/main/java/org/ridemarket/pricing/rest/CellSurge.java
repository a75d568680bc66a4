package org.ridemarket.pricing.rest;

/**
 * One cell of the surge map.
 *
 * @param cell H3 resolution-8 cell
 * @param surgeMultiplier its current multiplier
 * @param surgeSource MODEL, CALM_CELL, LAST_KNOWN or DEFAULT
 */
public record CellSurge(String cell, double surgeMultiplier, String surgeSource) {
}
