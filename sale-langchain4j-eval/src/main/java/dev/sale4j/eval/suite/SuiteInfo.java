package dev.sale4j.eval.suite;

import java.util.List;

/**
 * A suite's header: its name and version, whether its time bins are a proxy (reports must say so), and the
 * attribution and licence of each source.
 */
public record SuiteInfo(String name, int version, boolean binsAreProxy, String binsNote, List<SourceInfo> sources) {

    /** The note every report of a proxy-binned suite prints. */
    public static final String PROXY_NOTE = "Time bins are a proxy assigned per source (reference-solution size, "
            + "difficulty, contest rating, question type), not measured human solution times; see docs/task-suite.md.";

    public SuiteInfo {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a suite needs a name, e.g. \"hst-suite\"");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a suite's version must be 1 or more; got " + version);
        }
        binsNote = binsNote == null ? "" : binsNote;
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** The header of a file of user tasks without one: bins given by the user, not a proxy. */
    public static SuiteInfo userTasks(String name) {
        return new SuiteInfo(name, 1, false, "Time bins as given by the task file.", List.of());
    }
}
