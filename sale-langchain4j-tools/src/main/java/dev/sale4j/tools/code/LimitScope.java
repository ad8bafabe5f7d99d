package dev.sale4j.tools.code;

/** What the memory and process caps of a {@link PythonSandbox} run apply to. */
public enum LimitScope {

    /** A cgroup v2 of the run caps memory ({@code memory.max}, no swap) and processes ({@code pids.max}) summed over
     * all of the run's processes, on top of the per-process kernel limits. */
    WHOLE_RUN,

    /** Only per-process kernel limits ({@code RLIMIT_AS}; {@code RLIMIT_NPROC} per uid): several processes of one
     * run may together use more memory than the cap. */
    PER_PROCESS,

    /** No memory or process caps at all (isolation {@link IsolationLevel#NONE}). */
    NONE
}
