package dev.sale4j.tools.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.web.search.WebSearchEngine;
import dev.sale4j.tools.web.DuckDuckGoSearchEngine;
import dev.sale4j.tools.web.PageReader;
import dev.sale4j.tools.web.PageReaderTool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A research agent: a LangChain4j AiService with web search ({@link WebSearchTools} over DuckDuckGo by default, any
 * {@link WebSearchEngine} such as {@code SearxngSearchEngine} by configuration) and the {@link PageReaderTool}. It
 * searches, reads pages and answers; its sources are the pages whose page-reader call succeeded, whatever the model
 * claims, and a cited URL it never read is reported in {@link ResearchResult#unreadCitations()}. When the pages do
 * not answer the question the system prompt asks for {@code NOT FOUND:}, reported as {@link ResearchResult.Outcome#NOT_FOUND}.
 * One question is one AiService call, so on a router ({@code SaleChatModel}) it is one auction whose winner runs
 * the whole tool loop. Thread-safe: each question gets its own AiService and trace.
 */
public final class ResearchAssistant {

    /** The system message template; {@code {{maxToolCalls}}} is replaced by the step limit. */
    public static final String DEFAULT_SYSTEM_MESSAGE = Prompts.load("research-system.txt");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_FOUND = "NOT FOUND";

    private final AgentLoop loop;
    private final String readToolName;
    private final AgentListener listener;

    private ResearchAssistant(Builder builder) {
        WebSearchEngine engine = builder.searchEngine != null ? builder.searchEngine
                : DuckDuckGoSearchEngine.builder().build();
        PageReaderTool reader = new PageReaderTool(builder.pageReader != null ? builder.pageReader
                : PageReader.builder().build());
        this.readToolName = ToolSpecifications.toolSpecificationsFrom(PageReaderTool.class).get(0).name();
        String template = builder.systemMessage != null ? builder.systemMessage : DEFAULT_SYSTEM_MESSAGE;
        this.loop = new AgentLoop(Prompts.fill(template, builder.maxToolCalls),
                List.of(new WebSearchTools(engine, builder.maxSearchResults), reader), builder.chatModel,
                builder.streamingChatModel, builder.maxToolCalls);
        this.listener = builder.listener != null ? builder.listener : AgentListener.NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return the system message and tools every call is made with: what bids should be conditioned on */
    public AgentEnvironment environment() {
        return loop.environment();
    }

    /** Answers {@code question} with the chat model (not streaming), reporting to the builder's listener. */
    public ResearchResult ask(String question) {
        return ask(question, listener);
    }

    /** Answers {@code question} with the chat model, reporting to {@code listener}. */
    public ResearchResult ask(String question, AgentListener listener) {
        return result(loop.run(check(question), listener));
    }

    /**
     * Answers {@code question} with the streaming chat model: the answer reaches {@code listener}'s
     * {@link AgentListener#onPartialText} as it is written; returns when it is complete.
     */
    public ResearchResult askStreaming(String question, AgentListener listener) {
        return result(loop.runStreaming(check(question), listener));
    }

    private static String check(String question) {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("question must not be blank; ask what you want researched");
        }
        return question.strip();
    }

    private ResearchResult result(AgentRun run) {
        Map<String, Source> read = new LinkedHashMap<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        for (ToolCall call : run.toolCalls()) {
            if (!call.name().equals(readToolName) || !call.succeeded()) {
                continue;
            }
            String url = argument(call.arguments(), "url");
            if (url == null) {
                continue;
            }
            String key = Citations.key(url);
            read.putIfAbsent(key, new Source(url.strip(), header(call.result(), "Title: "), false));
            String finalUrl = header(call.result(), "URL: ");
            if (!finalUrl.isEmpty()) {
                aliases.putIfAbsent(Citations.key(finalUrl), key);
            }
        }
        Set<String> cited = new LinkedHashSet<>();
        List<String> unread = new ArrayList<>();
        for (String url : Citations.urls(run.text())) {
            String key = Citations.key(url);
            String readKey = read.containsKey(key) ? key : aliases.get(key);
            if (readKey != null) {
                cited.add(readKey);
            } else {
                unread.add(url);
            }
        }
        List<Source> sources = read.entrySet().stream()
                .map(e -> new Source(e.getValue().url(), e.getValue().title(), cited.contains(e.getKey()))).toList();
        return new ResearchResult(outcome(run, sources), sources, unread, run);
    }

    private static ResearchResult.Outcome outcome(AgentRun run, List<Source> sources) {
        String text = run.text().strip().replaceFirst("^[*_#>\\s]+", "");
        if (text.isEmpty()) {
            return ResearchResult.Outcome.STOPPED;
        }
        if (text.toUpperCase(Locale.ROOT).startsWith(NOT_FOUND)) {
            return ResearchResult.Outcome.NOT_FOUND;
        }
        return sources.isEmpty() ? ResearchResult.Outcome.UNSOURCED : ResearchResult.Outcome.ANSWERED;
    }

    private static String argument(String json, String name) {
        try {
            JsonNode node = JSON.readTree(json).get(name);
            return node == null || !node.isTextual() ? null : node.asText();
        } catch (Exception e) {
            return null;
        }
    }

    private static String header(String result, String prefix) {
        for (String line : result.lines().limit(3).toList()) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
        }
        return "";
    }

    /** Builder for {@link ResearchAssistant}. */
    public static final class Builder {
        private ChatModel chatModel;
        private StreamingChatModel streamingChatModel;
        private WebSearchEngine searchEngine;
        private PageReader pageReader;
        private int maxToolCalls = 12;
        private int maxSearchResults = 8;
        private String systemMessage;
        private AgentListener listener;

        private Builder() {
        }

        /** The model for {@link #ask}: any ChatModel, e.g. a router's SaleChatModel. */
        public Builder chatModel(ChatModel chatModel) {
            this.chatModel = chatModel;
            return this;
        }

        /** The model for {@link #askStreaming}. */
        public Builder streamingChatModel(StreamingChatModel streamingChatModel) {
            this.streamingChatModel = streamingChatModel;
            return this;
        }

        /** Defaults to {@code DuckDuckGoSearchEngine.builder().build()}; e.g. a {@code SearxngSearchEngine}. */
        public Builder searchEngine(WebSearchEngine searchEngine) {
            this.searchEngine = searchEngine;
            return this;
        }

        /** Defaults to {@code PageReader.builder().build()} (strict URL policy). */
        public Builder pageReader(PageReader pageReader) {
            this.pageReader = pageReader;
            return this;
        }

        /** Tool calls allowed per question (searches and page reads together); default 12. */
        public Builder maxToolCalls(int maxToolCalls) {
            this.maxToolCalls = maxToolCalls;
            return this;
        }

        /** Results asked of the engine per search; default 8. */
        public Builder maxSearchResults(int maxSearchResults) {
            this.maxSearchResults = maxSearchResults;
            return this;
        }

        /** Replaces {@link #DEFAULT_SYSTEM_MESSAGE}; keep its NOT FOUND contract and "Sources:" line. */
        public Builder systemMessage(String systemMessage) {
            this.systemMessage = systemMessage;
            return this;
        }

        /** Receives tool and model calls of every question asked without an explicit listener. */
        public Builder listener(AgentListener listener) {
            this.listener = listener;
            return this;
        }

        public ResearchAssistant build() {
            return new ResearchAssistant(this);
        }
    }
}
