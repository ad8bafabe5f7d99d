package dev.sale4j.tools.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlSafetyPolicyTest {

    /** Every non-canonical way to write an IPv4 address that some parser reads as an address. */
    static final List<String> NON_CANONICAL_HOSTS = List.of(
            "0177.0.0.1", "0177.0.0.01", "0177.00.00.01", "127.0.0.01", "127.00.0.1", "127.0.00.1", "0127.0.0.1",
            "00000177.0.0.1", "0x7f.0.0.1", "0X7F.0.0.1", "0x7f.0x0.0x0.0x1", "0x7f.1", "0x7f.0.1", "0x7f000001",
            "0x7F000001", "0x00007f000001", "127.1", "127.0.1", "127.000001", "2130706433", "017700000001",
            "0177.1", "0177.0.1", "127.0x0.0.1", "127.0.0.0x1", "0x7f.0.0.01", "127.0.0.1.", "127.1.", "0x7f.1.",
            "2130706433.", "10.1", "012.0.0.1", "0xa.0.0.1", "167772161", "0xa9.0xfe.0xa9.0xfe", "0251.0376.0251.0376",
            "169.254.43518", "2852039166", "0.0.0.0.", "0", "0x0", "00", "1.2.3.4.", "93.184.215.014");

    /** Forms that end in a number but no parser reads as an address: refused the same way. */
    static final List<String> INVALID_NUMERIC_HOSTS = List.of("256.0.0.1", "1.2.3.4.5", "1.2.3.256", "08.0.0.1",
            "4294967296", "1..2.3", "example.123", "0x100000000", "0x1g.1");

    /** A resolver that records every lookup: literals must never reach it. */
    private static final class RecordingResolver implements HostResolver {
        final List<String> asked = new ArrayList<>();
        final List<InetAddress> answer;

        RecordingResolver(String... answer) {
            this.answer = new ArrayList<>();
            for (String a : answer) {
                try {
                    this.answer.add(InetAddress.getByName(a));
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException(e);
                }
            }
        }

        @Override
        public List<InetAddress> resolve(String host) {
            asked.add(host);
            return answer;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "10.0.0.1", "172.16.5.4", "192.168.1.1",
            "169.254.169.254", "100.100.100.200", "192.0.0.192", "0.0.0.0", "::", "fd00:ec2::254", "fe80::1",
            "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "224.0.0.1", "255.255.255.255",
            "::ffff:0:127.0.0.1", "::ffff:0:10.0.0.1", "::ffff:0:a9fe:a9fe", "::127.0.0.1", "64:ff9b:1::808:808",
            "2002:a9fe:a9fe::1", "fec0::1"})
    void nonPublicAddressesAreForbidden(String ip) throws UnknownHostException {
        assertThat(UrlSafetyPolicy.whyForbidden(InetAddress.getByName(ip))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "172.32.0.1", "100.128.0.1",
            "::ffff:0:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    void publicAddressesAreAllowed(String ip) throws UnknownHostException {
        assertThat(UrlSafetyPolicy.whyForbidden(InetAddress.getByName(ip))).isNull();
    }

    @Test
    void nonCanonicalIpv4LiteralsAreRefusedBeforeAnyLookupEvenWhenTheirReadingIsAllowListed() {
        RecordingResolver resolver = new RecordingResolver("127.0.0.1");
        UrlSafetyPolicy policy = UrlSafetyPolicy.builder().resolver(resolver).allowHost("127.0.0.1", 80)
                .allowHost("177.0.0.1", 80).allowHost("10.0.0.1", 80).allowHost("169.254.169.254", 80).build();

        for (String host : NON_CANONICAL_HOSTS) {
            assertThatThrownBy(() -> policy.check(URI.create("http://" + host + "/")))
                    .as(host).isInstanceOf(UnsafeUrlException.class)
                    .hasMessageStartingWith("refused http://" + host + "/: '" + host + "' is a non-canonical IPv4 literal")
                    .hasMessageContaining("write an IPv4 address as four decimal numbers 0-255 without leading zeros");
        }
        for (String host : INVALID_NUMERIC_HOSTS) {
            assertThatThrownBy(() -> policy.check(URI.create("http://" + host + "/")))
                    .as(host).isInstanceOf(UnsafeUrlException.class)
                    .hasMessageContaining("'" + host + "' is not a valid IPv4 address");
        }
        assertThat(resolver.asked).isEmpty();
        assertThat(policy.check(URI.create("http://127.0.0.1/"))).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.1");
    }

    @ParameterizedTest
    @CsvSource({"0177.0.0.1, 127.0.0.1", "0x7f.1, 127.0.0.1", "127.1, 127.0.0.1", "2130706433, 127.0.0.1",
            "0xa9fea9fe, 169.254.169.254", "127.0.0.1., 127.0.0.1", "012.1.2.3, 10.1.2.3", "0x7f.0.1, 127.0.0.1"})
    void refusalNamesWhatOtherParsersWouldRead(String host, String reading) {
        assertThatThrownBy(() -> UrlSafetyPolicy.strict().check(URI.create("http://" + host + ":8080/x")))
                .isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining("read it as " + reading + ",");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::ffff:0177.0.0.1]/", "http://[::ffff:127.0.0.01]/", "http://[::0177.0.0.1]/",
            "http://[fe80::1%25eth0]/", "http://[::ffff:0:0177.0.0.1]/"})
    void ipv6LiteralsWithAZoneOrANonCanonicalIpv4PartAreRefused(String url) {
        RecordingResolver resolver = new RecordingResolver("127.0.0.1");
        UrlSafetyPolicy policy = UrlSafetyPolicy.builder().resolver(resolver).build();

        assertThatThrownBy(() -> policy.check(URI.create(url))).isInstanceOf(UnsafeUrlException.class)
                .hasMessageMatching("refused .*(zone id|IPv4 part '.*' of .* four decimal numbers).*");
        assertThat(resolver.asked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::ffff:0:127.0.0.1]/", "http://[::ffff:0:7f00:1]/", "http://[::ffff:127.0.0.1]/",
            "http://[0:0:0:0:0:ffff:7f00:1]/", "http://[::127.0.0.1]/", "http://[64:ff9b::127.0.0.1]/"})
    void loopbackEmbeddedInIpv6IsRefused(String url) {
        assertThatThrownBy(() -> UrlSafetyPolicy.strict().check(URI.create(url))).isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void allowListIsPerHostAndPort() {
        UrlSafetyPolicy policy = UrlSafetyPolicy.builder().allowHost("127.0.0.1", 8080).allow("[::1]:9000")
                .allow("http://searxng.local").allow("https://127.0.0.2").build();

        assertThat(policy.allowList()).containsExactlyInAnyOrder("127.0.0.1:8080", "[0:0:0:0:0:0:0:1]:9000",
                "searxng.local:80", "127.0.0.2:443");
        assertThat(policy.check(URI.create("http://127.0.0.1:8080/x"))).isNotEmpty();
        assertThat(policy.check(URI.create("http://[::1]:9000/x"))).isNotEmpty();
        assertThat(policy.check(URI.create("https://127.0.0.2/x"))).isNotEmpty();
        assertThatThrownBy(() -> policy.check(URI.create("http://127.0.0.1:9090/x")))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("allow-list 127.0.0.1:9090 to permit it");
        assertThatThrownBy(() -> policy.check(URI.create("http://127.0.0.1/x")))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("127.0.0.1:80");
        assertThatThrownBy(() -> policy.check(URI.create("http://127.0.0.2/x")))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> policy.check(URI.create("http://[::1]:9001/")))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("loopback");
    }

    @Test
    void allowListNeverLiftsTheSchemeOrLiteralChecks() {
        UrlSafetyPolicy policy = UrlSafetyPolicy.builder().allowHost("127.0.0.1").build();

        assertThat(policy.check(URI.create("http://127.0.0.1/x"))).isNotEmpty();
        assertThat(policy.check(URI.create("https://127.0.0.1/x"))).isNotEmpty();
        assertThatThrownBy(() -> policy.check(URI.create("http://127.0.0.1:8080/x")))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> policy.check(URI.create("file://127.0.0.1/etc/passwd")))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> policy.check(URI.create("http://0177.0.0.1/")))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("non-canonical");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "127.0.0.1", "localhost", "0177.0.0.1:80", "127.1:80", "127.0.0.1:0", "127.0.0.1:70000",
            "::1:80", "ftp://example.org", "http://0x7f.1:8080", "exa_mple.com:80"})
    void badAllowListEntriesAreRejectedWithTheFormToWrite(String entry) {
        assertThatThrownBy(() -> UrlSafetyPolicy.builder().allow(entry)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(?s).*(host:port|1-65535|1 to 65535|four decimal numbers|http\\(s\\)|valid host name).*");
    }

    @Test
    void allowHostRejectsBadPortsAndNonCanonicalLiterals() {
        assertThatThrownBy(() -> UrlSafetyPolicy.builder().allowHost("127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> UrlSafetyPolicy.builder().allowHost("0x7f.1", 80))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-canonical");
        assertThatThrownBy(() -> UrlSafetyPolicy.builder().allowHost(" ", 80))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost./", "http://LOCALHOST/", "http://api.localhost./",
            "http://metadata.google.internal./", "http://metadata/", "http://instance-data./"})
    void localAndMetadataNamesAreRefusedWithOrWithoutATrailingDot(String url) {
        RecordingResolver resolver = new RecordingResolver("93.184.215.14");
        UrlSafetyPolicy policy = UrlSafetyPolicy.builder().resolver(resolver).build();

        assertThatThrownBy(() -> policy.check(URI.create(url))).isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining("local or cloud-metadata host name");
        assertThat(resolver.asked).isEmpty();
    }

    @Test
    void everyResolvedAddressIsCheckedAndTheResolverIsAskedOnce() {
        RecordingResolver mixed = new RecordingResolver("93.184.215.14", "10.0.0.7");
        RecordingResolver good = new RecordingResolver("93.184.215.14", "2606:4700:4700::1111");

        assertThatThrownBy(() -> UrlSafetyPolicy.builder().resolver(mixed).build()
                .check(URI.create("https://Example.org./page"))).isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining("example.org resolves to 10.0.0.7, a private address");
        assertThat(UrlSafetyPolicy.builder().resolver(good).build().check(URI.create("https://example.org/page")))
                .extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14", "2606:4700:4700:0:0:0:0:1111");
        assertThat(mixed.asked).containsExactly("example.org");
        assertThat(good.asked).containsExactly("example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://exa_mple.com/", "http://%31%32%37.0.0.1/", "http://example.org:99999/",
            "http:///path", "http://user@/", "http://127.0.0.1../"})
    void malformedHostsAndPortsAreRefusedWithAReason(String url) {
        assertThatThrownBy(() -> UrlSafetyPolicy.strict().check(URI.create(url))).isInstanceOf(UnsafeUrlException.class)
                .hasMessageMatching("refused .*: .*(valid host name|percent-encoded|1 to 65535|no host).*");
    }
}
