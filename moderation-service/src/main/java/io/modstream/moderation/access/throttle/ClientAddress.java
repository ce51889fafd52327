package io.modstream.moderation.access.throttle;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The key a client address is throttled by. An IPv4 address is itself; an IPv6 address is its /64, the block one
 * subscriber usually holds, since counting single IPv6 addresses would give anyone with a /64 endless fresh ones.
 *
 * <p>This is the TCP peer as Spring reports it ({@code ServerHttpRequest.getRemoteAddress()}). Behind a proxy that is
 * the proxy, unless {@code server.forward-headers-strategy} is set so Spring takes the client from the proxy's
 * {@code Forwarded} / {@code X-Forwarded-For} header; those headers are not trusted otherwise (anyone can send them).
 */
final class ClientAddress {

    private ClientAddress() {}

    /** The throttle's key for {@code remote}; empty when there is no resolved address (an in-memory test request). */
    static Optional<String> key(@Nullable InetSocketAddress remote) {
        InetAddress address = remote == null ? null : remote.getAddress();
        if (address == null) {
            return Optional.empty();
        }
        if (address instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return Optional.of(InetAddresses.toAddrString(InetAddress.getByAddress(prefix)) + "/64");
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException("16 bytes are an IPv6 address", impossible);
            }
        }
        return Optional.of(InetAddresses.toAddrString(address));
    }
}
