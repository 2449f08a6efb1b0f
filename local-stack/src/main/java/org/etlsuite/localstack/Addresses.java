package org.etlsuite.localstack;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network addresses of the stack: what {@code --bind} accepts, and how clients reach what listens there.
 * Clients get IP literals, never {@code localhost}, which may resolve to {@code ::1} where only
 * {@code 127.0.0.1} listens.
 */
public final class Addresses {

    /** IPv4 loopback as a literal, whatever {@code java.net.preferIPv6Addresses} says. */
    public static final InetAddress LOOPBACK = literal(new byte[] {127, 0, 0, 1});

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("(?=.*:)[0-9a-fA-F:][0-9a-fA-F:.]*");

    private Addresses() {
    }

    /**
     * An IP literal (IPv4 or IPv6, brackets optional) or {@code localhost}, which means {@link #LOOPBACK}; never a
     * name lookup, so the stack binds exactly what was asked.
     *
     * @throws LocalStackException for anything else, naming {@code flag}
     */
    static InetAddress parse(String text, String flag) {
        String value = text.trim();
        if (value.toLowerCase(Locale.ROOT).equals("localhost")) {
            return LOOPBACK;
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        Matcher ipv4 = IPV4.matcher(value);
        if (ipv4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(ipv4.group(i + 1));
                if (part > 255) {
                    throw notAnAddress(text, flag);
                }
                bytes[i] = (byte) part;
            }
            return literal(bytes);
        }
        if (IPV6.matcher(value).matches()) {
            try {
                // a text with a colon is parsed as an IPv6 literal, never looked up
                return InetAddress.getByName(value);
            } catch (UnknownHostException e) {
                throw notAnAddress(text, flag);
            }
        }
        throw notAnAddress(text, flag);
    }

    /** Where a client on this machine reaches something bound to {@code bound}: loopback for the wildcard address. */
    public static InetAddress clientAddress(InetAddress bound) {
        return bound.isAnyLocalAddress() ? LOOPBACK : bound;
    }

    /** The host part of a URI or a Kafka listener: IPv6 in brackets. */
    public static String uriHost(InetAddress address) {
        String host = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + host + "]" : host;
    }

    private static LocalStackException notAnAddress(String text, String flag) {
        return new LocalStackException("--" + flag + " must be an IP address (e.g. 127.0.0.1, 0.0.0.0 or ::1) or localhost, not '"
                + text + "'.");
    }

    private static InetAddress literal(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
