package io.modstream.ingest.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Where {@code KafkaTemplate.send} runs: it may block (an unknown topic, a full buffer), so it runs on a thread that
 * may block until the broker has acknowledged a send moments ago; then it runs on the request's own thread, which
 * saves two thread hops per comment. A producer interceptor sees the thread, since {@code onSend} runs in the caller.
 * After the acknowledgement, the 202 is written from the connection's own event loop, neither from the producer's
 * I/O thread nor from a pool that would hand the write over once more; a web filter sees the thread that commits it.
 */
@UseKafkaTestBroker
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "modstream.ingest.sites[0].id=site-a",
            "modstream.ingest.sites[0].api-key-sha256=d9943771ce3d24dd99ff1540b5fbd84b8ecd8d58caa009cf2a13a1d54913d5f4",
            "spring.kafka.producer.properties.interceptor.classes=io.modstream.ingest.submit.SendThreadTest$Threads"
        })
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

    /** Records the thread each response was committed on, i.e. the thread that began writing it. */
    @TestConfiguration
    static class CommitThreads {

        static final List<String> COMMITTED_ON = new CopyOnWriteArrayList<>();

        @Bean
        WebFilter commitThreads() {
            return (exchange, chain) -> {
                exchange.getResponse().beforeCommit(() -> {
                    COMMITTED_ON.add(Thread.currentThread().getName());
                    return Mono.empty();
                });
                return chain.filter(exchange);
            };
        }
    }

    @LocalServerPort
    int port;

    @Test
    void theFirstSendMayBlockSoLeavesTheEventLoopTheNextRunsInPlace() {
        WebTestClient http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();

        post(http);
        post(http);

        assertThat(Threads.SENT_FROM).hasSize(2);
        assertThat(Threads.SENT_FROM.get(0)).startsWith("boundedElastic-");
        assertThat(Threads.SENT_FROM.get(1)).doesNotStartWith("boundedElastic-").contains("http");
        assertThat(CommitThreads.COMMITTED_ON)
                .hasSize(2)
                .allSatisfy(thread -> assertThat(thread).startsWith("webflux-http-"));
    }

    private static void post(WebTestClient http) {
        http.post()
                .uri("/api/v1/comments")
                .header("Authorization", "Bearer " + SubmitCommentTest.KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(SubmitCommentTest.VALID)
                .exchange()
                .expectStatus()
                .isAccepted();
    }
}
