package io.modstream.testing.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks that a server a test started listens on loopback only, so that running the tests never opens a port to the
 * network: the port must accept a connection on 127.0.0.1 and refuse one on this machine's first other IPv4 address.
 * On a machine with no address but loopback the check is skipped (a JUnit assumption), since it cannot tell.
 */
public final class LoopbackOnly {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private LoopbackOnly() {}

    /** Fails unless {@code port} answers on loopback and refuses on another address of this machine. */
    public static void assertListensOnLoopbackOnly(int port) {
        Optional<InetAddress> other = nonLoopbackAddress();
        Assumptions.assumeTrue(other.isPresent(), "this machine has no address but loopback");
        try {
            connect(InetAddress.getLoopbackAddress(), port);
        } catch (IOException e) {
            throw new AssertionError("port " + port + " does not answer on loopback", e);
        }
        try {
            connect(other.get(), port);
        } catch (ConnectException refused) {
            return;
        } catch (IOException e) {
            throw new AssertionError("port " + port + " on " + other.get() + " neither answered nor refused", e);
        }
        throw new AssertionError(
                "port " + port + " answers on " + other.get().getHostAddress() + ", not only on loopback");
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
        }
    }

    static Optional<InetAddress> nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(LoopbackOnly::upAndNotLoopback)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address)
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean upAndNotLoopback(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
