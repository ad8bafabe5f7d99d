package dev.sale4j.eval.grade;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQuAD-style answer matching: normalise (lower case, drop punctuation, drop the articles a/an/the, collapse
 * white space), then exact match and token F1, each the best over the gold answer and its aliases.
 */
public final class AnswerMatcher {

    /** The best match of an answer against the gold answers. */
    public record Match(boolean exact, double f1, String normalisedAnswer, String bestGold) {
    }

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]");
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");
    private static final Pattern ANSWER_LINE = Pattern.compile("(?im)^[\\s*_#>\\-]*(?:final\\s+)?answer\\s*[*_]*\\s*"
            + "[:：]\\s*[*_]*\\s*(.+?)[\\s*_]*$");

    private AnswerMatcher() {
    }

    public static String normalise(String text) {
        String lower = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase();
        String noPunct = PUNCTUATION.matcher(lower).replaceAll("");
        String noArticles = ARTICLES.matcher(noPunct).replaceAll(" ");
        return String.join(" ", noArticles.trim().split("\\s+"));
    }

    /**
     * @return the short answer in a reply: the text of its last "Answer: ..." line if it has one, else the whole
     * reply
     */
    public static String finalAnswer(String reply) {
        String text = reply == null ? "" : reply;
        String last = null;
        for (Matcher m = ANSWER_LINE.matcher(text); m.find(); ) {
            last = m.group(1);
        }
        return (last == null ? text : last).strip();
    }

    public static Match match(String answer, List<String> golds) {
        String predicted = normalise(answer);
        Match best = null;
        for (String gold : golds) {
            String g = normalise(gold);
            Match m = new Match(!g.isEmpty() && g.equals(predicted), f1(predicted, g), predicted, gold);
            if (best == null || (m.exact() && !best.exact()) || (m.exact() == best.exact() && m.f1() > best.f1())) {
                best = m;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("golds must hold at least one gold answer");
        }
        return best;
    }

    static double f1(String predicted, String gold) {
        List<String> p = tokens(predicted);
        List<String> g = tokens(gold);
        if (p.isEmpty() || g.isEmpty()) {
            return p.equals(g) ? 1 : 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        g.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : p) {
            Integer left = counts.get(t);
            if (left != null && left > 0) {
                common++;
                counts.put(t, left - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / p.size();
        double recall = (double) common / g.size();
        return 2 * precision * recall / (precision + recall);
    }

    private static List<String> tokens(String normalised) {
        return normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split(" "));
    }
}
