package dev.sale4j.tools.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fetcher against WireMock on loopback: what is refused never reaches a socket, and connects go where checked. */
class SafeHttpFetcherTest {

    private final List<WireMockServer> servers = new ArrayList<>();

    private WireMockServer server(String bindAddress, int port, String body) {
        WireMockServer server = new WireMockServer(options().port(port).bindAddress(bindAddress));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                .withBody(body)));
        servers.add(server);
        return server;
    }

    @AfterEach
    void stop() {
        servers.forEach(WireMockServer::stop);
    }

    private WireMockServer a;

    @BeforeEach
    void start() {
        a = server("127.0.0.1", 0, "from A");
    }

    private SafeHttpFetcher allowingA() {
        return SafeHttpFetcher.builder().policy(UrlSafetyPolicy.builder().allowHost("127.0.0.1", a.port())
                .allowHost("localhost", a.port()).build()).build();
    }

    @Test
    void nonCanonicalIpv4LiteralsAreRefusedWithoutAnyConnection() {
        SafeHttpFetcher fetcher = allowingA();
        List<String> hosts = Stream.concat(UrlSafetyPolicyTest.NON_CANONICAL_HOSTS.stream(),
                Stream.of("[::ffff:0177.0.0.1]", "[::ffff:127.0.0.01]", "[::ffff:0:0177.0.0.1]")).toList();

        for (String host : hosts) {
            URI url = URI.create("http://" + host + ":" + a.port() + "/page");
            assertThatThrownBy(() -> fetcher.fetch(url)).as(host).isInstanceOf(UnsafeUrlException.class)
                    .hasMessageContaining("four decimal numbers");
        }

        assertThat(hosts).hasSizeGreaterThan(40);
        assertThat(a.getAllServeEvents()).isEmpty();
        assertThat(fetcher.fetch(URI.create("http://127.0.0.1:" + a.port() + "/page")).text()).isEqualTo("from A");
        assertThat(a.getAllServeEvents()).hasSize(1);
    }

    @Test
    void redirectToANonCanonicalLiteralIsRefusedBeforeConnecting() {
        for (String location : List.of("http://0177.0.0.1:%d/secret", "//0x7f.1:%d/secret", "http://127.1:%d/secret",
                "http://2130706433:%d/secret", "http://127.0.0.1.:%d/secret")) {
            a.stubFor(get(urlEqualTo("/hop")).willReturn(aResponse().withStatus(302)
                    .withHeader("Location", location.formatted(a.port()))));

            assertThatThrownBy(() -> allowingA().fetch(URI.create("http://127.0.0.1:" + a.port() + "/hop")))
                    .as(location).isInstanceOf(UnsafeUrlException.class).hasMessageContaining("IPv4");
        }
        assertThat(a.getAllServeEvents()).extracting(e -> e.getRequest().getUrl()).containsOnly("/hop").hasSize(5);
    }

    @Test
    void redirectToAnotherPortOfAnAllowListedHostIsRefused() {
        WireMockServer b = server("127.0.0.1", 0, "SECRET from B");
        a.stubFor(get(urlEqualTo("/hop")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + b.port() + "/secret")));

        assertThatThrownBy(() -> allowingA().fetch(URI.create("http://127.0.0.1:" + a.port() + "/hop")))
                .isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining("loopback").hasMessageContaining("allow-list 127.0.0.1:" + b.port());
        assertThat(b.getAllServeEvents()).isEmpty();
        assertThat(a.getAllServeEvents()).hasSize(1);
    }

    @Test
    void ipv4TranslatedLoopbackIsRefusedDirectlyAndAsARedirect() {
        a.stubFor(get(urlEqualTo("/hop")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://[::ffff:0:127.0.0.1]:" + a.port() + "/secret")));

        assertThatThrownBy(() -> allowingA().fetch(URI.create("http://[::ffff:0:127.0.0.1]:" + a.port() + "/")))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("loopback (embedded IPv4)");
        assertThatThrownBy(() -> allowingA().fetch(URI.create("http://127.0.0.1:" + a.port() + "/hop")))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("loopback (embedded IPv4)");
        assertThat(a.getAllServeEvents()).extracting(e -> e.getRequest().getUrl()).containsExactly("/hop");
    }

    /** Answers A's address the first time it is asked and B's ever after, like a rebinding DNS server. */
    private static final class RebindingResolver implements HostResolver {
        final List<String> asked = new ArrayList<>();

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            asked.add(host);
            return List.of(InetAddress.getByName(asked.size() == 1 ? "127.0.0.1" : "127.0.0.2"));
        }
    }

    @Test
    void theConnectionGoesToTheCheckedAddressNotToALaterDnsAnswer() {
        WireMockServer b = server("127.0.0.2", a.port(), "from B");
        RebindingResolver resolver = new RebindingResolver();
        SafeHttpFetcher fetcher = SafeHttpFetcher.builder().policy(UrlSafetyPolicy.builder().resolver(resolver)
                .allowHost("rebind.test", a.port()).build()).build();

        FetchedPage page = fetcher.fetch(URI.create("http://rebind.test:" + a.port() + "/page"));

        assertThat(page.text()).isEqualTo("from A");
        assertThat(resolver.asked).containsExactly("rebind.test");
        assertThat(a.getAllServeEvents()).hasSize(1);
        assertThat(a.getAllServeEvents().get(0).getRequest().getHeader("Host")).isEqualTo("rebind.test:" + a.port());
        assertThat(b.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRedirectHopIsCheckedWithItsOwnLookupAndConnectsWhereThatLookupPointed() {
        WireMockServer b = server("127.0.0.2", a.port(), "from B");
        a.stubFor(get(urlEqualTo("/hop")).willReturn(aResponse().withStatus(302).withHeader("Location", "/next")));
        RebindingResolver resolver = new RebindingResolver();
        SafeHttpFetcher fetcher = SafeHttpFetcher.builder().policy(UrlSafetyPolicy.builder().resolver(resolver)
                .allowHost("rebind.test", a.port()).build()).build();

        FetchedPage page = fetcher.fetch(URI.create("http://rebind.test:" + a.port() + "/hop"));

        assertThat(page.text()).isEqualTo("from B");
        assertThat(resolver.asked).containsExactly("rebind.test", "rebind.test");
        assertThat(a.getAllServeEvents()).extracting(e -> e.getRequest().getUrl()).containsExactly("/hop");
        assertThat(b.getAllServeEvents()).extracting(e -> e.getRequest().getUrl()).containsExactly("/next");
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedWithoutConnecting() {
        HostResolver loopback = host -> List.of(InetAddress.getByName("127.0.0.2"));
        WireMockServer b = server("127.0.0.2", a.port(), "from B");
        SafeHttpFetcher fetcher = SafeHttpFetcher.builder().policy(UrlSafetyPolicy.builder().resolver(loopback)
                .build()).build();

        assertThatThrownBy(() -> fetcher.fetch(URI.create("http://rebind.test:" + a.port() + "/")))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("resolves to 127.0.0.2, a loopback");
        assertThat(b.getAllServeEvents()).isEmpty();
        assertThat(a.getAllServeEvents()).isEmpty();
    }

    @Test
    void anAllowListedIpv6LoopbackEndpointIsReachedOnItsOwnPortOnly() {
        WireMockServer v6 = server("::1", 0, "from ::1");
        SafeHttpFetcher fetcher = SafeHttpFetcher.builder().policy(UrlSafetyPolicy.builder()
                .allow("[::1]:" + v6.port()).build()).build();

        assertThat(fetcher.fetch(URI.create("http://[::1]:" + v6.port() + "/page")).text()).isEqualTo("from ::1");
        assertThat(v6.getAllServeEvents().get(0).getRequest().getHeader("Host")).isEqualTo("[::1]:" + v6.port());
        assertThatThrownBy(() -> fetcher.fetch(URI.create("http://[::1]:" + a.port() + "/page")))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("loopback");
    }

    @Test
    void theByteCapDropsTheConnectionInsteadOfDrainingTheRestOfASlowBody() {
        a.stubFor(get(urlEqualTo("/long")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                .withBody("z".repeat(400_000)).withChunkedDribbleDelay(50, 8000)));
        SafeHttpFetcher fetcher = SafeHttpFetcher.builder().policy(UrlSafetyPolicy.builder()
                .allowHost("127.0.0.1", a.port()).build()).maxBytes(1000).timeout(Duration.ofSeconds(30)).build();

        long start = System.nanoTime();
        FetchedPage page = fetcher.fetch(URI.create("http://127.0.0.1:" + a.port() + "/long"));

        assertThat(page.truncated()).isTrue();
        assertThat(page.body()).hasSize(1000);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
