package dev.sale4j.tools.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.sale4j.tools.code.PythonSandbox;
import dev.sale4j.tools.code.PythonSandboxTool;
import dev.sale4j.tools.code.TestRunner;
import dev.sale4j.tools.code.TestVerdict;

import java.util.List;

/**
 * A coding agent: a LangChain4j AiService with the {@link PythonSandboxTool}. It writes code, runs it against the
 * task's examples and any tests given, fixes it, and answers; the final code is taken apart from the prose (the
 * last fenced Python block of the answer, else the last program that ran cleanly). Given tests are then run against
 * the final code with a {@link TestRunner} in the same sandbox, so the verdict does not rest on the model's word.
 * One task is one AiService call (one auction on a router). Thread-safe: each task gets its own AiService and trace.
 */
public final class CodingAgent {

    /** The system message template; {@code {{maxToolCalls}}} is replaced by the step limit. */
    public static final String DEFAULT_SYSTEM_MESSAGE = Prompts.load("coding-system.txt");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentLoop loop;
    private final TestRunner testRunner;
    private final String runToolName;
    private final AgentListener listener;

    private CodingAgent(Builder builder) {
        PythonSandbox sandbox = builder.sandbox != null ? builder.sandbox : PythonSandbox.builder().build();
        String template = builder.systemMessage != null ? builder.systemMessage : DEFAULT_SYSTEM_MESSAGE;
        this.loop = new AgentLoop(Prompts.fill(template, builder.maxToolCalls), List.of(new PythonSandboxTool(sandbox)),
                builder.chatModel, builder.streamingChatModel, builder.maxToolCalls);
        this.testRunner = TestRunner.builder().sandbox(sandbox).build();
        this.runToolName = ToolSpecifications.toolSpecificationsFrom(PythonSandboxTool.class).get(0).name();
        this.listener = builder.listener != null ? builder.listener : AgentListener.NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return the system message and tools every call is made with: what bids should be conditioned on */
    public AgentEnvironment environment() {
        return loop.environment();
    }

    /** Solves {@code task} (tests: the examples in it) with the chat model. */
    public CodingResult solve(String task) {
        return solve(task, List.of());
    }

    /**
     * Solves {@code task} with the chat model; {@code tests} are Python {@code assert} statements the code must pass,
     * shown to the model and run against the final code afterwards.
     */
    public CodingResult solve(String task, List<String> tests) {
        return solve(task, tests, listener);
    }

    public CodingResult solve(String task, List<String> tests, AgentListener listener) {
        List<String> checked = check(task, tests);
        return result(loop.run(message(task, checked), listener), checked);
    }

    /** As {@link #solve(String, List, AgentListener)}, streaming the answer to {@link AgentListener#onPartialText}. */
    public CodingResult solveStreaming(String task, List<String> tests, AgentListener listener) {
        List<String> checked = check(task, tests);
        return result(loop.runStreaming(message(task, checked), listener), checked);
    }

    private static List<String> check(String task, List<String> tests) {
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("task must not be blank; describe the code to write");
        }
        List<String> list = tests == null ? List.of() : tests.stream().filter(t -> t != null && !t.isBlank())
                .map(String::strip).toList();
        return list;
    }

    private static String message(String task, List<String> tests) {
        if (tests.isEmpty()) {
            return task.strip();
        }
        return task.strip() + "\n\nYour code must pass these tests:\n```python\n" + String.join("\n", tests)
                + "\n```";
    }

    private CodingResult result(AgentRun run, List<String> tests) {
        CodeBlocks.Block block = CodeBlocks.last(run.text());
        String code;
        String prose;
        CodingResult.CodeOrigin origin;
        if (block != null && !block.code().isBlank()) {
            code = block.code();
            prose = (run.text().substring(0, block.start()) + run.text().substring(block.end())).strip();
            origin = CodingResult.CodeOrigin.ANSWER;
        } else {
            code = lastCleanRun(run);
            prose = run.text().strip();
            origin = code.isEmpty() ? CodingResult.CodeOrigin.NONE : CodingResult.CodeOrigin.LAST_SUCCESSFUL_RUN;
        }
        TestVerdict verdict = tests.isEmpty() || code.isBlank() ? null : testRunner.gradeAsserts(code, tests);
        return new CodingResult(code, origin, prose, verdict, run);
    }

    private String lastCleanRun(AgentRun run) {
        String code = "";
        for (ToolCall call : run.toolCalls()) {
            if (call.name().equals(runToolName) && call.succeeded() && call.result().startsWith("exit status: 0,")) {
                try {
                    JsonNode node = JSON.readTree(call.arguments()).get("code");
                    if (node != null && node.isTextual()) {
                        code = node.asText();
                    }
                } catch (Exception e) {
                    // arguments the tool could not have run either; not a candidate
                }
            }
        }
        return code;
    }

    /** Builder for {@link CodingAgent}. */
    public static final class Builder {
        private ChatModel chatModel;
        private StreamingChatModel streamingChatModel;
        private PythonSandbox sandbox;
        private int maxToolCalls = 10;
        private String systemMessage;
        private AgentListener listener;

        private Builder() {
        }

        /** The model for {@link #solve}: any ChatModel, e.g. a router's SaleChatModel. */
        public Builder chatModel(ChatModel chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /** The model for {@link #solveStreaming}. */
        public Builder streamingChatModel(StreamingChatModel streamingChatModel) {
            this.streamingChatModel = streamingChatModel;
            return this;
        }

        /** Defaults to {@code PythonSandbox.builder().build()} (the strongest isolation the host offers). */
        public Builder sandbox(PythonSandbox sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        /** Sandbox runs allowed per task; default 10. */
        public Builder maxToolCalls(int maxToolCalls) {
            this.maxToolCalls = maxToolCalls;
            return this;
        }

        /** Replaces {@link #DEFAULT_SYSTEM_MESSAGE}; keep its final ```python block contract. */
        public Builder systemMessage(String systemMessage) {
            this.systemMessage = systemMessage;
            return this;
        }

        /** Receives tool and model calls of every task solved without an explicit listener. */
        public Builder listener(AgentListener listener) {
            this.listener = listener;
            return this;
        }

        public CodingAgent build() {
            return new CodingAgent(this);
        }
    }
}
