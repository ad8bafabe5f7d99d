package dev.sale4j.eval.bench;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.web.search.WebSearchEngine;
import dev.sale4j.eval.grade.Submission;
import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.eval.suite.Domain;
import dev.sale4j.eval.suite.GradingSpec;
import dev.sale4j.execute.ExecutionPreamble;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AuctionTask;
import dev.sale4j.tools.agent.AgentRun;
import dev.sale4j.tools.agent.CodingAgent;
import dev.sale4j.tools.agent.CodingResult;
import dev.sale4j.tools.agent.ResearchAssistant;
import dev.sale4j.tools.code.PythonSandbox;
import dev.sale4j.tools.web.PageReader;
import java.util.List;

/**
 * Executes a suite task with one agent following its plan: deep-search tasks with the {@link ResearchAssistant},
 * coding tasks graded by tests with the {@link CodingAgent}, multiple choice with one plain chat call (a letter
 * needs no sandbox, and a tool loop would only add tokens). Thread-safe: every execution builds its own agent.
 */
public final class TaskRunner {

    private final PythonSandbox sandbox;
    private final WebSearchEngine searchEngine;
    private final PageReader pageReader;
    private final int maxToolCalls;
    private final ExecutionPreamble preamble;

    private TaskRunner(Builder builder) {
        this.sandbox = builder.sandbox != null ? builder.sandbox : PythonSandbox.builder().build();
        this.searchEngine = builder.searchEngine;
        this.pageReader = builder.pageReader;
        this.maxToolCalls = builder.maxToolCalls;
        this.preamble = builder.preamble != null ? builder.preamble : ExecutionPreamble.defaults();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The task as the bidders see it: the prompt, and the tools of the agent that will execute it. */
    public AuctionTask auctionTask(BenchTask task, ChatModel anyModel) {
        return switch (kind(task)) {
            case RESEARCH -> AuctionTask.of(task.prompt(), research(anyModel).environment().tools());
            case CODING -> AuctionTask.of(task.prompt(), coding(anyModel).environment().tools());
            case CHAT -> AuctionTask.of(task.prompt());
        };
    }

    /** Runs the task with the agent's backend, its plan in the system message of every call. */
    public TaskExecution execute(BenchTask task, Agent agent, String plan) {
        ChatModel model = plan == null || plan.isBlank() ? agent.model()
                : new PlannedChatModel(agent.model(), plan, preamble);
        long start = System.nanoTime();
        Submission submission;
        TokenUsage usage;
        int tools = 0;
        switch (kind(task)) {
            case RESEARCH -> {
                AgentRun run = research(model).ask(task.prompt()).run();
                submission = Submission.of(run.text());
                usage = run.totalUsage();
                tools = (int) run.toolCallsRun();
            }
            case CODING -> {
                CodingResult result = coding(model).solve(task.prompt(), List.of());
                submission = Submission.withCode(result.run().text(), result.hasCode() ? result.code() : null);
                usage = result.run().totalUsage();
                tools = (int) result.run().toolCallsRun();
            }
            default -> {
                ChatResponse response = model.chat(ChatRequest.builder()
                        .messages(List.of(UserMessage.from(task.prompt()))).build());
                submission = Submission.of(response.aiMessage().text());
                usage = response.tokenUsage();
            }
        }
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        long ms = (System.nanoTime() - start) / 1_000_000;
        return new TaskExecution(submission, in, out, tools, ms, agent.costUsd(in, out));
    }

    private enum Kind { RESEARCH, CODING, CHAT }

    private static Kind kind(BenchTask task) {
        if (task.domain() == Domain.DEEP_SEARCH) {
            return Kind.RESEARCH;
        }
        return task.grading() instanceof GradingSpec.Choice ? Kind.CHAT : Kind.CODING;
    }

    private ResearchAssistant research(ChatModel model) {
        ResearchAssistant.Builder b = ResearchAssistant.builder().chatModel(model).maxToolCalls(maxToolCalls);
        if (searchEngine != null) {
            b.searchEngine(searchEngine);
        }
        if (pageReader != null) {
            b.pageReader(pageReader);
        }
        return b.build();
    }

    private CodingAgent coding(ChatModel model) {
        return CodingAgent.builder().chatModel(model).sandbox(sandbox).maxToolCalls(maxToolCalls).build();
    }

    /** Builder for {@link TaskRunner}. */
    public static final class Builder {
        private PythonSandbox sandbox;
        private WebSearchEngine searchEngine;
        private PageReader pageReader;
        private int maxToolCalls = 10;
        private ExecutionPreamble preamble;

        private Builder() {
        }

        /** The coding agent's sandbox; default {@code PythonSandbox.builder().build()}. */
        public Builder sandbox(PythonSandbox sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        /** The research agent's search engine; default DuckDuckGo. */
        public Builder searchEngine(WebSearchEngine searchEngine) {
            this.searchEngine = searchEngine;
            return this;
        }

        /** The research agent's page reader; default {@code PageReader.builder().build()}. */
        public Builder pageReader(PageReader pageReader) {
            this.pageReader = pageReader;
            return this;
        }

        /** Tool calls allowed per execution; default 10. */
        public Builder maxToolCalls(int maxToolCalls) {
            if (maxToolCalls < 1) {
                throw new IllegalArgumentException("maxToolCalls must be at least 1, got " + maxToolCalls);
            }
            this.maxToolCalls = maxToolCalls;
            return this;
        }

        /** How the plan enters the system message; default the router's own execution preamble. */
        public Builder preamble(ExecutionPreamble preamble) {
            this.preamble = preamble;
            return this;
        }

        public TaskRunner build() {
            return new TaskRunner(this);
        }
    }
}
