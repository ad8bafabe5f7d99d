package dev.sale4j.tools.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.web.search.WebSearchOrganicResult;
import dev.langchain4j.web.search.WebSearchRequest;
import dev.langchain4j.web.search.WebSearchResults;
import dev.langchain4j.web.search.WebSearchTool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuckDuckGoSearchEngineTest {

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
    void savedRealPageParsesToItsResultsWithDirectLinks() {
        List<WebSearchOrganicResult> results = DuckDuckGoResultParser.parse(Fixtures.savedDuckDuckGoPage());

        assertThat(results).hasSize(28);
        assertThat(results).extracting(r -> r.url().toString()).startsWith(
                "https://www.merriam-webster.com/dictionary/hello", "https://www.hellomagazine.com/",
                "https://www.youtube.com/watch?v=YQHsXMglC9A");
        assertThat(results.get(0).title()).isEqualTo("Hello | Definition of Hello by Merriam-Webster");
        assertThat(results.get(0).snippet()).startsWith("Hello definition is - an expression or gesture of greeting");
        assertThat(results.get(0).metadata()).containsEntry("displayUrl", "www.merriam-webster.com/dictionary/hello");
        assertThat(results).allSatisfy(r -> assertThat(r.url().getScheme()).isIn("http", "https"));
        assertThat(DuckDuckGoResultParser.nextOffset(Fixtures.savedDuckDuckGoPage())).hasValue(28);
    }

    @Test
    void currentMarkupUnwrapsUddgRedirectsAndSkipsAds() {
        List<WebSearchOrganicResult> results = DuckDuckGoResultParser.parse(Fixtures.resource("ddg-current-markup.html"));

        assertThat(results).extracting(WebSearchOrganicResult::url).containsExactly(
                URI.create("https://docs.langchain4j.dev/tutorials/tools/"),
                URI.create("https://github.com/langchain4j/langchain4j?tab=readme-ov-file&x=1"));
        assertThat(results.get(0).snippet()).isEqualTo(
                "Some LLMs can call tools: the model asks for a tool call and your code runs it.");
        assertThat(DuckDuckGoResultParser.nextOffset(Fixtures.resource("ddg-current-markup.html"))).hasValue(10);
    }

    @Test
    void searchSendsQueryPagingAndSafeSearchAndReturnsParsedResults() {
        server.stubFor(get(urlPathEqualTo("/html/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(Fixtures.savedDuckDuckGoPage())));
        DuckDuckGoSearchEngine engine = DuckDuckGoSearchEngine.builder().endpoint(server.baseUrl() + "/html/").build();

        WebSearchResults results = engine.search(WebSearchRequest.builder().searchTerms("Hello").maxResults(5)
                .startPage(3).safeSearch(false).build());

        assertThat(results.results()).hasSize(5);
        assertThat(results.searchInformation().totalResults()).isEqualTo(5);
        assertThat(results.searchInformation().pageNumber()).isEqualTo(3);
        assertThat(results.searchInformation().metadata()).containsEntry("offset", 10).containsEntry("nextOffset", 28);
        server.verify(getRequestedFor(urlPathEqualTo("/html/")).withQueryParam("q", equalTo("Hello"))
                .withQueryParam("s", equalTo("10")).withQueryParam("kp", equalTo("-2")));
    }

    @Test
    void plugsIntoLangChain4jsWebSearchTool() {
        server.stubFor(get(urlPathEqualTo("/html/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(Fixtures.resource("ddg-current-markup.html"))));
        WebSearchTool tool = WebSearchTool.from(DuckDuckGoSearchEngine.builder().endpoint(server.baseUrl() + "/html/")
                .build());

        String answer = tool.searchWeb("langchain4j tools");

        assertThat(answer).contains("Tools (Function Calling) | LangChain4j")
                .contains("https://docs.langchain4j.dev/tutorials/tools/");
    }

    @Test
    void rateLimitAnswerIsReportedClearly() {
        server.stubFor(get(urlPathEqualTo("/html/")).willReturn(aResponse().withStatus(202).withBody("")));
        DuckDuckGoSearchEngine engine = DuckDuckGoSearchEngine.builder().endpoint(server.baseUrl() + "/html/").build();

        assertThatThrownBy(() -> engine.search("Hello")).isInstanceOf(WebFetchException.class)
                .hasMessageContaining("HTTP 202").hasMessageContaining("rate-limited");
    }
}
