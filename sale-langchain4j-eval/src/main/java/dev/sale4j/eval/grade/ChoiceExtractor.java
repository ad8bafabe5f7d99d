package dev.sale4j.eval.grade;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the letter an answer chooses, trying in order: "Answer: X" lines; "the answer is (x)", "option X",
 * "choice **X**" anywhere; an answer that is just a letter ("C", "(c)", "**C**", "C) ..."); formatted letters
 * ("(c)", "**C**") anywhere. The first rule that finds a letter decides; if it finds several different letters
 * the answer is ambiguous and counts as no choice. Outside "Answer:" lines only letters that are options count
 * (so "my answer, I think, is (b)" is not read as I).
 */
public final class ChoiceExtractor {

    /** What was found: the letter, or null with the reason none could be taken. */
    public record Choice(String letter, String reason) {
    }

    private static final String LETTER = "(?:\\(([A-Za-z])\\)|\\[([A-Za-z])\\]|\\*\\*([A-Za-z])\\*\\*|(?<![A-Za-z0-9'])"
            + "([A-Z])(?![A-Za-z0-9']))";
    private static final Pattern ANSWER_LINE = Pattern.compile(
            "(?im)^[\\s*_#>\\-]*(?:final\\s+|correct\\s+)?answer\\s*(?:is)?\\s*[*_]*\\s*[:：=]\\s*(.*)$");
    private static final Pattern MARKER = Pattern.compile("(?i:answer|option|choice)(?i:\\s+(?:is|would\\s+be|will\\s+be))?\\s*[:=]?\\s*"
            + "[*_]*\\s*" + LETTER);
    private static final Pattern ALONE = Pattern.compile("^[\\s*_]*(?:\\(([A-Za-z])\\)|([A-Za-z]))[\\s*_]*"
            + "(?:[.):]\\s*.*)?$", Pattern.DOTALL);
    private static final Pattern FORMATTED = Pattern.compile("\\(([A-Za-z])\\)|\\*\\*([A-Za-z])\\*\\*");
    private static final Pattern TOKEN = Pattern.compile(LETTER);

    private ChoiceExtractor() {
    }

    /** @return the chosen letter (upper case) among the first {@code letters} of the alphabet, or the reason none */
    public static Choice extract(String answer, int letters) {
        String text = answer == null ? "" : answer.strip();
        if (text.isEmpty()) {
            return new Choice(null, "empty answer");
        }
        Set<String> found = new LinkedHashSet<>();
        for (Matcher m = ANSWER_LINE.matcher(text); m.find(); ) {
            collect(TOKEN.matcher(m.group(1)), found, 26);
        }
        if (!found.isEmpty()) {
            return decide(found, letters, "an 'Answer:' line");
        }
        collect(MARKER.matcher(text), found, letters);
        if (!found.isEmpty()) {
            return decide(found, letters, "an answer marker");
        }
        Matcher alone = ALONE.matcher(text);
        if (alone.matches()) {
            String letter = alone.group(1) != null ? alone.group(1) : alone.group(2);
            if (alone.group(1) != null || Character.isUpperCase(letter.charAt(0)) || text.length() <= 3) {
                found.add(letter.toUpperCase());
                return decide(found, letters, "the answer itself");
            }
        }
        collect(FORMATTED.matcher(text), found, letters);
        if (!found.isEmpty()) {
            return decide(found, letters, "formatted letters");
        }
        return new Choice(null, "no chosen letter found; expected e.g. 'Answer: C'");
    }

    /** Adds the letters found among the first {@code range} of the alphabet (26: any, to report impossible ones). */
    private static void collect(Matcher m, Set<String> found, int range) {
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    String letter = m.group(g).toUpperCase();
                    if (letter.charAt(0) - 'A' < range) {
                        found.add(letter);
                    }
                    break;
                }
            }
        }
    }

    private static Choice decide(Set<String> found, int letters, String where) {
        if (found.size() > 1) {
            return new Choice(null, "ambiguous: " + where + " names several letters " + String.join(", ", found));
        }
        String letter = found.iterator().next();
        if (letter.charAt(0) - 'A' >= letters) {
            return new Choice(null, "chose " + letter + ", which is not an option (A.." + (char) ('A' + letters - 1)
                    + ")");
        }
        return new Choice(letter, "chose " + letter + " (from " + where + ")");
    }
}
