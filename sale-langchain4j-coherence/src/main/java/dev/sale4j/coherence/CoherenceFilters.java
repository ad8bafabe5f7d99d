package dev.sale4j.coherence;

import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.filter.comparison.IsEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThan;
import dev.langchain4j.store.embedding.filter.comparison.IsGreaterThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsIn;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThan;
import dev.langchain4j.store.embedding.filter.comparison.IsLessThanOrEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsNotEqualTo;
import dev.langchain4j.store.embedding.filter.comparison.IsNotIn;
import dev.langchain4j.store.embedding.filter.logical.And;
import dev.langchain4j.store.embedding.filter.logical.Not;
import dev.langchain4j.store.embedding.filter.logical.Or;
import com.tangosol.util.filter.AndFilter;
import com.tangosol.util.filter.EqualsFilter;
import com.tangosol.util.filter.GreaterEqualsFilter;
import com.tangosol.util.filter.GreaterFilter;
import com.tangosol.util.filter.InFilter;
import com.tangosol.util.filter.LessEqualsFilter;
import com.tangosol.util.filter.LessFilter;
import com.tangosol.util.filter.NotEqualsFilter;
import com.tangosol.util.filter.NotFilter;
import com.tangosol.util.filter.OrFilter;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Translates LangChain4j metadata {@link Filter}s into Coherence filters over {@link MetadataValue}s, so that they
 * run on the storage members. The semantics are LangChain4j's: a missing key matches no comparison, but does match
 * {@code isNotEqualTo}, {@code isNotIn} and a {@code not(...)} of a comparison. Numbers of any Java type compare
 * by value. Where LangChain4j's in-memory store throws on a value of the other type (a number compared with text),
 * the comparison here matches nothing, since it runs on the members entry by entry.
 */
final class CoherenceFilters {

    static final String SUPPORTED = "isEqualTo, isNotEqualTo, isGreaterThan, isGreaterThanOrEqualTo, isLessThan, "
            + "isLessThanOrEqualTo, isIn, isNotIn (on strings, UUIDs and numbers), and, or, not";

    private CoherenceFilters() {}

    @SuppressWarnings({"rawtypes", "unchecked"})
    static com.tangosol.util.Filter<?> translate(Filter filter) {
        if (filter instanceof And and) {
            return new AndFilter(translate(and.left()), translate(and.right()));
        }
        if (filter instanceof Or or) {
            return new OrFilter(translate(or.left()), translate(or.right()));
        }
        if (filter instanceof Not not) {
            return new NotFilter(translate(not.expression()));
        }
        if (filter instanceof IsEqualTo f) {
            return new EqualsFilter(extractor(f.key(), f.comparisonValue(), f), operand(f.comparisonValue(), f));
        }
        if (filter instanceof IsNotEqualTo f) {
            return new NotEqualsFilter(extractor(f.key(), f.comparisonValue(), f), operand(f.comparisonValue(), f));
        }
        if (filter instanceof IsGreaterThan f) {
            return new GreaterFilter(extractor(f.key(), f.comparisonValue(), f), comparable(f.comparisonValue(), f));
        }
        if (filter instanceof IsGreaterThanOrEqualTo f) {
            return new GreaterEqualsFilter(extractor(f.key(), f.comparisonValue(), f),
                    comparable(f.comparisonValue(), f));
        }
        if (filter instanceof IsLessThan f) {
            return new LessFilter(extractor(f.key(), f.comparisonValue(), f), comparable(f.comparisonValue(), f));
        }
        if (filter instanceof IsLessThanOrEqualTo f) {
            return new LessEqualsFilter(extractor(f.key(), f.comparisonValue(), f),
                    comparable(f.comparisonValue(), f));
        }
        if (filter instanceof IsIn f) {
            return in(f.key(), f.comparisonValues(), f);
        }
        if (filter instanceof IsNotIn f) {
            return new NotFilter(in(f.key(), f.comparisonValues(), f));
        }
        throw unsupported(filter, "its type is not translated");
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static com.tangosol.util.Filter<?> in(String key, Collection<?> values, Filter filter) {
        if (values == null || values.isEmpty()) {
            throw unsupported(filter, "it lists no values");
        }
        MetadataValue.Kind kind = kind(values.iterator().next(), filter);
        Set<Object> set = new HashSet<>();
        for (Object value : values) {
            if (kind(value, filter) != kind) {
                throw unsupported(filter, "it mixes numbers and text; list values of one kind");
            }
            set.add(MetadataValue.normalise(value, kind));
        }
        return new InFilter(new MetadataValue(key, kind), set);
    }

    private static MetadataValue extractor(String key, Object value, Filter filter) {
        return new MetadataValue(key, kind(value, filter));
    }

    private static Object operand(Object value, Filter filter) {
        return MetadataValue.normalise(value, kind(value, filter));
    }

    private static Comparable<?> comparable(Object value, Filter filter) {
        return (Comparable<?>) operand(value, filter);
    }

    private static MetadataValue.Kind kind(Object value, Filter filter) {
        if (value instanceof Number) {
            if (MetadataValue.normalise(value, MetadataValue.Kind.NUMBER) == null) {
                throw unsupported(filter, "its value " + value + " is not a finite number");
            }
            return MetadataValue.Kind.NUMBER;
        }
        if (value instanceof String || value instanceof UUID) {
            return MetadataValue.Kind.TEXT;
        }
        throw unsupported(filter, "its value " + value + " is neither a string, a UUID nor a number");
    }

    private static UnsupportedFeatureException unsupported(Filter filter, String why) {
        return new UnsupportedFeatureException("CoherenceEmbeddingStore cannot run the metadata filter " + filter
                + " (" + why + "); it runs " + SUPPORTED + ": rewrite the filter with these, or filter the "
                + "matches in the application");
    }
}
