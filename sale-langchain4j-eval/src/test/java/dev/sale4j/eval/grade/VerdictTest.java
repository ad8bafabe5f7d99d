package dev.sale4j.eval.grade;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerdictTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void verdictsRoundTripThroughJsonWithTheJudgesAnswer() throws Exception {
        Verdict verdict = new Verdict(false, 0.4, "judge: NOT_ATTEMPTED; no exact match", "llm-judge",
                JudgeVerdict.NOT_ATTEMPTED, "Verdict: NOT_ATTEMPTED");

        String json = JSON.writeValueAsString(verdict);

        assertThat(json).contains("\"judgement\":\"NOT_ATTEMPTED\"").contains("\"judgeAnswer\":\"Verdict: NOT_ATTEMPTED\"");
        assertThat(JSON.readValue(json, Verdict.class)).isEqualTo(verdict);
    }

    @Test
    void scoresOutsideTheUnitIntervalAreRefused() {
        assertThatThrownBy(() -> new Verdict(true, 1.5, "r", "tests", null, null))
                .hasMessageContaining("score must lie in [0, 1]");
    }
}
