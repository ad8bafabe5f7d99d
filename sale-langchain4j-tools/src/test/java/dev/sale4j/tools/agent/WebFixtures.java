package dev.sale4j.tools.agent;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.sale4j.tools.SharedData;
import dev.sale4j.tools.web.DuckDuckGoSearchEngine;
import dev.sale4j.tools.web.PageReader;
import dev.sale4j.tools.web.SafeHttpFetcher;
import dev.sale4j.tools.web.UrlSafetyPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The web the research tests search and read, served by WireMock on loopback from the saved real pages: DuckDuckGo's
 * HTML results for "Hello" (2021) with the first result's link pointed at this server, and that result's page body
 * served from another saved real page (Bing's results page for "Hello"). Pages elsewhere stay unread.
 */
final class WebFixtures {

    static final String FIRST_RESULT = "https://www.merriam-webster.com/dictionary/hello";
    static final String SECOND_RESULT = "https://www.hellomagazine.com/";
    static final String PAGE_PATH = "/www.merriam-webster.com/dictionary/hello";
    static final String MISSING_PATH = "/gone";

    private WebFixtures() {
    }

    static String saved(String name) {
        try {
            return Files.readString(SharedData.path("search-fixtures/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the search endpoint at {@code /html/}, the first result's page, and a 404 at {@link #MISSING_PATH}. */
    static void serve(WireMockServer web) {
        String results = saved("sep-duckduckgo-Hello-2021-05-10.html").replace(FIRST_RESULT, pageUrl(web));
        web.stubFor(get(urlPathEqualTo("/html/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=UTF-8").withBody(results)));
        web.stubFor(get(urlPathEqualTo(PAGE_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(saved("sep-bing-Hello-2021-05-10.html"))));
        web.stubFor(get(urlPathEqualTo(MISSING_PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Not here</body></html>")));
    }

    static String pageUrl(WireMockServer web) {
        return "http://127.0.0.1:" + web.port() + PAGE_PATH;
    }

    static String missingUrl(WireMockServer web) {
        return "http://127.0.0.1:" + web.port() + MISSING_PATH;
    }

    static DuckDuckGoSearchEngine searchEngine(WireMockServer web) {
        return DuckDuckGoSearchEngine.builder().endpoint("http://127.0.0.1:" + web.port() + "/html/").build();
    }

    /** A reader whose policy allow-lists only this server's loopback host and port. */
    static PageReader pageReader(WireMockServer web) {
        return PageReader.builder().fetcher(SafeHttpFetcher.builder()
                .policy(UrlSafetyPolicy.builder().allowHost("127.0.0.1", web.port()).build()).build()).build();
    }
}
