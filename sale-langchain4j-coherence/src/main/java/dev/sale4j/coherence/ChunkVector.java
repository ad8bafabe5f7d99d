package dev.sale4j.coherence;

import com.oracle.coherence.ai.DocumentChunk;
import com.oracle.coherence.ai.Vector;
import com.tangosol.io.ExternalizableLite;
import com.tangosol.util.ValueExtractor;
import java.io.DataInput;
import java.io.DataOutput;

/** Extracts a {@link DocumentChunk}'s vector for Coherence's similarity search, on the storage members. */
public final class ChunkVector implements ValueExtractor<DocumentChunk, Vector<float[]>>, ExternalizableLite {

    static final ChunkVector INSTANCE = new ChunkVector();

    /** For Coherence's deserialisation; use {@link #INSTANCE}. */
    public ChunkVector() {}

    @Override
    public Vector<float[]> extract(DocumentChunk chunk) {
        return chunk == null ? null : chunk.vector();
    }

    @Override
    public void readExternal(DataInput in) {}

    @Override
    public void writeExternal(DataOutput out) {}

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkVector;
    }

    @Override
    public int hashCode() {
        return ChunkVector.class.hashCode();
    }

    @Override
    public String toString() {
        return "DocumentChunk.vector()";
    }
}
