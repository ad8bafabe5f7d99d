package dev.sale4j.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntropyEstimatorTest {

    @Test
    void lexicalEntropyIsOneForDistinctWordsAndZeroForRepetition() {
        assertThat(LexicalEntropyEstimator.entropyOf("alpha beta gamma delta")).isCloseTo(1.0, within(1e-12));
        assertThat(LexicalEntropyEstimator.entropyOf("go go go go")).isZero();
        assertThat(LexicalEntropyEstimator.entropyOf("one")).isZero();
        assertThat(LexicalEntropyEstimator.entropyOf("")).isZero();
    }

    @Test
    void lexicalEntropyMatchesAHandComputedValue() {
        // words: a a b c -> p = 1/2, 1/4, 1/4; H = 1.5 ln 2; max = ln 4 = 2 ln 2 -> 0.75
        assertThat(LexicalEntropyEstimator.entropyOf("A a, b. C!")).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void logProbEntropyOfACertainTokenIsZeroAndOfUniformAlternativesIsOne() {
        TokenLogProb certain = new TokenLogProb("x", 0.0, List.of(new TokenLogProb.Alternative("x", 0.0)));
        assertThat(LogProbEntropyEstimator.positionEntropy(certain)).isCloseTo(0.0, within(1e-12));

        double quarter = Math.log(0.25);
        TokenLogProb uniform = new TokenLogProb("a", quarter, List.of(
                new TokenLogProb.Alternative("a", quarter), new TokenLogProb.Alternative("b", quarter),
                new TokenLogProb.Alternative("c", quarter), new TokenLogProb.Alternative("d", quarter)));
        // four alternatives of 1/4 and no residual mass: ln 4 / ln 5
        assertThat(LogProbEntropyEstimator.positionEntropy(uniform)).isCloseTo(Math.log(4) / Math.log(5), within(1e-12));
    }

    @Test
    void logProbEntropyWithoutAlternativesIsTheBinaryEntropyOfTheChosenToken() {
        TokenLogProb half = new TokenLogProb("a", Math.log(0.5), List.of());
        assertThat(LogProbEntropyEstimator.positionEntropy(half)).isCloseTo(1.0, within(1e-12));
        assertThat(LogProbEntropyEstimator.meanEntropy(List.of(half, new TokenLogProb("b", 0.0, List.of()))))
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void theDefaultEstimatorFallsBackToLexicalWithoutLogProbs() {
        ChatResponse plain = ChatResponse.builder().aiMessage(AiMessage.from("alpha beta")).build();
        Entropy entropy = EntropyEstimator.defaultEstimator().estimate("alpha beta", plain);
        assertThat(entropy.estimator()).isEqualTo(Entropy.LEXICAL);
        assertThat(entropy.value()).isCloseTo(1.0, within(1e-12));
    }
}
