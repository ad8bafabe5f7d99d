package dev.sale4j.entropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiLogProbsTest {

    private static ChatResponse withBody(String body) {
        return ChatResponse.builder()
                .aiMessage(AiMessage.from("Plan"))
                .metadata(OpenAiChatResponseMetadata.builder()
                        .rawHttpResponse(SuccessfulHttpResponse.builder().statusCode(200).body(body).build())
                        .build())
                .build();
    }

    @Test
    void readsTheChatFormat() {
        List<TokenLogProb> tokens = LogProbs.from(withBody("""
                {"choices": [{"index": 0, "message": {"role": "assistant", "content": "Plan"},
                  "logprobs": {"content": [{"token": "Plan", "logprob": -0.1,
                     "top_logprobs": [{"token": "Plan", "logprob": -0.1}, {"token": "Step", "logprob": -2.4}]}]}}]}
                """));
        assertThat(tokens).singleElement().satisfies(t -> {
            assertThat(t.token()).isEqualTo("Plan");
            assertThat(t.logProb()).isEqualTo(-0.1);
            assertThat(t.topAlternatives()).extracting(TokenLogProb.Alternative::token).containsExactly("Plan", "Step");
        });
    }

    @Test
    void readsTheLegacyCompletionsFormatSomeServersReturn() {
        List<TokenLogProb> tokens = LogProbs.from(withBody("""
                {"choices": [{"index": 0, "message": {"role": "assistant", "content": "Plan:"},
                  "logprobs": {"tokens": ["Plan", ":"], "token_logprobs": [-0.6931471805599453, 0.0],
                               "top_logprobs": [{"Plan": -0.6931471805599453, "Step": -0.6931471805599453},
                                                {":": 0.0}]}}]}
                """));
        assertThat(tokens).extracting(TokenLogProb::token).containsExactly("Plan", ":");
        assertThat(LogProbEntropyEstimator.meanEntropy(tokens)).isCloseTo(Math.log(2) / Math.log(3) / 2, within(1e-9));
    }

    @Test
    void bodiesWithoutLogProbsOrNotJsonGiveNone() {
        assertThat(LogProbs.from(withBody("{\"choices\": [{\"logprobs\": null}]}"))).isEmpty();
        assertThat(LogProbs.from(withBody("<html>proxy error</html>"))).isEmpty();
        assertThat(LogProbs.from(ChatResponse.builder().aiMessage(AiMessage.from("x")).build())).isEmpty();
    }

    @Test
    void readsTheChatFormatWhateverTheFieldOrderAndSkipsWhatItDoesNotNeed() {
        List<TokenLogProb> tokens = LogProbs.from(withBody("""
                {"id": "chatcmpl-1", "usage": {"prompt_tokens": 9, "completion_tokens": 3},
                 "choices": [{"logprobs": {"refusal": null, "content": [
                     {"bytes": [80, 108], "top_logprobs": [{"logprob": -0.2, "bytes": [80], "token": "Pl"},
                                                           {"token": "St", "logprob": "n/a"}],
                      "logprob": -0.2, "token": "Pl"},
                     {"token": "an", "logprob": null, "top_logprobs": []},
                     {"token": "!", "logprob": -1.5}]},
                   "index": 0, "message": {"role": "assistant", "content": "Plan!"}}]}
                """));
        assertThat(tokens).extracting(TokenLogProb::token).containsExactly("Pl", "!");
        assertThat(tokens.get(0).logProb()).isEqualTo(-0.2);
        assertThat(tokens.get(0).topAlternatives()).extracting(TokenLogProb.Alternative::token).containsExactly("Pl", "St");
        assertThat(tokens.get(0).topAlternatives().get(1).logProb()).isNaN();
        assertThat(tokens.get(1).topAlternatives()).isEmpty();
    }

    @Test
    void readsOnlyTheFirstChoice() {
        List<TokenLogProb> tokens = LogProbs.from(withBody("""
                {"choices": [{"logprobs": {"content": [{"token": "A", "logprob": -0.1}]}},
                             {"logprobs": {"content": [{"token": "B", "logprob": -0.1}, {"token": "C", "logprob": -0.1}]}}]}
                """));
        assertThat(tokens).extracting(TokenLogProb::token).containsExactly("A");
    }

    @Test
    void truncatedBodiesGiveNone() {
        assertThat(LogProbs.from(withBody("{\"choices\": [{\"logprobs\": {\"content\": [{\"token\": \"A\""))).isEmpty();
    }

    @Test
    void theDefaultEstimatorGivesTheSameEntropyFromLogProbsReadByTheCaller() {
        ChatResponse response = withBody("""
                {"choices": [{"logprobs": {"content": [{"token": "Plan", "logprob": -0.7,
                   "top_logprobs": [{"token": "Plan", "logprob": -0.7}, {"token": "Step", "logprob": -0.9}]}]}}]}
                """);
        EntropyEstimator estimator = EntropyEstimator.defaultEstimator();
        Entropy direct = estimator.estimate("Plan", response);
        Entropy fromList = estimator.estimate("Plan", response, LogProbs.from(response));
        assertThat(fromList).isEqualTo(direct);
        assertThat(direct.estimator()).isEqualTo(Entropy.LOG_PROBS);
        assertThat(estimator.estimate("Plan of two words", response, List.of()).estimator()).isEqualTo(Entropy.LEXICAL);
    }
}
