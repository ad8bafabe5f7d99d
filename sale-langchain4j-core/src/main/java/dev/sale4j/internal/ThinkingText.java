package dev.sale4j.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Removes reasoning that a model wrote inline before its answer ({@code <think>...</think>}, as Qwen3 and
 * DeepSeek-R1 do on servers that do not separate it), so bids and jury answers are judged and parsed on their
 * substance. An unclosed {@code <think>} means the model ran out of tokens while thinking: nothing remains.
 */
public final class ThinkingText {

    private static final Pattern CLOSED = Pattern.compile("(?is)<think>.*?</think>");
    private static final Pattern UNCLOSED = Pattern.compile("(?is)<think>.*\\z");

    private ThinkingText() {}

    public static String strip(String text) {
        if (text == null || !text.toLowerCase(Locale.ROOT).contains("<think>")) {
            return text;
        }
        String answer = CLOSED.matcher(text).replaceAll("");
        return UNCLOSED.matcher(answer).replaceAll("").strip();
    }
}
