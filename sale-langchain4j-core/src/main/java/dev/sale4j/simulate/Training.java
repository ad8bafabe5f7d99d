package dev.sale4j.simulate;

import dev.sale4j.runs.RecordedRun;
import java.util.List;

/**
 * The training tasks of one fold: complete recorded runs (every agent bid, was judged and executed), with their task
 * embeddings when the simulation has an embedder, and a seed for policies that sample.
 *
 * @param runs       the training runs, every agent executed
 * @param embeddings one unit vector per run, same order; null when the simulation has no embedder
 * @param seed       a seed derived from the simulation's seed and the fold
 */
public record Training(List<RecordedRun> runs, List<float[]> embeddings, long seed) {

    public Training {
        runs = List.copyOf(runs);
        if (embeddings != null && embeddings.size() != runs.size()) {
            throw new IllegalArgumentException("Training has " + runs.size() + " runs but " + embeddings.size()
                    + " embeddings: give one embedding per run");
        }
        embeddings = embeddings == null ? null : List.copyOf(embeddings);
    }

    /** The embeddings, or a clear error for text routers run without an embedder. */
    public List<float[]> requireEmbeddings(String policy) {
        if (embeddings == null) {
            throw new IllegalStateException("Policy '" + policy + "' reads task embeddings, but the simulation has no "
                    + "embedder: build it with embeddings(TaskEmbeddings...) or drop the text routers");
        }
        return embeddings;
    }
}
