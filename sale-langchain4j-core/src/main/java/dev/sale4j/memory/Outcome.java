package dev.sale4j.memory;

import java.time.Instant;

/**
 * The real outcome of an executed task, once known (SALE step 7): success or failure, or a score, and its source.
 *
 * <p>A score is in [0,1]; {@link #succeeded()} reads it as a success at {@value #SUCCESS_THRESHOLD} or more. When
 * both are given, {@code success} decides.
 *
 * @param success true or false, or null when only a score is known
 * @param score   a graded outcome in [0,1], or null
 * @param source  who judged the outcome
 * @param detail  free text for the trace (failing test names, the judge's reason, ...); empty when none
 * @param time    when the outcome was recorded
 */
public record Outcome(Boolean success, Double score, Source source, String detail, Instant time) {

    /** The score from which a graded outcome counts as a success. */
    public static final double SUCCESS_THRESHOLD = 0.5;

    /** Who judged an outcome. */
    public enum Source {
        /** Tests run against the result. */
        TESTS,
        /** A judge model or a human reviewer. */
        JUDGE,
        /** The user's own feedback. */
        USER
    }

    public Outcome {
        if (success == null && score == null) {
            throw new IllegalArgumentException("An outcome needs a success flag or a score: use Outcome.success(..), "
                    + "Outcome.failure(..) or Outcome.score(..)");
        }
        if (score != null && (!Double.isFinite(score) || score < 0 || score > 1)) {
            throw new IllegalArgumentException("An outcome's score is in [0,1], got " + score);
        }
        if (source == null) {
            throw new IllegalArgumentException("An outcome needs its source: TESTS, JUDGE or USER");
        }
        detail = detail == null ? "" : detail;
        time = time == null ? Instant.now() : time;
    }

    public static Outcome success(Source source) {
        return new Outcome(true, null, source, "", Instant.now());
    }

    public static Outcome failure(Source source, String detail) {
        return new Outcome(false, null, source, detail, Instant.now());
    }

    public static Outcome score(double score, Source source) {
        return new Outcome(null, score, source, "", Instant.now());
    }

    /** Whether the task was solved: the success flag, else the score compared to the threshold. */
    public boolean succeeded() {
        return success != null ? success : score >= SUCCESS_THRESHOLD;
    }
}
