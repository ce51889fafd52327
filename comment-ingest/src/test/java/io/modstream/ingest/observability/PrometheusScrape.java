package io.modstream.ingest.observability;

import java.nio.charset.StandardCharsets;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Test support: the service's Prometheus scrape, as an operator's scraper reads it. */
public final class PrometheusScrape {

    private PrometheusScrape() {}

    /** {@code /actuator/prometheus} of the service {@code http} is bound to; fails the test unless it answers 200. */
    public static String of(WebTestClient http) {
        byte[] body = http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }
}
