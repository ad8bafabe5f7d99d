package dev.sale4j.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.ChatModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentPoolTest {

    private static final ChatModel MODEL = new ChatModel() {};

    @Test
    void anEmptyPoolIsRejected() {
        assertThatThrownBy(() -> AgentPool.of(List.of())).hasMessageContaining("at least one agent");
    }

    @Test
    void duplicateNamesAreRejected() {
        assertThatThrownBy(() -> AgentPool.of(Agent.of("a", MODEL, 1), Agent.of("a", MODEL, 2)))
                .hasMessageContaining("Two agents are named 'a'");
    }

    @Test
    void negativeAndMissingPricesAreRejected() {
        assertThatThrownBy(() -> Agent.of("a", MODEL, -0.1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Agent.of("a", MODEL, Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> Agent.builder().name("a").model(MODEL).build()).hasMessageContaining("no price");
        assertThatThrownBy(() -> Agent.builder().name(" ").model(MODEL).price(1).build())
                .hasMessageContaining("name is missing");
        assertThatThrownBy(() -> Agent.builder().name("a").price(1).build()).hasMessageContaining("no ChatModel");
    }

    @Test
    void separateInputAndOutputPricesPriceCalls() {
        Agent agent = Agent.builder().name("a").model(MODEL).inputPrice(1).outputPrice(4).build();
        assertThat(agent.price()).isEqualTo(4);
        assertThat(agent.costUsd(1_000_000, 500_000)).isEqualTo(3.0);
    }

    @Test
    void cheapestAndStrictlyCheaperAgentsFollowPrices() {
        AgentPool pool = AgentPool.of(Agent.of("big", MODEL, 0.36), Agent.of("small", MODEL, 0.05),
                Agent.of("mid", MODEL, 0.16), Agent.of("mid2", MODEL, 0.16));
        assertThat(pool.cheapest().name()).isEqualTo("small");
        assertThat(pool.cheaperThan("mid")).extracting(Agent::name).containsExactly("small");
        assertThatThrownBy(() -> pool.get("huge")).hasMessageContaining("big, small, mid, mid2");
    }
}
