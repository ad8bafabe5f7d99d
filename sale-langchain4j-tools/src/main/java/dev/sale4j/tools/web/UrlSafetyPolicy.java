package dev.sale4j.tools.web;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which URLs a fetch may touch. By default only {@code http} and {@code https} URLs whose host resolves
 * exclusively to public addresses pass: loopback, private (RFC 1918, IPv6 ULA), link-local (including the
 * 169.254.169.254 cloud-metadata address), carrier-grade NAT, unspecified, multicast and reserved ranges are refused
 * (also embedded in IPv6, see {@link AddressRanges}), as are well-known metadata host names and IPv4 literals in any
 * but the canonical dotted-decimal form. Every resolved address is checked, so one public and one private record
 * does not slip through; {@link SafeHttpFetcher} connects to exactly the checked addresses. The allow-list names
 * {@code host:port} endpoints exempt from the address check (never from the scheme or literal checks): the explicit
 * way out for tests and for a self-hosted endpoint the operator configured.
 */
public final class UrlSafetyPolicy {

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog",
            "metadata", "instance-data", "instance-data.ec2.internal");

    private final Set<String> allowList;
    private final HostResolver resolver;

    private UrlSafetyPolicy(Builder builder) {
        this.allowList = Set.copyOf(builder.allowList);
        this.resolver = builder.resolver;
    }

    /** @return the default policy: public http(s) hosts only, no allow-list, the system resolver */
    public static UrlSafetyPolicy strict() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** @return the allow-listed endpoints as {@code host:port} ({@code [v6]:port} for IPv6) */
    public Set<String> allowList() {
        return allowList;
    }

    public HostResolver resolver() {
        return resolver;
    }

    /** @return a copy of this policy that also allows {@code host} on {@code port} */
    public UrlSafetyPolicy withAllowed(String host, int port) {
        return toBuilder().allowHost(host, port).build();
    }

    /** @return a copy of this policy that also allows the host and port of {@code endpoint} (port by scheme if absent) */
    public UrlSafetyPolicy withAllowed(URI endpoint) {
        return toBuilder().allow(endpoint.toString()).build();
    }

    /** @return a copy of this policy that also allows {@code host} on ports 80 and 443 */
    public UrlSafetyPolicy withAllowedHost(String host) {
        return toBuilder().allowHost(host).build();
    }

    private Builder toBuilder() {
        Builder builder = builder().resolver(resolver);
        builder.allowList.addAll(allowList);
        return builder;
    }

    /**
     * Checks {@code uri} and resolves its host once.
     *
     * @return the resolved addresses, all of them checked
     * @throws UnsafeUrlException if the URL is refused
     * @throws WebFetchException  if the host does not resolve
     */
    public List<InetAddress> check(URI uri) {
        return vet(uri).addresses();
    }

    /** A checked URL: where to connect (only to {@code addresses}) and which name TLS must verify. */
    record Target(String scheme, HostNames.Host host, int port, List<InetAddress> addresses) {
    }

    Target vet(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnsafeUrlException("refused " + uri + ": scheme '" + scheme + "' is not allowed, only http and https");
        }
        HostNames.Authority authority = HostNames.of(uri);
        HostNames.Host host = authority.host();
        int port = authority.port() > 0 ? authority.port() : defaultPort(scheme);
        String endpoint = host.forUrl() + ":" + port;
        boolean allowed = allowList.contains(endpoint);
        String name = host.name();
        if (!allowed && !host.isLiteral() && (METADATA_HOSTS.contains(name) || name.endsWith(".internal")
                || name.equals("localhost") || name.endsWith(".localhost"))) {
            throw new UnsafeUrlException("refused " + uri + ": " + name + " is a local or cloud-metadata host name");
        }
        List<InetAddress> addresses = host.isLiteral() ? List.of(host.literal()) : resolve(name, uri);
        if (!allowed) {
            for (InetAddress address : addresses) {
                String why = whyForbidden(address);
                if (why != null) {
                    throw new UnsafeUrlException("refused " + uri + ": " + name + (host.isLiteral() ? " is " : " resolves to "
                            + address.getHostAddress() + ", ") + "a " + why + " address (allow-list " + endpoint
                            + " to permit it)");
                }
            }
        }
        return new Target(scheme, host, port, addresses);
    }

    private List<InetAddress> resolve(String name, URI uri) {
        try {
            List<InetAddress> addresses = resolver.resolve(name);
            if (addresses == null || addresses.isEmpty()) {
                throw new UnknownHostException("no address for " + name);
            }
            return List.copyOf(addresses);
        } catch (UnknownHostException e) {
            throw new WebFetchException("cannot resolve host " + name + " of " + uri, e);
        }
    }

    static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /** @return why {@code address} is not public, or null if it is */
    static String whyForbidden(InetAddress address) {
        return AddressRanges.whyForbidden(address);
    }

    /** Builder for {@link UrlSafetyPolicy}. */
    public static final class Builder {
        private final Set<String> allowList = new LinkedHashSet<>();
        private HostResolver resolver = HostResolver.SYSTEM;

        private Builder() {
        }

        /**
         * Exempts {@code host} (a name or IP literal, as written in URLs) on {@code port} from the address checks;
         * other ports of the same host stay checked.
         */
        public Builder allowHost(String host, int port) {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("allowed host must be a host name or IP literal, got '" + host + "'");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("allowed port must be 1-65535, got " + port + " for host " + host);
            }
            HostNames.Host parsed;
            try {
                parsed = HostNames.parse(host.strip(), "allow-list entry " + host);
            } catch (UnsafeUrlException e) {
                throw new IllegalArgumentException(e.getMessage().replaceFirst("^refused ", "bad "), e);
            }
            allowList.add(parsed.forUrl() + ":" + port);
            return this;
        }

        /** Exempts {@code host} on the default ports of http (80) and https (443); use {@link #allow} for others. */
        public Builder allowHost(String host) {
            return allowHost(host, 80).allowHost(host, 443);
        }

        /**
         * Exempts one endpoint written as {@code host:port}, {@code [v6]:port} or a URL such as
         * {@code http://searxng:8080} (whose port defaults by scheme: 80 for http, 443 for https).
         */
        public Builder allow(String endpoint) {
            if (endpoint == null || endpoint.isBlank()) {
                throw new IllegalArgumentException("allow-list entry must be host:port or an http(s) URL, got '"
                        + endpoint + "'");
            }
            String e = endpoint.strip();
            if (e.contains("://")) {
                URI uri;
                try {
                    uri = URI.create(e);
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("allow-list entry '" + e + "' is not a URL; write host:port or"
                            + " e.g. http://searxng:8080", bad);
                }
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https")) {
                    throw new IllegalArgumentException("allow-list entry '" + e + "' must be an http(s) URL or host:port");
                }
                HostNames.Authority authority;
                try {
                    authority = HostNames.of(uri);
                } catch (UnsafeUrlException bad) {
                    throw new IllegalArgumentException(bad.getMessage().replaceFirst("^refused ", "bad allow-list entry "), bad);
                }
                int port = authority.port() > 0 ? authority.port() : defaultPort(scheme);
                allowList.add(authority.host().forUrl() + ":" + port);
                return this;
            }
            int colon = e.lastIndexOf(':');
            boolean bracketed = e.startsWith("[");
            if (colon < 0 || bracketed && colon < e.indexOf(']') || !bracketed && e.indexOf(':') != colon) {
                throw new IllegalArgumentException("allow-list entry '" + e + "' has no port; write host:port, e.g."
                        + " 127.0.0.1:8080 or [::1]:8080, or a URL such as http://searxng:8080");
            }
            int port;
            try {
                port = HostNames.port(e.substring(colon + 1), "allow-list entry " + e);
            } catch (UnsafeUrlException bad) {
                throw new IllegalArgumentException(bad.getMessage().replaceFirst("^refused ", "bad "), bad);
            }
            return allowHost(e.substring(0, colon), port);
        }

        /** The resolver the policy asks (once per URL); defaults to {@link HostResolver#SYSTEM}. */
        public Builder resolver(HostResolver resolver) {
            if (resolver == null) {
                throw new IllegalArgumentException("resolver must not be null; use HostResolver.SYSTEM for the default");
            }
            this.resolver = resolver;
            return this;
        }

        public UrlSafetyPolicy build() {
            return new UrlSafetyPolicy(this);
        }
    }
}
