package io.modstream.moderation.authors;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An author action the server cannot read is a problem+json 400 naming the field. The body is read before anything
 * touches the broker, so the Kafka listener is not started.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.listener.auto-startup=false",
            "spring.kafka.admin.auto-create=false",
            "modstream.moderation.users[0].username=bob",
            // BCrypt of "test-password"
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=MODERATOR",
            "modstream.moderation.users[0].sites=site-a"
        })
class AuthorActionProblemsTest {

    @LocalServerPort
    int port;

    private WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Issue 11: "P1Y" was answered 400 "Failed to read HTTP message". */
    @Test
    void aDurationInYearsNamesTheFieldAndSaysWhatToWrite() {
        post("{\"action\":\"SUSPEND\",\"duration\":\"P1Y\"}")
                .jsonPath("$.detail")
                .isEqualTo("duration: 'P1Y' is not a duration; use days, hours or minutes, e.g. P366D, P7D or PT12H");
    }

    @Test
    void anUnknownActionNamesTheFieldAndTheChoices() {
        post("{\"action\":\"SILENCE\"}")
                .jsonPath("$.detail")
                .isEqualTo("action: 'SILENCE' is not one of BAN, SUSPEND, PREMODERATE, TRUST, RESET");
    }

    @Test
    void aNoteTooLongNamesTheField() {
        post("{\"action\":\"TRUST\",\"note\":\"" + "x".repeat(2001) + "\"}")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .startsWith("note: "));
    }

    private WebTestClient.BodyContentSpec post(String body) {
        return http.post()
                .uri("/api/v1/sites/site-a/authors/reader-1/actions")
                .headers(h -> h.setBasicAuth("bob", "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
    }
}
