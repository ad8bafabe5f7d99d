package dev.sale4j.jury;

/**
 * One juror's score gamma_j(s_i) of one bid: an integer 0..5, or no score and why.
 *
 * @param juror  the agent that judged
 * @param bidder the agent whose bid was judged
 * @param score  0..5, or null when there is no usable score
 * @param status how the score was obtained, or why it is missing
 * @param note   detail for the trace (the raw value that was clamped, the error, ...); empty when none
 */
public record JuryScore(String juror, String bidder, Integer score, Status status, String note) {

    /** How a score was obtained, or why there is none. */
    public enum Status {
        /** A valid score read from the juror's answer. */
        SCORED,
        /** The answer's value was out of range or not an integer; it was rounded and clamped to 0..5. */
        ADJUSTED,
        /** The answer parsed but had no entry for this bid. */
        MISSING,
        /** No score could be read from the answer. */
        UNPARSEABLE,
        /** The juror's call failed or timed out. */
        FAILED
    }

    public JuryScore {
        if (score != null && (score < 0 || score > 5)) {
            throw new IllegalArgumentException("A jury score is an integer 0..5, got " + score);
        }
        if ((score == null) == (status == Status.SCORED || status == Status.ADJUSTED)) {
            throw new IllegalArgumentException("Status " + status + " does not fit score " + score);
        }
        note = note == null ? "" : note;
    }

    public static JuryScore scored(String juror, String bidder, int score) {
        return new JuryScore(juror, bidder, score, Status.SCORED, "");
    }

    public static JuryScore missing(String juror, String bidder, Status status, String note) {
        return new JuryScore(juror, bidder, null, status, note);
    }

    public boolean present() {
        return score != null;
    }
}
