package dev.sale4j.tools.agent;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.web.search.WebSearchEngine;
import dev.langchain4j.web.search.WebSearchOrganicResult;
import dev.langchain4j.web.search.WebSearchRequest;
import dev.langchain4j.web.search.WebSearchResults;

import java.util.stream.Collectors;

/**
 * Web search as a {@code @Tool} for the research assistant, over any {@link WebSearchEngine}. Unlike LangChain4j's
 * {@code WebSearchTool} (whose parameter reaches the model as {@code arg0}, the jar being compiled without
 * parameter names) its parameter is called {@code query}; it asks for a bounded number of results, and a failed
 * search comes back as an {@code Error: ...} line the model can act on instead of ending the run.
 */
public final class WebSearchTools {

    private final WebSearchEngine engine;
    private final int maxResults;

    public WebSearchTools(WebSearchEngine engine, int maxResults) {
        if (engine == null) {
            throw new IllegalArgumentException("engine must not be null; e.g. DuckDuckGoSearchEngine.builder().build()");
        }
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, got " + maxResults);
        }
        this.engine = engine;
        this.maxResults = maxResults;
    }

    @Tool("Searches the web and returns the results: title, URL and snippet of each. Read a page to use it.")
    public String searchWeb(@P("the search query") String query) {
        if (query == null || query.isBlank()) {
            return "Error: the query is empty; pass the words to search for";
        }
        WebSearchResults results;
        try {
            results = engine.search(WebSearchRequest.builder().searchTerms(query.strip()).maxResults(maxResults)
                    .build());
        } catch (LangChain4jException | IllegalArgumentException e) {
            return "Error: search failed: " + e.getMessage();
        }
        if (results.results() == null || results.results().isEmpty()) {
            return "No results found for: " + query.strip();
        }
        return results.results().stream().limit(maxResults).map(WebSearchTools::format)
                .collect(Collectors.joining("\n\n"));
    }

    private static String format(WebSearchOrganicResult result) {
        String text = result.content() != null && !result.content().isBlank() ? result.content() : result.snippet();
        return "Title: " + result.title() + "\nURL: " + result.url() + (text == null || text.isBlank() ? ""
                : "\nSnippet: " + text.strip());
    }
}
