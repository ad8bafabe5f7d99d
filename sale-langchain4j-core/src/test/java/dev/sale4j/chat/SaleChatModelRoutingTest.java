package dev.sale4j.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.Result;
import dev.sale4j.execute.Handover;
import dev.sale4j.execute.SaleExecutionException;
import org.junit.jupiter.api.Test;

/** Task boundaries, handovers and budgets of SaleChatModel, on scripted in-process agents. */
class SaleChatModelRoutingTest {

    interface Assistant {
        Result<String> chat(String message);
    }

    private final ScriptedPool agents = new ScriptedPool();

    private Assistant assistant(SaleChatModel model) {
        return AiServices.builder(Assistant.class).chatModel(model).tools(new ScriptedPool.Calculator())
                .chatMemory(MessageWindowChatMemory.withMaxMessages(50)).build();
    }

    private static SaleChatResponseMetadata metadata(Result<String> result) {
        return (SaleChatResponseMetadata) result.finalResponse().metadata();
    }

    @Test
    void anExplicitTaskScopeKeepsOneWinnerAcrossUserMessagesUntilItCloses() {
        SaleChatModel model = SaleChatModel.builder().router(agents.router().build()).build();
        Assistant assistant = assistant(model);

        try (TaskScope scope = model.taskScope("ticket-1")) {
            assertThat(assistant.chat("add 2 and 3 [prefer big]").content()).isEqualTo("done by big");
            assertThat(assistant.chat("again please [prefer small]").content()).isEqualTo("done by big");
            assertThat(scope.id()).isEqualTo("ticket-1");
        }
        assertThat(agents.bids()).isEqualTo(2);

        assertThat(assistant.chat("and once more [prefer small]").content()).isEqualTo("done by small");
        assertThat(agents.bids()).isEqualTo(4);
    }

    @Test
    void perConversationRoutingRunsOneAuctionForTheWholeConversation() {
        SaleChatModel model = SaleChatModel.builder().router(agents.router().build())
                .routing(TaskRouting.PER_CONVERSATION).build();
        Assistant assistant = assistant(model);

        assertThat(assistant.chat("add 2 and 3 [prefer small]").content()).isEqualTo("done by small");
        assertThat(assistant.chat("again [prefer big]").content()).isEqualTo("done by small");
        assertThat(agents.bids()).isEqualTo(2);
    }

    @Test
    void aRetriableErrorHandsTheTaskToTheNextBestBidWithItsOwnPlan() {
        agents.big.executionFailure = () -> new RateLimitException("429 Too Many Requests");
        SaleChatModel model = SaleChatModel.builder().router(agents.router().build()).build();

        Result<String> result = assistant(model).chat("add 2 and 3 [prefer big]");

        assertThat(result.content()).isEqualTo("done by small");
        SaleChatResponseMetadata metadata = metadata(result);
        assertThat(metadata.winner()).isEqualTo("big");
        assertThat(metadata.executor()).isEqualTo("small");
        assertThat(metadata.handovers()).containsExactly(
                new Handover("big", "small", "RateLimitException: 429 Too Many Requests"));
        assertThat(agents.executions).filteredOn(e -> e.agent().equals("small")).hasSize(2)
                .allSatisfy(e -> assertThat(((SystemMessage) e.request().messages().get(0)).text())
                        .contains("PLAN-small").doesNotContain("PLAN-big"));
        assertThat(agents.executions).filteredOn(e -> e.agent().equals("big")).hasSize(1);
    }

    @Test
    void aNonRetriableErrorSurfacesWithTheAuctionContext() {
        agents.big.executionFailure = () -> new AuthenticationException("Incorrect API key");
        SaleChatModel model = SaleChatModel.builder().router(agents.router().build()).build();

        assertThatThrownBy(() -> model.chat(UserMessage.from("add 2 and 3 [prefer big]")))
                .isInstanceOf(SaleExecutionException.class)
                .isInstanceOf(NonRetriableException.class)
                .hasCauseInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Agent 'big'")
                .hasMessageContaining("non-retriable")
                .satisfies(e -> assertThat(((SaleExecutionException) e).auctionId()).isNotBlank());
        assertThat(agents.executions).extracting(ScriptedAgentModel.Execution::agent).containsExactly("big");
    }

    @Test
    void bidsOverTheReservePriceDoNotCompete() {
        // big's estimate: (task ~10 tokens + 20 plan tokens) at 0.36 USD/Mtok is about 1.1e-5 USD; small's 1.5e-6
        SaleChatModel model = SaleChatModel.builder().router(agents.router().build()).reservePriceUsd(5e-6).build();

        ChatResponse response = model.chat(UserMessage.from("add 2 and 3 [prefer big]"));

        SaleChatResponseMetadata metadata = (SaleChatResponseMetadata) response.metadata();
        assertThat(metadata.winner()).isEqualTo("small");
        assertThat(metadata.bids()).extracting(BidSummary::agent).containsExactly("small");
        assertThat(agents.big.juryCalls.get() + agents.small.juryCalls.get()).isEqualTo(2);
    }

    @Test
    void theOverheadCapSkipsTheJuryWhenItWouldBeExceeded() {
        SaleChatModel model = SaleChatModel.builder().router(agents.router().build()).maxOverheadTokens(300).build();

        ChatResponse response = model.chat(UserMessage.from("add 2 and 3 [prefer big]"));

        SaleChatResponseMetadata metadata = (SaleChatResponseMetadata) response.metadata();
        assertThat(agents.big.juryCalls.get() + agents.small.juryCalls.get()).isZero();
        assertThat(metadata.overheadTokens()).isEqualTo(240);
        assertThat(metadata.winner()).isEqualTo("small");
    }

    @Test
    void agentsThatCannotServeTheRequestsFeaturesDoNotBid() {
        SaleChatModel model = SaleChatModel.builder().router(agents.router().build())
                .agentFeatures("small", ChatFeature.IMAGES).build();

        Result<String> result = assistant(model).chat("add 2 and 3 [prefer small]");

        assertThat(result.content()).isEqualTo("done by big");
        assertThat(agents.small.bids).hasValue(0);
        assertThat(model.supportedCapabilities()).isEmpty();
    }
}
