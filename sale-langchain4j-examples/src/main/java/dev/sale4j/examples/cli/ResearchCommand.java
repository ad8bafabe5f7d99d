package dev.sale4j.examples.cli;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.web.search.WebSearchEngine;
import dev.sale4j.tools.agent.AgentListener;
import dev.sale4j.tools.agent.ResearchAssistant;
import dev.sale4j.tools.agent.ResearchResult;
import dev.sale4j.tools.agent.Source;
import dev.sale4j.tools.web.DuckDuckGoSearchEngine;
import dev.sale4j.tools.web.PageReader;
import dev.sale4j.tools.web.SafeHttpFetcher;
import dev.sale4j.tools.web.SearxngSearchEngine;
import dev.sale4j.tools.web.UrlSafetyPolicy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sale research "question"}: the research assistant (web search and page reader) on the router: one auction,
 * the winner searches, reads and answers with the sources it read. Exits 1 when the run was stopped without an answer.
 */
@Command(name = "research", mixinStandardHelpOptions = true,
        description = "Research a question on the web with the pool's auction winner; stream the answer, then the "
                + "auction table and the cost.")
public final class ResearchCommand extends AgentCommand {

    @Parameters(index = "0", paramLabel = "QUESTION", description = "What to find out.")
    String question;

    @Option(names = "--searxng", paramLabel = "URL", description = "Search with this SearXNG instance (JSON API) "
            + "instead of DuckDuckGo.")
    String searxng;

    @Option(names = "--search-endpoint", paramLabel = "URL",
            description = "DuckDuckGo's HTML endpoint (default https://html.duckduckgo.com/html/).")
    String searchEndpoint;

    @Option(names = "--allow", paramLabel = "HOST:PORT",
            description = "Let the page reader read this host:port although it is private or loopback (repeatable).")
    List<String> allow = new ArrayList<>();

    @Override
    String name() {
        return "research";
    }

    @Override
    String input() {
        return question;
    }

    @Override
    Outcome run(StreamingChatModel model, AgentListener listener) {
        UrlSafetyPolicy.Builder policy = UrlSafetyPolicy.builder();
        allow.forEach(policy::allow);
        ResearchAssistant.Builder builder = ResearchAssistant.builder()
                .streamingChatModel(model)
                .searchEngine(engine())
                .pageReader(PageReader.builder().fetcher(SafeHttpFetcher.builder().policy(policy.build()).build())
                        .build());
        if (maxToolCalls != null) {
            builder.maxToolCalls(maxToolCalls);
        }
        ResearchResult result = builder.build().askStreaming(question, listener);
        List<String> details = new ArrayList<>();
        details.add("");
        details.add("Outcome: " + result.outcome());
        if (!result.sources().isEmpty()) {
            details.add("Pages read:");
            for (Source s : result.sources()) {
                details.add("  " + s.url() + (s.cited() ? " (cited)" : "") + (s.title().isBlank() ? "" : " - " + s.title()));
            }
        }
        if (!result.unreadCitations().isEmpty()) {
            details.add("Cited but never read (not sources): " + String.join(", ", result.unreadCitations()));
        }
        int exit = result.outcome() == ResearchResult.Outcome.STOPPED ? NOT_DONE : 0;
        return new Outcome(result.run(), result.toJsonTree(), details, exit);
    }

    private WebSearchEngine engine() {
        if (searxng != null) {
            return SearxngSearchEngine.builder().baseUrl(searxng).build();
        }
        DuckDuckGoSearchEngine.Builder ddg = DuckDuckGoSearchEngine.builder();
        if (searchEndpoint != null) {
            ddg.endpoint(searchEndpoint);
        }
        return ddg.build();
    }
}
