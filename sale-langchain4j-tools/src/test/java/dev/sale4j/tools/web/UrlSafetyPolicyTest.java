package dev.sale4j.tools.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlSafetyPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "10.0.0.1", "172.16.5.4", "192.168.1.1",
            "169.254.169.254", "100.100.100.200", "192.0.0.192", "0.0.0.0", "::", "fd00:ec2::254", "fe80::1",
            "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "224.0.0.1", "255.255.255.255"})
    void nonPublicAddressesAreForbidden(String ip) throws UnknownHostException {
        assertThat(UrlSafetyPolicy.whyForbidden(InetAddress.getByName(ip))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "172.32.0.1", "100.128.0.1"})
    void publicAddressesAreAllowed(String ip) throws UnknownHostException {
        assertThat(UrlSafetyPolicy.whyForbidden(InetAddress.getByName(ip))).isNull();
    }

    @Test
    void allowListExemptsOnlyTheNamedHostAndNeverOtherSchemes() {
        UrlSafetyPolicy policy = UrlSafetyPolicy.builder().allowHost("127.0.0.1").build();

        assertThat(policy.check(URI.create("http://127.0.0.1:8080/x"))).isNotEmpty();
        assertThatThrownBy(() -> policy.check(URI.create("http://[::1]/"))).isInstanceOf(UnsafeUrlException.class)
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> policy.check(URI.create("file://127.0.0.1/etc/passwd")))
                .isInstanceOf(UnsafeUrlException.class).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> UrlSafetyPolicy.builder().allowHost(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decimalAndShortIpv4FormsAreResolvedBeforeChecking() {
        assertThatThrownBy(() -> UrlSafetyPolicy.strict().check(URI.create("http://2130706433/")))
                .isInstanceOf(UnsafeUrlException.class);
    }
}
