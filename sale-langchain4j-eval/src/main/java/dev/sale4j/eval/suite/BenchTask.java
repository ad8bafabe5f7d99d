package dev.sale4j.eval.suite;

import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark task: what the agent is asked ({@code prompt}), how its answer is graded ({@code grading}, hidden
 * from the agent), its domain and human-time bin, and where it comes from ({@code source}, {@code attribution}).
 *
 * @param id          unique in a suite, e.g. {@code mbpp/2}
 * @param metadata    extra facts kept for reports (difficulty, rating, question type...), sorted by key
 */
public record BenchTask(String id, Domain domain, TimeBin bin, String source, String prompt, GradingSpec grading,
                        String attribution, Map<String, String> metadata) {

    public BenchTask {
        require(id, "id", "a unique task id, e.g. \"my-tasks/1\"");
        if (domain == null) {
            throw new IllegalArgumentException("field 'domain' is required: coding or deep-search");
        }
        if (bin == null) {
            throw new IllegalArgumentException("field 'bin' is required: a time bin label such as \"(0.5,2.5]\"");
        }
        require(source, "source", "the data set the task comes from, e.g. \"my-tasks\"");
        require(prompt, "prompt", "the text the agent is given");
        if (grading == null) {
            throw new IllegalArgumentException("field 'grading' is required: an object with a 'type' of asserts, "
                    + "check, choice or answer");
        }
        attribution = attribution == null ? "" : attribution;
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    private static void require(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("field '" + field + "' is required and must not be blank: " + what);
        }
    }
}
