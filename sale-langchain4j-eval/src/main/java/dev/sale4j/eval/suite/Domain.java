package dev.sale4j.eval.suite;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The two task domains of the paper: coding and deep search. */
public enum Domain {
    CODING("coding"),
    DEEP_SEARCH("deep-search");

    private final String id;

    Domain(String id) {
        this.id = id;
    }

    /** @return the name used in suite files and reports, e.g. {@code deep-search} */
    public String id() {
        return id;
    }

    /** Parses {@code coding} or {@code deep-search}; anything else fails naming the allowed values. */
    public static Domain of(String id) {
        for (Domain d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown domain '" + id + "'; use one of "
                + Arrays.stream(values()).map(Domain::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
