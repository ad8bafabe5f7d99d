package dev.sale4j.tools.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses for {@link UrlSafetyPolicy}. The policy asks once per URL and vets every answer;
 * {@link SafeHttpFetcher} then connects to those vetted addresses only and never asks again. The default is the
 * system resolver ({@link InetAddress#getAllByName}); supply another for a DNS-over-HTTPS client or in tests.
 */
@FunctionalInterface
public interface HostResolver {

    /** The system resolver. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /**
     * @param host a lower-case host name, never an IP literal
     * @return at least one address
     * @throws UnknownHostException if the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
