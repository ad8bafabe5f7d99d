package dev.sale4j.examples.spring;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.web.search.WebSearchTool;
import dev.sale4j.tools.web.DuckDuckGoSearchEngine;
import dev.sale4j.tools.web.PageReader;
import dev.sale4j.tools.web.PageReaderTool;
import dev.sale4j.tools.web.SafeHttpFetcher;
import dev.sale4j.tools.web.UrlSafetyPolicy;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The assistant's tools: sale4j's web search and page reader behind one URL safety policy. A component (not a
 * {@code @Bean} method) because LangChain4j's Spring starter finds {@code @Tool} methods by bean class.
 */
@Component
class ResearchToolbox {

    private final WebSearchTool search;
    private final PageReaderTool reader;

    ResearchToolbox(@Value("${research.allow-hosts:}") List<String> allowHosts, // host:port entries
            @Value("${research.search-endpoint:" + DuckDuckGoSearchEngine.DEFAULT_ENDPOINT + "}") String endpoint) {
        UrlSafetyPolicy.Builder policy = UrlSafetyPolicy.builder();
        allowHosts.stream().filter(h -> !h.isBlank()).forEach(policy::allow);
        SafeHttpFetcher fetcher = SafeHttpFetcher.builder().policy(policy.build()).build();
        this.search = WebSearchTool.from(DuckDuckGoSearchEngine.builder().endpoint(endpoint).fetcher(fetcher).build());
        this.reader = new PageReaderTool(PageReader.builder().fetcher(fetcher).build());
    }

    @Tool("Searches the web and returns the top results: title, URL and snippet of each.")
    String searchWeb(@P("the search query") String query) {
        return search.searchWeb(query);
    }

    @Tool("Reads a web page and returns its title and main text, one window at a time. If the answer says there is "
            + "more, call again with the given offset.")
    String readPage(@P("the http(s) URL of the page") String url,
            @P(value = "character offset to start from; 0 for the beginning", required = false) Integer offset) {
        return reader.readPage(url, offset, false);
    }
}
