package dev.sale4j.simulate;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.sale4j.memory.MiniLm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Task-text embeddings for the text-only routers: a LangChain4j {@link EmbeddingModel} (by default the in-process
 * all-MiniLM-L6-v2, 384 dimensions), optionally reduced by a seeded Gaussian random projection to fewer dimensions
 * (Johnson-Lindenstrauss: cosine similarities are kept approximately), then normalised to unit length. The reduction
 * is what lets brute-force kNN over 10,000 tasks fit the simulator's time budget; {@code dimensions = 0} keeps the
 * model's own vectors. Vectors are cached by text, so one instance embeds each text once however many simulations
 * use it.
 */
public final class TaskEmbeddings {

    private final EmbeddingModel model;
    private final int dimensions;
    private final long seed;
    private final java.util.Map<String, float[]> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private float[][] projection;

    private TaskEmbeddings(EmbeddingModel model, int dimensions, long seed) {
        if (model == null) {
            throw new IllegalArgumentException("TaskEmbeddings need an EmbeddingModel, e.g. MiniLm.shared()");
        }
        if (dimensions < 0) {
            throw new IllegalArgumentException("dimensions is " + dimensions + ": use 0 (no reduction) or more");
        }
        this.model = model;
        this.dimensions = dimensions;
        this.seed = seed;
    }

    /** The in-process MiniLM, reduced to 32 dimensions. */
    public static TaskEmbeddings miniLm() {
        return of(MiniLm.shared(), 32, 42);
    }

    public static TaskEmbeddings of(EmbeddingModel model, int dimensions, long seed) {
        return new TaskEmbeddings(model, dimensions, seed);
    }

    public int dimensions() {
        return dimensions;
    }

    /** One unit vector per text, same order. */
    public synchronized List<float[]> embed(List<String> texts) {
        List<String> missing = texts.stream().distinct().filter(t -> !cache.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            List<TextSegment> segments = missing.stream().map(t -> TextSegment.from(t.isBlank() ? " " : t)).toList();
            List<Embedding> raw = model.embedAll(segments).content();
            for (int i = 0; i < raw.size(); i++) {
                float[] v = raw.get(i).vector();
                if (dimensions > 0 && dimensions < v.length) {
                    if (projection == null) {
                        projection = projection(v.length);
                    }
                    v = project(v, projection);
                }
                cache.put(missing.get(i), normalised(v));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(cache.get(t)));
        return out;
    }

    private float[][] projection(int from) {
        Random random = new Random(seed);
        float[][] p = new float[dimensions][from];
        for (float[] row : p) {
            for (int i = 0; i < from; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        return p;
    }

    private static float[] project(float[] v, float[][] p) {
        float[] out = new float[p.length];
        for (int d = 0; d < p.length; d++) {
            float s = 0;
            for (int i = 0; i < v.length; i++) {
                s += p[d][i] * v[i];
            }
            out[d] = s;
        }
        return out;
    }

    static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = v.clone();
        if (norm > 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] /= norm;
            }
        }
        return out;
    }
}
