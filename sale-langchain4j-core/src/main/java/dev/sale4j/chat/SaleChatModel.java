package dev.sale4j.chat;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.sale4j.SaleRouter;
import dev.sale4j.execute.Execution;
import dev.sale4j.execute.ExecutionCall;
import dev.sale4j.pool.Agent;
import java.util.List;
import java.util.Set;

/**
 * A drop-in LangChain4j {@link ChatModel} that routes every task by a SALE auction and keeps the winner for the
 * whole task.
 *
 * <p>A task is the conversation up to its latest user message. The first call of a task runs the auction; the
 * winner executes with its plan added by the {@link ExecutionPreamble}. Every later call of the task — the tool loop
 * of an AiService: the model's tool calls, then their results — goes to the same winner with the same plan, and runs
 * no new auction. Continuations are recognised from the request itself: its latest answer is one this model returned
 * (remembered in a bounded, thread-safe map), or tool results follow its latest user message. A new user message
 * starts a new task ({@link TaskRouting#PER_USER_MESSAGE}), unless routing is {@link TaskRouting#PER_CONVERSATION};
 * {@link #taskScope(String)} makes a task explicit.
 *
 * <p>Each call is delegated with the winner's {@code backend.chat(...)}; tools and response formats pass unchanged;
 * the router's {@code modelName} and settings a backend rejects are removed. Agents that cannot serve a request
 * (tools, JSON schema, images) do not bid. The response is the winner's, with {@link SaleChatResponseMetadata}. A
 * retriable error hands the task to the next-best bidder (recorded in the metadata's handovers); anything else
 * surfaces as {@link SaleExecutionException}. In shadow mode every task runs on the shadow agent while the auction
 * runs beside it ({@link #shadowReport()}).
 */
public final class SaleChatModel implements ChatModel {

    private final TaskRouter tasks;
    private final List<ChatModelListener> listeners;
    private final ChatRequestParameters defaultRequestParameters;

    private SaleChatModel(Builder builder) {
        this.tasks = new TaskRouter(builder);
        this.listeners = List.copyOf(builder.listeners);
        this.defaultRequestParameters = builder.defaultRequestParameters != null
                ? builder.defaultRequestParameters
                : DefaultChatRequestParameters.EMPTY;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        TaskState task = tasks.resolve(request, agent -> true, agent -> agent.model().supportedCapabilities());
        while (true) {
            Execution.Candidate candidate = task.current();
            Agent agent = tasks.router().pool().get(candidate.agent());
            ExecutionCall call = task.execution().call(candidate, agent.model());
            ChatResponse response;
            try {
                response = agent.model().chat(tasks.backendRequest(request, task, candidate, agent.model()));
            } catch (RuntimeException error) {
                if (call.failed(error, true)) {
                    continue;
                }
                throw tasks.failure(task, candidate, error);
            }
            call.answered(response);
            return tasks.complete(task, candidate, request, response);
        }
    }

    /**
     * Opens an explicit task on this thread: until the scope closes, every call on this thread belongs to the task
     * {@code id} and goes to the winner of its one auction. Use with try-with-resources.
     */
    public TaskScope taskScope(String id) {
        return tasks.openScope(id);
    }

    /** Shadow mode's findings so far; throws when shadow mode is off. */
    public ShadowReport shadowReport() {
        return tasks.shadowReport();
    }

    public SaleRouter router() {
        return tasks.router();
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return defaultRequestParameters;
    }

    @Override
    public List<ChatModelListener> listeners() {
        return listeners;
    }

    /** The capabilities every agent's model has. */
    @Override
    public Set<Capability> supportedCapabilities() {
        return TaskRouter.intersection(tasks.router().pool().agents().stream()
                .map(a -> a.model().supportedCapabilities())
                .toList());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SaleChatModel}; see {@link RoutingBuilder} for the options. */
    public static final class Builder extends RoutingBuilder<Builder> {

        private Builder() {}

        public SaleChatModel build() {
            return new SaleChatModel(this);
        }
    }
}
