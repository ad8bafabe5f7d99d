package dev.sale4j.eval.suite;

import java.util.List;

/** The text each kind of task gives the agent. Answer formats here are the ones the graders extract. */
final class TaskPrompts {

    static final String CODE_REPLY = "Reply with the complete Python code in one ```python fenced block.";
    static final String SHORT_ANSWER = "Find the answer (search the web if you need to). End your reply with one line"
            + " of the form \"Answer: <answer>\" giving only the answer: a name, date, number or short phrase.";

    private TaskPrompts() {
    }

    static String multipleChoice(String subject, String question, List<String> options) {
        StringBuilder text = new StringBuilder("The following is a multiple-choice question about ")
                .append(subject).append(".\n\n").append(question.strip()).append("\n\n");
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            char letter = (char) ('A' + i);
            text.append(letter).append(". ").append(options.get(i).strip()).append('\n');
            letters.append(i == 0 ? "" : i == options.size() - 1 ? " or " : ", ").append(letter);
        }
        return text.append("\nEnd your reply with one line of the form \"Answer: X\", where X is ").append(letters)
                .append(".").toString();
    }

    static String mbpp(String description, String exampleAssert) {
        return description.strip() + "\n\nYour code must pass tests like this one:\n" + exampleAssert.strip()
                + "\n\n" + CODE_REPLY;
    }

    static String humanEval(String prompt) {
        return "Complete the following Python function so that it does what its docstring says.\n\n```python\n"
                + prompt.stripTrailing() + "\n```\n\nReply with the complete function (its imports and any helpers "
                + "included) in one ```python fenced block.";
    }

    static String leetCode(String description, String starterCode) {
        return description.strip() + "\n\nComplete this starter code:\n\n```python\n" + starterCode.stripTrailing()
                + "\n```\n\nYour class runs after LeetCode's usual preamble: `from typing import *`, the standard "
                + "library's collections, itertools, functools, heapq, bisect, math and string imported with `from "
                + "... import *`, and the ListNode and TreeNode classes defined. " + CODE_REPLY;
    }

    static String shortAnswer(String question) {
        return SHORT_ANSWER + "\n\nQuestion: " + question.strip();
    }
}
