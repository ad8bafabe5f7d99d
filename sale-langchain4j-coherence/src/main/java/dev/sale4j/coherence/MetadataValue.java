package dev.sale4j.coherence;

import com.oracle.coherence.ai.DocumentChunk;
import com.tangosol.io.ExternalizableLite;
import com.tangosol.util.ExternalizableHelper;
import com.tangosol.util.ValueExtractor;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * Extracts one metadata value of a {@link DocumentChunk} for a Coherence filter, in a form that compares the way
 * LangChain4j's filters do: numbers of any Java type as one {@link BigDecimal} scale, UUIDs as their text. A value of
 * the other kind (text where a number is compared, or the reverse) extracts as {@code null}, which no comparison
 * matches. Runs on the storage members, so they need this module on their classpath.
 */
public final class MetadataValue implements ValueExtractor<DocumentChunk, Object>, ExternalizableLite {

    /** Whether the filter compares numbers or text. */
    enum Kind { NUMBER, TEXT }

    private String key;
    private Kind kind;

    /** For Coherence's deserialisation only. */
    public MetadataValue() {}

    MetadataValue(String key, Kind kind) {
        this.key = Objects.requireNonNull(key);
        this.kind = Objects.requireNonNull(kind);
    }

    @Override
    public Object extract(DocumentChunk chunk) {
        Object value = chunk == null || chunk.metadata() == null ? null : chunk.metadata().get(key);
        return normalise(value, kind);
    }

    /** The value as the filter compares it, or {@code null} when it is not of the kind. */
    static Object normalise(Object value, Kind kind) {
        if (kind == Kind.NUMBER && value instanceof Number number) {
            return number(number);
        }
        if (kind == Kind.TEXT && (value instanceof String || value instanceof UUID)) {
            return value.toString();
        }
        return null;
    }

    private static BigDecimal number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(number.toString()).stripTrailingZeros() : null;
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros();
        }
        return new BigDecimal(number.toString()).stripTrailingZeros();
    }

    @Override
    public void readExternal(DataInput in) throws IOException {
        key = ExternalizableHelper.readSafeUTF(in);
        kind = Kind.valueOf(ExternalizableHelper.readSafeUTF(in));
    }

    @Override
    public void writeExternal(DataOutput out) throws IOException {
        ExternalizableHelper.writeSafeUTF(out, key);
        ExternalizableHelper.writeSafeUTF(out, kind.name());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetadataValue other && key.equals(other.key) && kind == other.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, kind);
    }

    @Override
    public String toString() {
        return "metadata[" + key + "] as " + kind;
    }
}
