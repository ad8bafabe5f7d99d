package dev.sale4j.entropy;

import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The lexical entropy estimate: the Shannon entropy of the bid's word distribution, divided by its maximum
 * {@code ln(n)} for n words, so a text of all-distinct words scores 1 and a text repeating one word scores 0.
 *
 * <p>Words are maximal runs of letters and digits, lower-cased. Texts of fewer than two words score 0.
 */
public final class LexicalEntropyEstimator implements EntropyEstimator {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    @Override
    public Entropy estimate(String text, ChatResponse response) {
        return new Entropy(entropyOf(text), Entropy.LEXICAL);
    }

    /** Normalised word entropy of {@code text}, in [0,1]. */
    public static double entropyOf(String text) {
        if (text == null) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        int n = 0;
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                counts.merge(word, 1, Integer::sum);
                n++;
            }
        }
        if (n < 2) {
            return 0;
        }
        double h = 0;
        for (int c : counts.values()) {
            double p = (double) c / n;
            h -= p * Math.log(p);
        }
        return Math.min(1.0, Math.max(0.0, h / Math.log(n)));
    }
}
