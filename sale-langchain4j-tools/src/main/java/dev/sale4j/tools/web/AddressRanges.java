package dev.sale4j.tools.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Classifies addresses as public or not: loopback, unspecified, private, link-local, carrier-grade NAT, reserved,
 * benchmarking and multicast ranges, also when an IPv4 address is embedded in an IPv6 one (IPv4-mapped
 * {@code ::ffff:0:0/96}, IPv4-translated {@code ::ffff:0:0:0/96}, IPv4-compatible {@code ::/96}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}); the local-use NAT64 prefix {@code 64:ff9b:1::/48} is refused whole.
 */
final class AddressRanges {

    private AddressRanges() {
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
            return whyForbiddenV6(b);
        }
        return null;
    }

    private static String whyForbiddenV6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {
            return "private (unique local)";
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return "private (site-local)";
        }
        boolean zero8 = Arrays.equals(Arrays.copyOf(b, 8), new byte[8]);
        boolean zeroPrefix = zero8 && b[8] == 0 && b[9] == 0;
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0;
        boolean translated = zero8 && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0;
        boolean nat64Prefix = b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        if (nat64Prefix && b[4] == 0 && b[5] == 1) {
            return "local-use NAT64";
        }
        boolean nat64 = nat64Prefix && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
        if (mapped || compatible || translated || nat64) {
            String embedded = whyForbiddenEmbedded(Arrays.copyOfRange(b, 12, 16));
            return embedded == null ? null : embedded + " (embedded IPv4)";
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            String embedded = whyForbiddenEmbedded(Arrays.copyOfRange(b, 2, 6));
            return embedded == null ? null : embedded + " (6to4)";
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
}
