package dev.sale4j.fit;

import dev.sale4j.score.Weights;

/** The result of {@link WeightFitter#fit}: the weights, with their feature scales, and the training report. */
public record WeightFit(Weights weights, FitReport report) {}
