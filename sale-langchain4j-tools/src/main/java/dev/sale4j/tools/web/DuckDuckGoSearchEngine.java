package dev.sale4j.tools.web;

import dev.langchain4j.web.search.WebSearchEngine;
import dev.langchain4j.web.search.WebSearchInformationResult;
import dev.langchain4j.web.search.WebSearchOrganicResult;
import dev.langchain4j.web.search.WebSearchRequest;
import dev.langchain4j.web.search.WebSearchResults;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A {@link WebSearchEngine} over DuckDuckGo's key-less HTML endpoint. Paging: {@code startIndex} is the result
 * offset ({@code s}); otherwise {@code startPage} pages by {@code maxResults} (default 10). {@code safeSearch} maps to
 * {@code kp} (strict or off), {@code geoLocation}/{@code language} to the region {@code kl} (e.g. {@code us-en}), and
 * {@code additionalParams} are passed through. DuckDuckGo reports no total, so {@code totalResults} is the number of
 * results returned; the next page's offset is in the information metadata as {@code nextOffset}.
 */
public final class DuckDuckGoSearchEngine implements WebSearchEngine {

    /** The public endpoint. */
    public static final String DEFAULT_ENDPOINT = "https://html.duckduckgo.com/html/";
    private static final int DEFAULT_PAGE_SIZE = 10;

    private final URI endpoint;
    private final SafeHttpFetcher fetcher;

    private DuckDuckGoSearchEngine(Builder builder) {
        this.endpoint = Endpoints.parse(builder.endpoint == null ? DEFAULT_ENDPOINT : builder.endpoint, "endpoint");
        SafeHttpFetcher base = builder.fetcher != null ? builder.fetcher : SafeHttpFetcher.builder().build();
        this.fetcher = base.allowing(endpoint);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public WebSearchResults search(WebSearchRequest request) {
        int pageSize = request.maxResults() != null && request.maxResults() > 0 ? request.maxResults() : DEFAULT_PAGE_SIZE;
        int offset = request.startIndex() != null ? request.startIndex() : (request.startPage() - 1) * pageSize;
        if (offset < 0) {
            throw new IllegalArgumentException("startIndex/startPage must not point before the first result, got offset "
                    + offset);
        }
        String region = request.geoLocation() == null ? null : request.language() == null
                ? request.geoLocation().toLowerCase() : request.geoLocation().toLowerCase() + "-"
                + request.language().toLowerCase();
        QueryString query = new QueryString().add("q", request.searchTerms()).add("s", offset > 0 ? offset : null)
                .add("kl", region).add("kp", Boolean.FALSE.equals(request.safeSearch()) ? "-2" : "1")
                .addAll(request.additionalParams());
        URI uri = URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + query);
        FetchedPage page = fetcher.fetch(uri);
        if (page.status() != 200) {
            throw new WebFetchException("DuckDuckGo answered HTTP " + page.status() + " for " + uri
                    + (page.status() == 202 || page.status() == 403 ? " (rate-limited or bot check; retry later)" : ""));
        }
        String html = page.text();
        List<WebSearchOrganicResult> results = DuckDuckGoResultParser.parse(html);
        if (request.maxResults() != null && results.size() > request.maxResults()) {
            results = results.subList(0, request.maxResults());
        }
        Map<String, Object> info = new HashMap<>();
        info.put("offset", offset);
        OptionalInt next = DuckDuckGoResultParser.nextOffset(html);
        next.ifPresent(n -> info.put("nextOffset", n));
        return new WebSearchResults(Map.of("engine", "duckduckgo", "url", uri.toString()),
                WebSearchInformationResult.from((long) results.size(), request.startPage(), info), results);
    }

    /** Builder for {@link DuckDuckGoSearchEngine}. */
    public static final class Builder {
        private String endpoint;
        private SafeHttpFetcher fetcher;

        private Builder() {
        }

        /** Defaults to {@link #DEFAULT_ENDPOINT}; its host is trusted (exempt from the private-address check). */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** Caps, cache and policy for the requests; defaults to {@code SafeHttpFetcher.builder().build()}. */
        public Builder fetcher(SafeHttpFetcher fetcher) {
            this.fetcher = fetcher;
            return this;
        }

        public DuckDuckGoSearchEngine build() {
            return new DuckDuckGoSearchEngine(this);
        }
    }
}
