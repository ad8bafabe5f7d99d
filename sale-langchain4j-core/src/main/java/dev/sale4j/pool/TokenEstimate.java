package dev.sale4j.pool;

/**
 * A token count for text whose backend reported no usage: the larger of one token per four characters and four
 * tokens per three words, which tracks BPE tokenizers on English prose and code within about 20%.
 */
public final class TokenEstimate {

    private TokenEstimate() {}

    public static long of(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        long chars = text.length();
        long words = text.strip().isEmpty() ? 0 : text.strip().split("\\s+").length;
        return Math.max((chars + 3) / 4, (words * 4 + 2) / 3);
    }
}
