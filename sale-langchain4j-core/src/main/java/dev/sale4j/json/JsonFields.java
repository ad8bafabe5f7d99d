package dev.sale4j.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Strict reading of a JSON object's field names, for files users write by hand: an unknown name is an error that
 * names it, suggests the valid name it most resembles and lists the valid ones; a missing required field, or one set
 * to {@code null}, is an error that names it. Nothing is silently defaulted.
 */
public final class JsonFields {

    private JsonFields() {}

    /**
     * Checks that {@code node} is an object whose fields are all in {@code required} or {@code optional} and that
     * every {@code required} field is present and not null.
     *
     * @param where what the object is, for messages: "weights", "scales"
     * @throws IllegalArgumentException naming the offending field and the fix
     */
    public static void check(JsonNode node, String where, Collection<String> required, Collection<String> optional) {
        Set<String> valid = new LinkedHashSet<>(required);
        valid.addAll(optional);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object with the fields " + valid + ", got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!valid.contains(name)) {
                String like = closest(name, valid);
                throw new IllegalArgumentException("unknown field '" + name + "' in " + where
                        + (like == null ? "" : ": did you mean '" + like + "'?") + " Valid fields: " + valid);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (!node.hasNonNull(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException((missing.size() == 1 ? "field '" + missing.get(0) + "' is"
                    : "fields " + missing + " are") + " missing from " + where + " (or null): set "
                    + (missing.size() == 1 ? "it" : "them") + "; required fields: " + required);
        }
    }

    /** The valid name nearest to {@code name} (same letters ignoring case, else edit distance <= 2), or null. */
    public static String closest(String name, Collection<String> valid) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String v : valid) {
            int d = v.equalsIgnoreCase(name) ? 0 : distance(name.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = v;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
