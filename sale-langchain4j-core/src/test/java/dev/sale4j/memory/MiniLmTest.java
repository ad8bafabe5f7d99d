package dev.sale4j.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmTest {

    private static final List<String> TEXTS = List.of(
            "What is the capital of Australia? Cite two sources.",
            "Write a Python function that returns the n-th Fibonacci number.",
            "Summarise the causes of the 2008 financial crisis in three paragraphs.");

    @Test
    void oneThreadSessionGivesLangChain4jsMiniLmEmbeddings() {
        EmbeddingModel ours = MiniLm.shared();
        EmbeddingModel upstream = new AllMiniLmL6V2QuantizedEmbeddingModel();
        assertThat(ours.dimension()).isEqualTo(384);
        for (String text : TEXTS) {
            float[] a = ours.embed(text).content().vector();
            float[] b = upstream.embed(text).content().vector();
            assertThat(a).hasSize(384);
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).as("%s, component %d", text, i).isCloseTo(b[i], within(1e-5f));
            }
        }
    }

    @Test
    void manyTextsAtOnceEmbedLikeOneByOne() {
        EmbeddingModel model = MiniLm.shared();
        List<Embedding> all = model.embedAll(TEXTS.stream().map(TextSegment::from).toList()).content();
        assertThat(all).hasSize(TEXTS.size());
        for (int t = 0; t < TEXTS.size(); t++) {
            assertThat(all.get(t).vector()).containsExactly(model.embed(TEXTS.get(t)).content().vector(),
                    within(1e-6f));
        }
        assertThat(all.get(0).vector()).isNotEqualTo(all.get(1).vector());
    }
}
