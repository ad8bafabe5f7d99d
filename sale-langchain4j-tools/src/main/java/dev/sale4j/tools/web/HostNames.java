package dev.sale4j.tools.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the host of a URL the one way every parser agrees on, and refuses the rest before any parser decides.
 * An IPv4 literal must be canonical: four decimal numbers 0-255 without leading zeros and without a trailing dot.
 * Octal ({@code 0177.0.0.1}), hex ({@code 0x7f.1}), short ({@code 127.1}), integer ({@code 2130706433}), mixed and
 * trailing-dot forms are refused, because the JDK, C's {@code inet_aton}, browsers and DNS resolvers read them as
 * different addresses. A host counts as an IPv4 attempt when its last label is a number (decimal or {@code 0x} hex),
 * which is how browsers decide. IPv6 literals may not carry a zone id, and an embedded IPv4 part must be canonical.
 */
final class HostNames {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern CANONICAL_V4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern NUMBER_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");
    private static final Pattern NAME = Pattern.compile(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

    private HostNames() {
    }

    /**
     * A host read from a URL.
     *
     * @param name    the key for allow-list and resolver: a lower-case name without trailing dot, a dotted IPv4
     *                literal, or an IPv6 literal in the JDK's full form
     * @param wire    the host as the URL wrote it (lower case, no brackets): what the Host header and TLS use
     * @param literal the parsed address of an IP literal, null for a name
     */
    record Host(String name, String wire, InetAddress literal) {

        Host(String name, InetAddress literal) {
            this(name, name, literal);
        }

        boolean isLiteral() {
            return literal != null;
        }

        /** @return the host as it appears in a URL authority ({@code [v6]} bracketed) */
        String forUrl() {
            return name.contains(":") ? "[" + name + "]" : name;
        }
    }

    /** The host and port of a URL; port -1 when the URL names none. */
    record Authority(Host host, int port) {
    }

    /** @return the host and port of {@code uri}, read from its raw authority */
    static Authority of(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new UnsafeUrlException("refused " + uri + ": no host; write an absolute URL such as https://example.org/");
        }
        String hostPart = authority.substring(authority.lastIndexOf('@') + 1);
        String host;
        String port;
        if (hostPart.startsWith("[")) {
            int close = hostPart.indexOf(']');
            if (close < 0 || close + 1 < hostPart.length() && hostPart.charAt(close + 1) != ':') {
                throw new UnsafeUrlException("refused " + uri + ": malformed IPv6 host; write IPv6 literals as"
                        + " [2001:db8::1] or [2001:db8::1]:8080");
            }
            host = hostPart.substring(0, close + 1);
            port = close + 1 < hostPart.length() ? hostPart.substring(close + 2) : "";
        } else {
            int colon = hostPart.lastIndexOf(':');
            host = colon < 0 ? hostPart : hostPart.substring(0, colon);
            port = colon < 0 ? "" : hostPart.substring(colon + 1);
        }
        return new Authority(parse(host, uri.toString()), port(port, uri.toString()));
    }

    /** @return the port written as {@code port} (-1 when empty) */
    static int port(String port, String context) {
        if (port.isEmpty()) {
            return -1;
        }
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new UnsafeUrlException("refused " + context + ": port '" + port + "' is not a number from 1 to 65535");
        }
        return Integer.parseInt(port);
    }

    /** @return {@code host} (a name or IP literal, IPv6 with or without brackets) read strictly */
    static Host parse(String host, String context) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            return ipv6(h.substring(1, h.length() - 1), context);
        }
        if (h.contains(":")) {
            return ipv6(h, context);
        }
        if (h.isEmpty()) {
            throw new UnsafeUrlException("refused " + context + ": no host; write an absolute URL such as https://example.org/");
        }
        if (h.contains("%")) {
            throw new UnsafeUrlException("refused " + context + ": host '" + host + "' is percent-encoded; write the host"
                    + " name or address itself, e.g. example.org or 93.184.215.14");
        }
        String[] labels = h.split("\\.", -1);
        int last = labels.length > 1 && labels[labels.length - 1].isEmpty() ? labels.length - 2 : labels.length - 1;
        if (NUMBER_LABEL.matcher(labels[last]).matches()) {
            if (!CANONICAL_V4.matcher(h).matches()) {
                throw new UnsafeUrlException("refused " + context + ": '" + host + "' " + whyNotCanonical(h)
                        + "; write an IPv4 address as four decimal numbers 0-255 without leading zeros or a trailing"
                        + " dot, e.g. 93.184.215.14");
            }
            return new Host(h, v4(h));
        }
        if (!NAME.matcher(h).matches()) {
            throw new UnsafeUrlException("refused " + context + ": '" + host + "' is not a valid host name (ASCII"
                    + " letters, digits, hyphens and dots; write international names in their xn-- form)");
        }
        return new Host(h.endsWith(".") ? h.substring(0, h.length() - 1) : h, null);
    }

    private static Host ipv6(String literal, Object context) {
        String h = literal.toLowerCase(Locale.ROOT);
        if (h.contains("%")) {
            throw new UnsafeUrlException("refused " + context + ": IPv6 literal [" + literal + "] has a zone id; write"
                    + " it without one (a zone only names a local interface)");
        }
        if (!IPV6.matcher(h).matches() || !h.contains(":")) {
            throw new UnsafeUrlException("refused " + context + ": [" + literal + "] is not an IPv6 address");
        }
        int lastColon = h.lastIndexOf(':');
        String tail = h.substring(lastColon + 1);
        if (tail.contains(".") && !CANONICAL_V4.matcher(tail).matches()) {
            throw new UnsafeUrlException("refused " + context + ": the IPv4 part '" + tail + "' of [" + literal + "] "
                    + whyNotCanonical(tail) + "; write it as four decimal numbers 0-255 without leading zeros,"
                    + " e.g. [::ffff:93.184.215.14]");
        }
        try {
            InetAddress address = InetAddress.getByName(h);
            return new Host(address instanceof Inet6Address ? address.getHostAddress() : h, h, address);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new UnsafeUrlException("refused " + context + ": [" + literal + "] is not an IPv6 address");
        }
    }

    private static InetAddress v4(String canonical) {
        String[] parts = canonical.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return InetAddress.getByAddress(canonical, bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** @return why {@code h}, whose last label is a number, is not a canonical IPv4 literal, with the other reading */
    private static String whyNotCanonical(String h) {
        long[] parts = inetAton(h);
        if (parts == null) {
            return "is not a valid IPv4 address";
        }
        return "is a non-canonical IPv4 literal (octal, hex, short, integer, leading-zero or trailing-dot form) that"
                + " parsers read differently: C's inet_aton and browsers read it as " + dotted(parts[0])
                + ", the JDK may not";
    }

    /** @return the address C's inet_aton (and the URL standard) reads from {@code h}, or null if it reads none */
    private static long[] inetAton(String h) {
        String s = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            try {
                if (p.startsWith("0x") || p.startsWith("0X")) {
                    values[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                } else if (p.length() > 1 && p.startsWith("0")) {
                    values[i] = Long.parseLong(p.substring(1), 8);
                } else {
                    values[i] = Long.parseLong(p);
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (24 - 8 * i);
        }
        long rest = values[values.length - 1];
        if (rest >= 1L << (32 - 8 * (values.length - 1))) {
            return null;
        }
        return new long[] {address | rest};
    }

    private static String dotted(long a) {
        return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
    }
}
