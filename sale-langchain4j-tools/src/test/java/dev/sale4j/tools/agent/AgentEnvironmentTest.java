package dev.sale4j.tools.agent;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.sale4j.tools.web.PageReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The environment the agents expose is exactly what their model calls carry. */
class AgentEnvironmentTest {

    /** An in-process model that answers at once and keeps the requests it got. */
    private static final class RecordingModel implements ChatModel {
        final List<ChatRequest> requests = new ArrayList<>();

        @Override
        public ChatResponse doChat(ChatRequest request) {
            requests.add(request);
            return ChatResponse.builder().aiMessage(AiMessage.from("NOT FOUND: nothing searched")).build();
        }
    }

    @Test
    void researchEnvironmentIsTheSystemMessageAndToolsOfEveryCall() {
        RecordingModel model = new RecordingModel();
        ResearchAssistant assistant = ResearchAssistant.builder().chatModel(model).maxToolCalls(7)
                .pageReader(PageReader.builder().build()).build();

        AgentEnvironment environment = assistant.environment();
        ResearchResult result = assistant.ask("Who wrote SALE?");

        assertThat(environment.toolNames()).containsExactly("searchWeb", "readPage");
        assertThat(environment.systemMessage()).contains("You have 7 tool calls in all").contains("NOT FOUND:")
                .doesNotContain("{{");
        ChatRequest sent = model.requests.get(0);
        assertThat(sent.messages().get(0).toString()).contains(environment.systemMessage());
        assertThat(sent.toolSpecifications()).extracting(ToolSpecification::name)
                .containsExactlyElementsOf(environment.toolNames());
        assertThat(sent.toolSpecifications()).containsExactlyElementsOf(environment.tools());
        assertThat(result.outcome()).isEqualTo(ResearchResult.Outcome.NOT_FOUND);
        assertThat(result.run().modelCalls()).hasSize(1);
    }

    @Test
    void codingEnvironmentNamesTheSandboxTool() {
        CodingAgent agent = CodingAgent.builder().chatModel(new RecordingModel()).sandbox(MbppTask.smallSandbox())
                .build();

        assertThat(agent.environment().toolNames()).containsExactly("runPython");
        assertThat(agent.environment().tools().get(0).parameters().properties()).containsKey("code");
        assertThat(agent.environment().systemMessage()).contains("```python").contains("10 tool calls");
    }

    @Test
    void badConfigurationIsRefusedWithTheFix() {
        assertThatThrownBy(() -> ResearchAssistant.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chatModel");
        assertThatThrownBy(() -> CodingAgent.builder().chatModel(new RecordingModel()).maxToolCalls(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxToolCalls must be at least 1");
        ResearchAssistant streamingOnly = ResearchAssistant.builder()
                .streamingChatModel(new dev.langchain4j.model.chat.StreamingChatModel() {
                }).build();
        assertThatThrownBy(() -> streamingOnly.ask("q")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("streaming method");
        ResearchAssistant syncOnly = ResearchAssistant.builder().chatModel(new RecordingModel()).build();
        assertThatThrownBy(() -> syncOnly.askStreaming("q", AgentListener.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("streamingChatModel(");
        assertThatThrownBy(() -> syncOnly.ask(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("question must not be blank");
    }
}
