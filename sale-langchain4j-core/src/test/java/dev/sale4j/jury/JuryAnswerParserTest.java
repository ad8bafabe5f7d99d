package dev.sale4j.jury;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sale4j.jury.JuryAnswerParser.Reading;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JuryAnswerParserTest {

    @Test
    void readsTheDocumentedContract() {
        Map<Integer, Reading> r = JuryAnswerParser.parseAll(
                "{\"scores\": [{\"bid\": \"B1\", \"score\": 4}, {\"bid\": \"B2\", \"score\": 0}]}");
        assertThat(r).hasSize(2);
        assertThat(r.get(1)).isEqualTo(new Reading(4, JuryScore.Status.SCORED, ""));
        assertThat(r.get(2).score()).isZero();
    }

    @Test
    void readsJsonInsideCodeFencesAndProse() {
        String answer = """
                Sure! Here is my assessment of the strategies.
                ```json
                {"scores": [{"bid": "B2", "score": 3}, {"bid": "B1", "score": 5},]}
                ```
                Let me know if you need more.""";
        Map<Integer, Reading> r = JuryAnswerParser.parseAll(answer);
        assertThat(r.get(1).score()).isEqualTo(5);
        assertThat(r.get(2).score()).isEqualTo(3);
    }

    @Test
    void acceptsOtherShapesOfTheSameInformation() {
        assertThat(JuryAnswerParser.parseAll("{'B1': 2, 'B2': {'score': 4}}"))
                .extractingFromEntries(e -> e.getKey() + "=" + e.getValue().score())
                .containsExactlyInAnyOrder("1=2", "2=4");
        assertThat(JuryAnswerParser.parseAll("[{\"id\": 1, \"rating\": \"3\"}, {\"id\": \"Bid 2\", \"score\": \"4/5\"}]"))
                .extractingFromEntries(e -> e.getKey() + "=" + e.getValue().score())
                .containsExactlyInAnyOrder("1=3", "2=4");
        assertThat(JuryAnswerParser.parseAll("B1: 4\nB2 - 1\nB3 = 5"))
                .extractingFromEntries(e -> e.getKey() + "=" + e.getValue().score())
                .containsExactlyInAnyOrder("1=4", "2=1", "3=5");
    }

    @Test
    void clampsAndRoundsOutOfRangeValuesAndSaysSo() {
        Map<Integer, Reading> r = JuryAnswerParser.parseAll(
                "{\"scores\": [{\"bid\": \"B1\", \"score\": 7}, {\"bid\": \"B2\", \"score\": -2},"
                        + " {\"bid\": \"B3\", \"score\": 3.6}]}");
        assertThat(r.get(1)).isEqualTo(new Reading(5, JuryScore.Status.ADJUSTED, "answered 7.0, used 5"));
        assertThat(r.get(2).score()).isZero();
        assertThat(r.get(2).status()).isEqualTo(JuryScore.Status.ADJUSTED);
        assertThat(r.get(3).score()).isEqualTo(4);
    }

    @Test
    void entriesWithoutANumberAreUnparseableAndAbsentEntriesAreAbsent() {
        Map<Integer, Reading> r = JuryAnswerParser.parseAll(
                "{\"scores\": [{\"bid\": \"B1\", \"score\": \"excellent\"}, {\"bid\": \"B3\", \"score\": 2}]}");
        assertThat(r.get(1).status()).isEqualTo(JuryScore.Status.UNPARSEABLE);
        assertThat(r).doesNotContainKey(2);
        assertThat(r.get(3).score()).isEqualTo(2);
    }

    @Test
    void garbageYieldsNothingAndNeverThrows() {
        assertThat(JuryAnswerParser.parseAll("I cannot help with that.")).isEmpty();
        assertThat(JuryAnswerParser.parseAll("{{{[[[")).isEmpty();
        assertThat(JuryAnswerParser.parseAll("")).isEmpty();
        assertThat(JuryAnswerParser.parseAll(null)).isEmpty();
    }

    @Test
    void readsOneBidAnswers() {
        assertThat(JuryAnswerParser.parseOne("{\"score\": 3}").score()).isEqualTo(3);
        assertThat(JuryAnswerParser.parseOne("```\n{\"score\": 5}\n```").score()).isEqualTo(5);
        assertThat(JuryAnswerParser.parseOne(" 4 ").score()).isEqualTo(4);
        assertThat(JuryAnswerParser.parseOne("My score: 2, because the plan skips testing.").score()).isEqualTo(2);
        assertThat(JuryAnswerParser.parseOne("{\"score\": 11}").status()).isEqualTo(JuryScore.Status.ADJUSTED);
        Reading garbage = JuryAnswerParser.parseOne("no idea");
        assertThat(garbage.score()).isNull();
        assertThat(garbage.status()).isEqualTo(JuryScore.Status.UNPARSEABLE);
        assertThat(garbage.note()).contains("no idea");
    }
}
