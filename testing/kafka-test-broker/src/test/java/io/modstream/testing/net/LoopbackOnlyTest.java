package io.modstream.testing.net;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The check against real sockets, none of them bound to every address. */
class LoopbackOnlyTest {

    @Test
    void aServerOnLoopbackPasses() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

            assertThatCode(() -> LoopbackOnly.assertListensOnLoopbackOnly(server.getLocalPort()))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aServerAlsoOnAnotherAddressFails() throws Exception {
        InetAddress other = LoopbackOnly.nonLoopbackAddress().orElse(null);
        assumeTrue(other != null, "this machine has no address but loopback");
        // The same port on loopback and on the other address, for a few milliseconds and never accepting: what a
        // server bound to every address looks like, without binding one.
        try (ServerSocket onLoopback = new ServerSocket();
                ServerSocket onOther = new ServerSocket()) {
            onLoopback.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            onOther.bind(new InetSocketAddress(other, onLoopback.getLocalPort()));

            assertThatThrownBy(() -> LoopbackOnly.assertListensOnLoopbackOnly(onLoopback.getLocalPort()))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("not only on loopback");
        }
    }

    @Test
    void aServerNotOnLoopbackFails() throws Exception {
        assumeTrue(LoopbackOnly.nonLoopbackAddress().isPresent(), "this machine has no address but loopback");
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }

        assertThatThrownBy(() -> LoopbackOnly.assertListensOnLoopbackOnly(closed))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not answer on loopback");
    }
}
