package dev.sale4j.fit;

import dev.langchain4j.exception.NonRetriableException;

/**
 * The weight-fitting linear program could not be solved: the LP solver failed on it, or its cutting planes did not
 * close the gap between their bounds. The message names the problem and what to try; retrying the same fit gives the
 * same result.
 */
public final class WeightFitException extends NonRetriableException {

    public WeightFitException(String message) {
        super(message);
    }
}
