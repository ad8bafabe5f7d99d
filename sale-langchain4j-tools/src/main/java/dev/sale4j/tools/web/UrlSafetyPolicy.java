package dev.sale4j.tools.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which URLs a fetch may touch. By default only {@code http} and {@code https} URLs whose host resolves
 * exclusively to public addresses pass: loopback, private (RFC 1918, IPv6 ULA), link-local (including the
 * 169.254.169.254 cloud-metadata address), carrier-grade NAT, unspecified, multicast and reserved ranges are refused,
 * as are well-known metadata host names. Every resolved address is checked, so one public and one private record
 * does not slip through. The allow-list names hosts exempt from the address check (never from the scheme check):
 * the explicit way out for tests and for a self-hosted endpoint the operator configured.
 */
public final class UrlSafetyPolicy {

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog",
            "metadata", "instance-data", "instance-data.ec2.internal");

    private final Set<String> allowedHosts;

    private UrlSafetyPolicy(Builder builder) {
        this.allowedHosts = Set.copyOf(builder.allowedHosts);
    }

    /** @return the default policy: public http(s) hosts only, no allow-list */
    public static UrlSafetyPolicy strict() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> allowedHosts() {
        return allowedHosts;
    }

    /** @return a copy of this policy that also allows {@code host} */
    public UrlSafetyPolicy withAllowedHost(String host) {
        Builder builder = builder();
        allowedHosts.forEach(builder::allowHost);
        return builder.allowHost(host).build();
    }

    /**
     * Checks {@code uri} and resolves its host once.
     *
     * @return the resolved addresses, all of them checked
     * @throws UnsafeUrlException if the URL is refused
     * @throws WebFetchException  if the host does not resolve
     */
    public List<InetAddress> check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnsafeUrlException("refused " + uri + ": scheme '" + scheme + "' is not allowed, only http and https");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new UnsafeUrlException("refused " + uri + ": no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean allowed = allowedHosts.contains(host);
        if (!allowed && (METADATA_HOSTS.contains(host) || host.endsWith(".internal") || host.equals("localhost")
                || host.endsWith(".localhost"))) {
            throw new UnsafeUrlException("refused " + uri + ": " + host + " is a local or cloud-metadata host name");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new WebFetchException("cannot resolve host " + host + " of " + uri, e);
        }
        if (allowed) {
            return List.of(addresses);
        }
        for (InetAddress address : addresses) {
            String why = whyForbidden(address);
            if (why != null) {
                throw new UnsafeUrlException("refused " + uri + ": " + host + " resolves to " + address.getHostAddress()
                        + ", a " + why + " address (allow-list the host to permit it)");
            }
        }
        return List.of(addresses);
    }

    /** @return why {@code address} is not public, or null if it is */
    static String whyForbidden(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local (cloud metadata)";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return whyForbiddenV4(b);
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "private (unique local)";
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
                return "private (site-local)";
            }
            boolean zeroPrefix = Arrays.equals(Arrays.copyOf(b, 10), new byte[10]);
            boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                    && (b[3] & 0xff) == 0x9b;
            if (mapped || compatible || nat64) {
                String embedded = whyForbiddenEmbedded(Arrays.copyOfRange(b, 12, 16));
                return embedded == null ? null : embedded + " (embedded IPv4)";
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                String embedded = whyForbiddenEmbedded(Arrays.copyOfRange(b, 2, 6));
                return embedded == null ? null : embedded + " (6to4)";
            }
        }
        return null;
    }

    private static String whyForbiddenEmbedded(byte[] v4) {
        try {
            return whyForbidden(InetAddress.getByAddress(v4));
        } catch (UnknownHostException impossible) {
            return "malformed";
        }
    }

    private static String whyForbiddenV4(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0) {
            return "unspecified";
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return "carrier-grade NAT (cloud metadata)";
        }
        if (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) {
            return "IETF-reserved (cloud metadata)";
        }
        if (b0 == 198 && (b1 & 0xfe) == 18) {
            return "benchmarking";
        }
        if (b0 >= 240) {
            return "reserved";
        }
        return null;
    }

    /** Builder for {@link UrlSafetyPolicy}. */
    public static final class Builder {
        private final Set<String> allowedHosts = new HashSet<>();

        private Builder() {
        }

        /** Exempts {@code host} (a name or IP literal, as written in URLs) from the address checks. */
        public Builder allowHost(String host) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("allowed host must be a host name or IP literal, got '" + host + "'");
            }
            String h = host.toLowerCase(Locale.ROOT);
            allowedHosts.add(h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h);
            return this;
        }

        public UrlSafetyPolicy build() {
            return new UrlSafetyPolicy(this);
        }
    }
}
