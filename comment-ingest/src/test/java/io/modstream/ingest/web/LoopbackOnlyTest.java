package io.modstream.ingest.web;

import io.modstream.testing.kafka.UseKafkaTestBroker;
import io.modstream.testing.net.LoopbackOnly;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A server a test starts listens on loopback only: the test configuration sets {@code server.address}. Same
 * configuration as {@link ApiDocsTest}, so the two share one context.
 */
@UseKafkaTestBroker
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoopbackOnlyTest {

    @LocalServerPort
    int port;

    @Test
    void theTestServerListensOnLoopbackOnly() {
        LoopbackOnly.assertListensOnLoopbackOnly(port);
    }
}
