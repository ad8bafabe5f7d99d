package dev.sale4j.eval.grade;

/** An LLM judge's SimpleQA-style verdict on a short answer. */
public enum JudgeVerdict {
    CORRECT,
    INCORRECT,
    /** The answer gave no final answer and did not contradict the gold one. */
    NOT_ATTEMPTED
}
