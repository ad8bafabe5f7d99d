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
}
