package dev.sale4j.tools.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageReaderTest {

    private WireMockServer server;
    private String base;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        base = "http://localhost:" + server.port();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** WireMock listens on loopback: tests reach it only through the explicit allow-list escape hatch. */
    private SafeHttpFetcher.Builder allowingWireMock() {
        return SafeHttpFetcher.builder().policy(UrlSafetyPolicy.builder().allowHost("localhost", server.port()).build());
    }

    private void serve(String path, String contentType, String body) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    @Test
    void extractsTheMainTextWithoutBoilerplate() {
        serve("/article", "text/html; charset=utf-8", Fixtures.resource("article.html"));
        PageReader reader = PageReader.builder().fetcher(allowingWireMock().build()).build();

        PageContent page = reader.read(base + "/article", 0, true);

        assertThat(page.title()).isEqualTo("How auctions route tasks");
        assertThat(page.text()).startsWith("# How auctions route tasks\nEach agent submits a short strategy as its bid.")
                .contains("## Memory\n- Bids are remembered.\n- Strategies are refined.")
                .contains("See the paper and the router docs.")
                .doesNotContain("SHOULD-NOT-APPEAR").doesNotContain("color: red");
        assertThat(page.links()).containsEntry("paper", "https://example.org/paper")
                .containsEntry("router docs", base + "/docs/router").doesNotContainKey("Home");
        assertThat(page.nextOffset()).isEqualTo(-1);
    }

    @Test
    void pagesThroughLongTextByOffset() {
        serve("/long", "text/html", "<html><head><title>Long</title></head><body><main>"
                + "<p>" + "word ".repeat(100) + "</p><p>END-MARKER</p></main></body></html>");
        PageReader reader = PageReader.builder().fetcher(allowingWireMock().build()).windowChars(200).build();

        PageContent first = reader.read(base + "/long", 0, false);
        PageContent second = reader.read(base + "/long", first.nextOffset(), false);
        PageContent last = reader.read(base + "/long", 400, false);

        assertThat(first.text()).hasSize(200).doesNotContain("END-MARKER");
        assertThat(first.nextOffset()).isEqualTo(200);
        assertThat(first.links()).isEmpty();
        assertThat(second.offset()).isEqualTo(200);
        assertThat(last.text()).endsWith("END-MARKER");
        assertThat(last.nextOffset()).isEqualTo(-1);
        assertThat(first.toText()).contains("read again with offset 200");
    }

    @Test
    void unreadableContentTypeGetsAClearMessage() {
        server.stubFor(get(urlEqualTo("/paper.pdf")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody(new byte[] {'%', 'P', 'D', 'F'})));
        PageReader reader = PageReader.builder().fetcher(allowingWireMock().build()).build();

        assertThatThrownBy(() -> reader.read(base + "/paper.pdf", 0, false)).isInstanceOf(WebFetchException.class)
                .hasMessageContaining("content type 'application/pdf' is not text");
        assertThat(new PageReaderTool(reader).readPage(base + "/paper.pdf", null, null))
                .startsWith("Error: cannot read").contains("application/pdf");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://[::1]/", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
            "http://localhost/", "http://metadata.google.internal/", "http://[::ffff:127.0.0.1]/", "file:///etc/passwd",
            "gopher://example.org/", "ftp://example.org/", "http://0177.0.0.1/", "http://0x7f.1/", "http://2130706433/",
            "http://127.0.0.1./", "http://[::ffff:0:127.0.0.1]/", "http://localhost./"})
    void defaultPolicyRefusesLocalPrivateMetadataAndOtherSchemes(String url) {
        PageReader reader = PageReader.builder().build();

        assertThatThrownBy(() -> reader.read(url, 0, false)).isInstanceOf(UnsafeUrlException.class)
                .hasMessageStartingWith("refused");
        assertThat(new PageReaderTool(reader).readPage(url, 0, false)).startsWith("Error: refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:%d/secret", "http://[::1]:%d/secret", "http://10.0.0.1/",
            "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd", "gopher://example.org/"})
    void redirectIntoAForbiddenTargetIsRefusedBeforeConnecting(String target) {
        String location = target.contains("%d") ? target.formatted(server.port()) : target;
        server.stubFor(get(urlEqualTo("/hop")).willReturn(aResponse().withStatus(302).withHeader("Location", location)));
        serve("/secret", "text/plain", "SECRET");
        PageReader reader = PageReader.builder().fetcher(allowingWireMock().build()).build();

        assertThatThrownBy(() -> reader.read(base + "/hop", 0, false)).isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining("refused");
        server.verify(0, getRequestedFor(urlEqualTo("/secret")));
    }

    @Test
    void redirectsAreFollowedUpToTheHopLimit() {
        server.stubFor(get(urlEqualTo("/a")).willReturn(aResponse().withStatus(301).withHeader("Location", "/b")));
        server.stubFor(get(urlEqualTo("/b")).willReturn(aResponse().withStatus(302).withHeader("Location", "/a")));
        serve("/final", "text/plain", "arrived");
        server.stubFor(get(urlEqualTo("/start")).willReturn(aResponse().withStatus(307).withHeader("Location", "/final")));
        SafeHttpFetcher fetcher = allowingWireMock().maxRedirects(3).build();

        FetchedPage page = fetcher.fetch(URI.create(base + "/start"));

        assertThat(page.text()).isEqualTo("arrived");
        assertThat(page.finalUri()).isEqualTo(URI.create(base + "/final"));
        assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/a"))).isInstanceOf(WebFetchException.class)
                .hasMessageContaining("too many redirects");
    }

    @Test
    void oversizedPageIsCutAtTheByteCap() {
        serve("/huge", "text/plain", "x".repeat(3 * 1024 * 1024));
        SafeHttpFetcher fetcher = allowingWireMock().maxBytes(10_000).build();

        FetchedPage page = fetcher.fetch(URI.create(base + "/huge"));

        assertThat(page.body()).hasSize(10_000);
        assertThat(page.truncated()).isTrue();
        assertThat(PageReader.builder().fetcher(fetcher).build().read(base + "/huge", 0, false).toText())
                .contains("[page cut at the download size limit]");
    }

    @Test
    void slowHeadersAndSlowBodiesHitTheTotalDeadline() {
        server.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(5000)
                .withBody("late")));
        server.stubFor(get(urlEqualTo("/drip")).willReturn(aResponse().withStatus(200)
                .withBody("y".repeat(2000)).withChunkedDribbleDelay(20, 5000)));
        SafeHttpFetcher fetcher = allowingWireMock().timeout(Duration.ofMillis(700)).build();

        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/slow"))).isInstanceOf(TimeoutException.class)
                .hasMessageContaining("700 ms deadline");
        assertThatThrownBy(() -> fetcher.fetch(URI.create(base + "/drip"))).isInstanceOf(TimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void diskCacheReplaysResponsesWithoutTheNetwork(@TempDir Path dir) {
        serve("/cached", "text/html", "<html><head><title>Cached</title></head><body><p>first version</p></body></html>");
        SafeHttpFetcher fetcher = allowingWireMock().cache(HttpCache.in(dir)).build();

        FetchedPage first = fetcher.fetch(URI.create(base + "/cached"));
        serve("/cached", "text/html", "<html><body><p>second version</p></body></html>");
        FetchedPage again = fetcher.fetch(URI.create(base + "/cached"));
        FetchedPage freshCache = allowingWireMock().cache(HttpCache.in(dir)).build().fetch(URI.create(base + "/cached"));

        assertThat(first.fromCache()).isFalse();
        assertThat(again.fromCache()).isTrue();
        assertThat(again.text()).contains("first version");
        assertThat(freshCache.text()).isEqualTo(first.text());
        assertThat(freshCache.contentType()).isEqualTo("text/html");
        server.verify(1, getRequestedFor(urlEqualTo("/cached")));
    }

    @Test
    void aConnectionThatBreaksIsRetriableAndARefusedPageIsNot() {
        server.stubFor(get(urlEqualTo("/reset")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        serve("/paper.pdf", "application/pdf", "%PDF-1.4");
        PageReader reader = PageReader.builder().fetcher(allowingWireMock().build()).build();

        assertThatThrownBy(() -> reader.read(base + "/reset", 0, false))
                .isInstanceOf(RetriableWebFetchException.class).isInstanceOf(RetriableException.class)
                .hasCauseInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> reader.read(base + "/paper.pdf", 0, false))
                .isInstanceOf(WebFetchException.class).isInstanceOf(NonRetriableException.class);
    }
}
