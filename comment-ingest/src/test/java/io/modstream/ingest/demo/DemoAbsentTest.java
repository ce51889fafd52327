package io.modstream.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.testing.kafka.UseKafkaTestBroker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Without the local profile there is no demo site: none of its beans, and its paths need a site key like any other. */
@UseKafkaTestBroker
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoAbsentTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void noDemoBeanExistsOutsideTheLocalProfile() {
        assertThat(context.getBeanNamesForType(DemoController.class)).isEmpty();
        assertThat(context.getBeanNamesForType(IngestClient.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DemoProperties.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DemoHeaders.class)).isEmpty();
    }

    @Test
    void demoPathsAreNotThePageButAnUnauthorisedOrMissingResource() {
        WebTestClient http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
        for (String path : new String[] {"/demo", "/demo/demo.js", "/demo/api/comments"}) {
            int status = http.get()
                    .uri(path)
                    .exchange()
                    .expectBody(Void.class)
                    .returnResult()
                    .getStatus()
                    .value();
            assertThat(status).as(path).isIn(401, 404);
        }
    }
}
