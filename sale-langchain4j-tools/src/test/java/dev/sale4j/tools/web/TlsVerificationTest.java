package dev.sale4j.tools.web;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connecting to the vetted address must not weaken TLS: the certificate is still verified against the URL's host
 * name. Two local HTTPS WireMocks with self-signed certificates (made with the JDK's keytool), both trusted by the
 * fetcher's SSLContext: one for {@code localhost} (the control: the set-up works) and one for {@code other.example}.
 */
class TlsVerificationTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static Path localhostKeys;
    private static Path otherKeys;
    private static SSLContext trustingBoth;

    private final List<WireMockServer> servers = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        localhostKeys = selfSigned("localhost", "dns:localhost");
        otherKeys = selfSigned("other.example", "dns:other.example");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        for (String name : List.of("localhost", "other.example")) {
            try (InputStream in = Files.newInputStream(dir.resolve(name + ".pem"))) {
                trust.setCertificateEntry(name, x509.generateCertificate(in));
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        trustingBoth = SSLContext.getInstance("TLS");
        trustingBoth.init(null, tmf.getTrustManagers(), null);
    }

    private static Path selfSigned(String name, String san) throws IOException, InterruptedException {
        Path keys = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=" + name, "-ext", "SAN=" + san, "-keystore", keys.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keys.toString(), "-storepass", PASSWORD,
                "-file", dir.resolve(name + ".pem").toString());
        return keys;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool " + String.join(" ", args) + ": " + output).isZero();
    }

    private WireMockServer httpsServer(Path keys) {
        WireMockServer server = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort()
                .bindAddress("127.0.0.1").keystorePath(keys.toString()).keystoreType("PKCS12")
                .keystorePassword(PASSWORD).keyManagerPassword(PASSWORD));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                .withBody("over TLS")));
        servers.add(server);
        return server;
    }

    @AfterEach
    void stop() {
        servers.forEach(WireMockServer::stop);
    }

    private static SafeHttpFetcher fetcher(SSLContext context, int port) {
        SafeHttpFetcher.Builder builder = SafeHttpFetcher.builder()
                .policy(UrlSafetyPolicy.builder().allowHost("localhost", port).allowHost("127.0.0.1", port).build());
        return (context == null ? builder : builder.sslContext(context)).build();
    }

    @Test
    void aTrustedCertificateForTheUrlsHostIsAccepted() {
        WireMockServer server = httpsServer(localhostKeys);

        FetchedPage page = fetcher(trustingBoth, server.httpsPort())
                .fetch(URI.create("https://localhost:" + server.httpsPort() + "/page"));

        assertThat(page.text()).isEqualTo("over TLS");
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefusedByHostNameVerification() {
        WireMockServer server = httpsServer(otherKeys);

        assertThatThrownBy(() -> fetcher(trustingBoth, server.httpsPort())
                .fetch(URI.create("https://localhost:" + server.httpsPort() + "/page")))
                .isInstanceOf(WebFetchException.class).hasMessageContaining("TLS with localhost failed")
                .hasMessageContaining("No subject alternative DNS name matching localhost");
        assertThatThrownBy(() -> fetcher(trustingBoth, server.httpsPort())
                .fetch(URI.create("https://127.0.0.1:" + server.httpsPort() + "/page")))
                .isInstanceOf(WebFetchException.class).hasMessageContaining("TLS with 127.0.0.1 failed")
                .hasMessageContaining("subject alternative");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void anUntrustedSelfSignedCertificateIsRefusedByDefault() {
        WireMockServer server = httpsServer(localhostKeys);

        assertThatThrownBy(() -> fetcher(null, server.httpsPort())
                .fetch(URI.create("https://localhost:" + server.httpsPort() + "/page")))
                .isInstanceOf(WebFetchException.class).hasMessageContaining("TLS with localhost failed")
                .hasMessageContaining("PKIX");
        assertThat(server.getAllServeEvents()).isEmpty();
    }
}
