package dev.sale4j.tools.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.web.search.WebSearchEngine;
import dev.langchain4j.web.search.WebSearchInformationResult;
import dev.langchain4j.web.search.WebSearchOrganicResult;
import dev.langchain4j.web.search.WebSearchRequest;
import dev.langchain4j.web.search.WebSearchResults;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link WebSearchEngine} over a SearXNG instance's JSON API ({@code /search?format=json}; the instance must list
 * {@code json} under {@code search.formats}). The instance's host is trusted even on a private network, since the
 * operator configured it. Paging is by {@code startPage} ({@code pageno}); SearXNG has no result offset, so
 * {@code startIndex} is rejected. {@code language}, {@code safeSearch} (1 moderate / 0 off) and
 * {@code additionalParams} (e.g. {@code categories}, {@code engines}, {@code time_range}) are passed through.
 */
public final class SearxngSearchEngine implements WebSearchEngine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final SafeHttpFetcher fetcher;

    private SearxngSearchEngine(Builder builder) {
        if (builder.baseUrl == null) {
            throw new IllegalArgumentException("baseUrl is required: the SearXNG instance, e.g. http://searxng:8080");
        }
        this.baseUrl = Endpoints.parse(builder.baseUrl.replaceAll("/+$", ""), "baseUrl");
        SafeHttpFetcher base = builder.fetcher != null ? builder.fetcher : SafeHttpFetcher.builder().build();
        this.fetcher = base.allowing(baseUrl);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public WebSearchResults search(WebSearchRequest request) {
        if (request.startIndex() != null) {
            throw new IllegalArgumentException("SearXNG pages by page number only; use startPage instead of startIndex");
        }
        QueryString query = new QueryString().add("q", request.searchTerms()).add("format", "json")
                .add("pageno", request.startPage()).add("language", request.language())
                .add("safesearch", Boolean.FALSE.equals(request.safeSearch()) ? 0 : 1)
                .addAll(request.additionalParams());
        URI uri = URI.create(baseUrl + "/search?" + query);
        FetchedPage page = fetcher.fetch(uri);
        if (page.status() != 200) {
            throw new WebFetchException("SearXNG answered HTTP " + page.status() + " for " + uri
                    + (page.status() == 403 ? " (is 'json' enabled under search.formats in settings.yml?)" : ""));
        }
        JsonNode root;
        try {
            root = JSON.readTree(page.body());
        } catch (IOException e) {
            throw new WebFetchException("SearXNG returned no valid JSON for " + uri + (page.truncated()
                    ? " (response cut at the byte cap; raise SafeHttpFetcher maxBytes)" : ""), e);
        }
        List<WebSearchOrganicResult> results = new ArrayList<>();
        for (JsonNode r : root.path("results")) {
            String title = r.path("title").asText("").strip();
            String url = r.path("url").asText("");
            URI target = DuckDuckGoResultParser.targetOf(url);
            if (title.isEmpty() || target == null) {
                continue;
            }
            Map<String, String> metadata = new HashMap<>();
            putText(metadata, "engine", r.path("engine"));
            putText(metadata, "score", r.path("score"));
            putText(metadata, "publishedDate", r.path("publishedDate"));
            putText(metadata, "category", r.path("category"));
            String content = r.path("content").asText("").strip();
            results.add(WebSearchOrganicResult.from(title, target, content.isEmpty() ? null : content, null, metadata));
        }
        if (request.maxResults() != null && results.size() > request.maxResults()) {
            results = results.subList(0, request.maxResults());
        }
        long reported = root.path("number_of_results").asLong(0);
        Map<String, Object> searchMetadata = new HashMap<>();
        searchMetadata.put("engine", "searxng");
        List<String> answers = new ArrayList<>();
        root.path("answers").forEach(a -> answers.add(a.isObject() ? a.path("answer").asText() : a.asText()));
        searchMetadata.put("answers", answers);
        return new WebSearchResults(searchMetadata,
                WebSearchInformationResult.from(Math.max(reported, results.size()), request.startPage(), Map.of()),
                results);
    }

    private static void putText(Map<String, String> metadata, String key, JsonNode value) {
        if (!value.isMissingNode() && !value.isNull() && !value.asText().isEmpty()) {
            metadata.put(key, value.asText());
        }
    }

    /** Builder for {@link SearxngSearchEngine}. */
    public static final class Builder {
        private String baseUrl;
        private SafeHttpFetcher fetcher;

        private Builder() {
        }

        /** The instance's root URL, e.g. {@code http://searxng:8080}; required. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder fetcher(SafeHttpFetcher fetcher) {
            this.fetcher = fetcher;
            return this;
        }

        public SearxngSearchEngine build() {
            return new SearxngSearchEngine(this);
        }
    }
}
