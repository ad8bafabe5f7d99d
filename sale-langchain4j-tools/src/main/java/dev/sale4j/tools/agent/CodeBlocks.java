package dev.sale4j.tools.agent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds fenced Python code blocks in an answer written in Markdown. */
final class CodeBlocks {

    /** A fence opening a block tagged python, py or python3, or untagged; the block ends at the next fence. */
    private static final Pattern FENCE = Pattern.compile(
            "(?m)^[ \\t]*(`{3,}|~{3,})[ \\t]*(python3?|py)?[ \\t]*\\r?\\n(.*?)^[ \\t]*\\1[ \\t]*$",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** A block and where it sits in the answer. */
    record Block(String code, int start, int end) {
    }

    private CodeBlocks() {
    }

    /** @return the last Python (or untagged) fenced block, or null when there is none */
    static Block last(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = FENCE.matcher(text);
        Block last = null;
        while (m.find()) {
            last = new Block(m.group(3).stripTrailing() + "\n", m.start(), m.end());
        }
        return last;
    }
}
