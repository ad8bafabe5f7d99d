package dev.sale4j.tools.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.web.search.WebSearchOrganicResult;
import dev.langchain4j.web.search.WebSearchRequest;
import dev.langchain4j.web.search.WebSearchResults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearxngSearchEngineTest {

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void jsonResultsMapToTitleUrlSnippetAndMetadata() {
        server.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Fixtures.resource("searxng-response.json"))));
        SearxngSearchEngine engine = SearxngSearchEngine.builder().baseUrl(server.baseUrl() + "/").build();

        WebSearchResults results = engine.search(WebSearchRequest.builder().searchTerms("bubblewrap sandbox")
                .startPage(2).language("en").additionalParams(Map.of("categories", "general")).build());

        assertThat(results.results()).extracting(r -> r.url().toString()).containsExactly(
                "https://github.com/containers/bubblewrap", "https://wiki.archlinux.org/title/Bubblewrap",
                "https://manpages.debian.org/bookworm/bubblewrap/bwrap.1.en.html");
        WebSearchOrganicResult first = results.results().get(0);
        assertThat(first.title()).isEqualTo("containers/bubblewrap: Low-level unprivileged sandboxing tool");
        assertThat(first.snippet()).startsWith("Bubblewrap is a setuid implementation");
        assertThat(first.metadata()).containsEntry("engine", "duckduckgo").containsEntry("score", "4.0");
        assertThat(results.results().get(2).snippet()).isNull();
        assertThat(results.searchInformation().totalResults()).isEqualTo(3);
        assertThat(results.searchInformation().pageNumber()).isEqualTo(2);
        server.verify(getRequestedFor(urlPathEqualTo("/search")).withQueryParam("q", equalTo("bubblewrap sandbox"))
                .withQueryParam("format", equalTo("json")).withQueryParam("pageno", equalTo("2"))
                .withQueryParam("language", equalTo("en")).withQueryParam("safesearch", equalTo("1"))
                .withQueryParam("categories", equalTo("general")));
    }

    @Test
    void maxResultsCapsTheList() {
        server.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.resource("searxng-response.json"))));
        SearxngSearchEngine engine = SearxngSearchEngine.builder().baseUrl(server.baseUrl()).build();

        assertThat(engine.search(WebSearchRequest.from("bubblewrap", 1)).results()).hasSize(1);
    }

    @Test
    void jsonFormatDisabledIsExplained() {
        server.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(403)));
        SearxngSearchEngine engine = SearxngSearchEngine.builder().baseUrl(server.baseUrl()).build();

        assertThatThrownBy(() -> engine.search("x")).hasMessageContaining("search.formats");
        assertThatThrownBy(() -> engine.search(WebSearchRequest.builder().searchTerms("x").startIndex(5).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use startPage");
        assertThatThrownBy(() -> SearxngSearchEngine.builder().build()).hasMessageContaining("baseUrl is required");
    }

    @Test
    void onlyTheConfiguredPortOfTheInstanceHostIsAllowListed() {
        WireMockServer other = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        other.start();
        try {
            other.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(200)
                    .withBody(Fixtures.resource("searxng-response.json"))));
            server.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", "http://127.0.0.1:" + other.port() + "/search?format=json")));
            SearxngSearchEngine engine = SearxngSearchEngine.builder().baseUrl("http://127.0.0.1:" + server.port())
                    .build();

            assertThatThrownBy(() -> engine.search("x")).isInstanceOf(UnsafeUrlException.class)
                    .hasMessageContaining("allow-list 127.0.0.1:" + other.port());
            assertThat(other.getAllServeEvents()).isEmpty();
            server.verify(1, getRequestedFor(urlPathEqualTo("/search")));
        } finally {
            other.stop();
        }
    }
}
