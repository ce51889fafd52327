package io.modstream.ingest.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which callback URLs are acceptable. Always: an absolute {@code https} (or, when allowed, {@code http}) URL of at
 * most 2,000 characters, with a host, without user info or fragment. Unless private addresses are allowed, the host
 * must not be, or resolve to, a loopback, private, link-local, shared (CGNAT), multicast or unspecified address:
 * a site must not be able to make Modstream call into its own network.
 *
 * <p>The address check runs at registration (for literal addresses and {@code localhost}) and again before every
 * delivery, after resolving the name. The HTTP client resolves the name once more when it connects, so a DNS server
 * that answers differently within that moment (DNS rebinding) can still get through: where that matters, send
 * deliveries through an egress proxy or firewall that enforces the same rule. Thread-safe and immutable.
 */
final class CallbackUrls {

    static final int MAX_LENGTH = 2000;

    private final boolean allowHttp;
    private final boolean allowPrivateAddresses;

    CallbackUrls(boolean allowHttp, boolean allowPrivateAddresses) {
        this.allowHttp = allowHttp;
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** What is wrong with {@code url} as a callback, or null when nothing is. Resolves no names. */
    @Nullable
    String problem(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return "must not be blank";
        }
        if (url.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return allowHttp ? "must be an http or https URL" : "must be an https URL";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "must have a host name";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not contain a user name or password";
        }
        if (uri.getRawFragment() != null) {
            return "must not contain a fragment";
        }
        if (!allowPrivateAddresses && isLiteralPrivate(uri.getHost())) {
            return "must not point to a private, loopback or link-local address";
        }
        return null;
    }

    /**
     * Throws when the callback's host resolves to an address that is not allowed. A name that does not resolve is
     * an ordinary failure ({@link UnknownHostException}), retried like any other.
     */
    void checkResolved(URI url) throws UnknownHostException {
        if (allowPrivateAddresses) {
            return;
        }
        for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
            if (!isPublic(address)) {
                throw new BlockedCallbackException(
                        "the callback host resolves to a non-public address; delivery refused");
            }
        }
    }

    private static boolean isLiteralPrivate(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost") || bare.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false; // a name: checked when it is resolved, before each delivery
        }
        try {
            // A literal address: getByName parses it without a lookup.
            return !isPublic(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            boolean sharedCgnat = first == 100 && second >= 64 && second < 128;
            boolean thisNetwork = first == 0;
            boolean reserved = first >= 240;
            return !(sharedCgnat || thisNetwork || reserved);
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            return !uniqueLocal;
        }
        return true;
    }

    /** A callback whose address is not allowed; retrying cannot help, so it is parked at once. */
    static final class BlockedCallbackException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BlockedCallbackException(String message) {
            super(message);
        }
    }
}
