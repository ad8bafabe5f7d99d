package dev.sale4j.benchmarks;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AgentPool;
import java.util.concurrent.locks.LockSupport;

/** Agents whose every call answers after a fixed latency (zero for an instant agent), with realistic texts. */
final class ScriptedAgents {

    private static final String PLAN = """
            1. Search for the official list of capitals and read the first two results.
            2. Cross-check the answer against a second, independent source (an encyclopedia page).
            3. If the sources disagree, search for the constitutional or legal definition and prefer it.
            4. Answer with the city name and cite both sources; flag any remaining doubt.""";

    private static final String JURY = """
            {"scores": [{"bid": "B1", "score": 4}, {"bid": "B2", "score": 3},
                        {"bid": "B3", "score": 5}, {"bid": "B4", "score": 2}]}""";

    private ScriptedAgents() {}

    static AgentPool pool(long latencyNanos) {
        double[] prices = {0.05, 0.09, 0.16, 0.36};
        String[] names = {"qwen3:4b", "qwen3:8b", "qwen3:14b", "qwen3:32b"};
        Agent[] agents = new Agent[4];
        for (int i = 0; i < 4; i++) {
            agents[i] = Agent.of(names[i], new FixedLatencyModel(latencyNanos, i), prices[i]);
        }
        return AgentPool.of(agents);
    }

    private record FixedLatencyModel(long latencyNanos, int variant) implements ChatModel {
        @Override
        public ChatResponse doChat(ChatRequest request) {
            if (latencyNanos > 0) {
                LockSupport.parkNanos(latencyNanos);
            }
            String prompt = ((UserMessage) request.messages().get(0)).singleText();
            boolean bid = prompt.contains("bidding for the right");
            String text = bid ? "Strategy " + variant + ":\n" + PLAN : JURY;
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from(text))
                    .tokenUsage(new TokenUsage(prompt.length() / 4, text.length() / 4))
                    .build();
        }
    }
}
