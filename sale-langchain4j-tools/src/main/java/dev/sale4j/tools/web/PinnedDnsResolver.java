package dev.sale4j.tools.web;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP client's resolver for one request: it answers exactly the addresses {@link UrlSafetyPolicy} vetted for the
 * one host it vetted, and nothing for any other name, so no second DNS lookup can happen between check and connect.
 */
final class PinnedDnsResolver implements DnsResolver {

    private final String host;
    private final List<InetAddress> addresses;

    PinnedDnsResolver(String host, List<InetAddress> addresses) {
        this.host = host;
        this.addresses = List.copyOf(addresses);
    }

    @Override
    public InetAddress[] resolve(String name) throws UnknownHostException {
        if (!matches(name)) {
            throw new UnknownHostException("refusing to resolve " + name + ": this request may only connect to the"
                    + " checked addresses of " + host);
        }
        return addresses.toArray(new InetAddress[0]);
    }

    @Override
    public String resolveCanonicalHostname(String name) throws UnknownHostException {
        if (!matches(name)) {
            throw new UnknownHostException("refusing to resolve " + name + ": only " + host + " was checked");
        }
        return host;
    }

    private boolean matches(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) {
            n = n.substring(1, n.length() - 1);
        }
        return n.equals(host);
    }
}
