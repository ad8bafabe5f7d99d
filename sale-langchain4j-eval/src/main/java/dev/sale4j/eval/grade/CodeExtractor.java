package dev.sale4j.eval.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the code in an agent's answer: a separately returned code field first; else the last complete fenced
 * Python block (```python, ```py, ```python3 or an untagged fence), preferring the last one that defines the name
 * under test; else an unterminated Python fence's content (a reply cut short); else the whole answer if it has no
 * fence at all. Other languages' blocks are never taken.
 */
public final class CodeExtractor {

    private static final Pattern FENCE = Pattern.compile("^\\s*(```+|~~~+)\\s*([\\w+#.-]*)\\s*$");
    private static final Set<String> PYTHON = Set.of("", "python", "py", "python3", "py3");

    private CodeExtractor() {
    }

    /** @return the code to run, or an empty string when the answer holds none */
    public static String extract(Submission submission, String definedName) {
        if (submission.code() != null && !submission.code().isBlank()) {
            String inner = fromFences(submission.code(), definedName);
            return inner.isBlank() ? submission.code() : inner;
        }
        return fromFences(submission.answer(), definedName);
    }

    public static String extract(String answer) {
        return fromFences(answer, null);
    }

    private static String fromFences(String text, String definedName) {
        List<String> complete = new ArrayList<>();
        StringBuilder open = null;
        String fence = null;
        boolean openIsPython = false;
        boolean sawFence = false;
        for (String line : text.split("\r?\n")) {
            Matcher m = FENCE.matcher(line);
            if (open == null) {
                if (m.matches()) {
                    sawFence = true;
                    fence = m.group(1);
                    openIsPython = PYTHON.contains(m.group(2).toLowerCase());
                    open = new StringBuilder();
                }
            } else if (m.matches() && m.group(2).isEmpty() && m.group(1).startsWith(fence)) {
                if (openIsPython) {
                    complete.add(open.toString());
                }
                open = null;
            } else {
                open.append(line).append('\n');
            }
        }
        if (!complete.isEmpty()) {
            if (definedName != null) {
                Pattern defines = Pattern.compile("(?m)^\\s*(?:def|class)\\s+" + Pattern.quote(definedName) + "\\b");
                for (int i = complete.size() - 1; i >= 0; i--) {
                    if (defines.matcher(complete.get(i)).find()) {
                        return complete.get(i);
                    }
                }
            }
            return complete.get(complete.size() - 1);
        }
        if (open != null && openIsPython) {
            return open.toString();
        }
        return sawFence ? "" : text;
    }
}
