package dev.sale4j.eval.grade;

/**
 * What an agent returned for a task: its final answer, and for coding tasks optionally the code as a separate
 * field (when the agent returns it apart from its prose). Without {@code code}, code is extracted from the answer.
 */
public record Submission(String answer, String code) {

    public Submission {
        answer = answer == null ? "" : answer;
    }

    public static Submission of(String answer) {
        return new Submission(answer, null);
    }

    public static Submission withCode(String answer, String code) {
        return new Submission(answer, code);
    }
}
