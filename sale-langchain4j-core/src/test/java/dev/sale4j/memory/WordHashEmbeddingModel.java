package dev.sale4j.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.Locale;

/** A fast deterministic embedder for tests that spawn processes: words hashed into a bag-of-words vector. */
final class WordHashEmbeddingModel implements EmbeddingModel {

    private final int dimension;

    WordHashEmbeddingModel(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return Response.from(segments.stream().map(s -> embedding(s.text())).toList());
    }

    private Embedding embedding(String text) {
        float[] vector = new float[dimension];
        for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (!word.isEmpty()) {
                vector[Math.floorMod(word.hashCode(), dimension)] += 1f;
            }
        }
        vector[0] += 0.01f; // never the zero vector
        return Embedding.from(vector);
    }

    @Override
    public int dimension() {
        return dimension;
    }
}
