package io.modstream.ingest.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Where {@code KafkaTemplate.send} runs: it may block (an unknown topic, a full buffer), so it runs on a thread that
 * may block until the broker has acknowledged a send moments ago; then it runs on the request's own thread, which
 * saves two thread hops per comment. A producer interceptor sees the thread, since {@code onSend} runs in the caller.
 * After the acknowledgement, the rest (the status, the count, the 202) runs on the connection's own event loop, neither
 * on the producer's I/O thread nor on a pool that would hand the write over once more; the DEBUG line about the accepted
 * comment, logged there, names the thread. Both ways in are covered: the lane and Spring's web stack.
 */
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "modstream.ingest.sites[0].id=site-a",
            "modstream.ingest.sites[0].api-key-sha256=d9943771ce3d24dd99ff1540b5fbd84b8ecd8d58caa009cf2a13a1d54913d5f4",
            "spring.kafka.producer.properties.interceptor.classes=io.modstream.ingest.submit.SendThreadTest$Threads",
            "logging.level.io.modstream.ingest.submit.Submissions=DEBUG"
        })
@ExtendWith(OutputCaptureExtension.class)
class SendThreadTest {

    /** Records the thread each record was sent from. */
    public static class Threads implements ProducerInterceptor<Object, Object> {

        static final List<String> SENT_FROM = new CopyOnWriteArrayList<>();

        @Override
        public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
            SENT_FROM.add(Thread.currentThread().getName());
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

        @Override
        public void close() {}

        @Override
        public void configure(Map<String, ?> configs) {}
    }

    @LocalServerPort
    int port;

    @Test
    void theFirstSendMayBlockSoLeavesTheEventLoopTheNextRunsInPlace(CapturedOutput output) {
        WebTestClient http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();

        post(http, "/api/v1/comments");
        post(http, "/api/v1/comments");
        // Another spelling of the path: Spring's web stack takes it, not the lane (SubmissionLane).
        post(http, "/api/v1/%63omments");

        assertThat(Threads.SENT_FROM).hasSize(3);
        assertThat(Threads.SENT_FROM.get(0)).startsWith("boundedElastic-");
        assertThat(Threads.SENT_FROM.subList(1, 3))
                .allSatisfy(thread ->
                        assertThat(thread).doesNotStartWith("boundedElastic-").contains("http"));
        // The line about each accepted comment is logged after the acknowledgement, on the thread that goes on to
        // write the 202: the connection's event loop (the log's thread column keeps the last 15 characters of its
        // name).
        assertThat(output.getOut().lines().filter(line -> line.contains("Accepted comment ")))
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).containsPattern("\\[[^\\]]*http-[^\\]]*\\]"));
    }

    private void post(WebTestClient http, String path) {
        http.post()
                .uri(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + SubmitCommentTest.KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(SubmitCommentTest.VALID)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(Void.class);
    }
}
