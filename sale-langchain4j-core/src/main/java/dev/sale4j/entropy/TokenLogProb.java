package dev.sale4j.entropy;

import java.util.List;

/**
 * One generated token with its log-probability and, where the backend returned them, the top alternatives at that
 * position (the chosen token usually among them).
 */
public record TokenLogProb(String token, double logProb, List<Alternative> topAlternatives) {

    public TokenLogProb {
        topAlternatives = topAlternatives == null ? List.of() : List.copyOf(topAlternatives);
    }

    /** A candidate token at one position and its log-probability. */
    public record Alternative(String token, double logProb) {}
}
