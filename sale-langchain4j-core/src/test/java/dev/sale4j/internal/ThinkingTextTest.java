package dev.sale4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThinkingTextTest {

    @Test
    void inlineReasoningIsRemovedAndTheAnswerKept() {
        assertThat(ThinkingText.strip("<think>\nThe user wants {\"score\": 1}? no.\n</think>\n\n{\"score\": 4}"))
                .isEqualTo("{\"score\": 4}");
        assertThat(ThinkingText.strip("<THINK>a</THINK>Plan: search</think>")).isEqualTo("Plan: search</think>");
    }

    @Test
    void reasoningCutOffByTheTokenLimitLeavesNothing() {
        assertThat(ThinkingText.strip("<think>Let me consider the steps one by one, first")).isEmpty();
    }

    @Test
    void textWithoutReasoningIsUnchanged() {
        assertThat(ThinkingText.strip("  1. search\n2. answer ")).isEqualTo("  1. search\n2. answer ");
        assertThat(ThinkingText.strip(null)).isNull();
    }
}
