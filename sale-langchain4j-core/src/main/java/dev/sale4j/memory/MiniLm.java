package dev.sale4j.memory;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** The default task embedder: the in-process quantized all-MiniLM-L6-v2 (384 dimensions), loaded once per JVM. */
public final class MiniLm {

    private MiniLm() {}

    private static final class Holder {
        static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    /** The shared instance; the model loads on first use (a few hundred milliseconds). */
    public static EmbeddingModel shared() {
        return Holder.MODEL;
    }
}
