package io.modstream.moderation.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The dry-run API over HTTP. The Kafka listener is not started: a dry run must not need or touch the broker. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.listener.auto-startup=false",
            "spring.kafka.admin.auto-create=false",
            "modstream.moderation.users[0].username=alice",
            // BCrypt of "test-password"
            "modstream.moderation.users[0].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[0].roles=ADMIN",
            "modstream.moderation.users[0].sites=site-a",
            "modstream.moderation.users[1].username=bob",
            "modstream.moderation.users[1].password-hash=$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy",
            "modstream.moderation.users[1].roles=MODERATOR",
            "modstream.moderation.users[1].sites=site-a"
        })
class DryRunTest {

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

    @Test
    void oneCommentGetsTheVerdictReasonsAndPolicyVersion() {
        http.post()
                .uri("/api/v1/sites/site-a/dry-run")
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"threadId\":\"t\",\"author\":{\"id\":\"a\",\"name\":\"A\"},"
                        + "\"body\":\"Visit example.com <script>x()</script>\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.verdict")
                .isEqualTo("REJECT")
                .jsonPath("$.reasons[?(@.code == 'LINK')].start")
                .isEqualTo(6)
                .jsonPath("$.reasons[?(@.code == 'LINK')].end")
                .isEqualTo(17)
                .jsonPath("$.sanitizedText")
                .isEqualTo("Visit example.com ")
                .jsonPath("$.policyVersion")
                .isEqualTo("default/v1")
                .jsonPath("$.id")
                .doesNotExist();
    }

    @Test
    void ndjsonIsAnsweredLineByLineInOrderWithIds() {
        String lines = """
                {"id":"1","body":"Lovely piece."}
                {"id":"2","body":"buy at example.com"}
                {"id":"3","body":""}
                {"id":"4","body":"Thanks!"}
                """;
        List<String> answers = http.post()
                .uri("/api/v1/sites/site-a/dry-run")
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .contentType(MediaType.APPLICATION_NDJSON)
                .accept(MediaType.APPLICATION_NDJSON)
                .bodyValue(lines)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody()
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(answers).hasSize(4);
        assertThat(answers.get(0)).contains("\"id\":\"1\"", "\"verdict\":\"APPROVE\"");
        assertThat(answers.get(1)).contains("\"id\":\"2\"", "\"verdict\":\"REJECT\"", "\"code\":\"LINK\"");
        assertThat(answers.get(2)).contains("\"id\":\"3\"", "\"error\":\"line 3: body must not be blank\"");
        assertThat(answers.get(3)).contains("\"id\":\"4\"", "\"verdict\":\"APPROVE\"");
    }

    /** Regression: a line that was not JSON failed the whole request with 400. */
    @Test
    void lineThatIsNotJsonIsAnsweredInPlaceAndTheRestStillRun() {
        List<String> answers = ndjson("""
                {"id":"a","body":"Lovely piece."}
                not json
                [1, 2]
                {"id":"d","body":"Thanks!"}
                """);

        assertThat(answers).hasSize(4);
        assertThat(answers.get(0)).contains("\"id\":\"a\"", "\"verdict\":\"APPROVE\"");
        assertThat(answers.get(1)).contains("\"error\":\"line 2: not valid JSON at column ");
        assertThat(answers.get(2)).contains("\"error\":\"line 3: not a JSON object\"");
        assertThat(answers.get(3)).contains("\"id\":\"d\"", "\"verdict\":\"APPROVE\"");
    }

    /** Regression: a line of the wrong shape cut the stream after the lines before it, with a 200. */
    @Test
    void lineOfTheWrongShapeIsAnsweredWithTheFieldAndTheRestStillRun() {
        List<String> answers = ndjson("""
                {"id":"a","body":"Lovely piece."}
                {"id":"b","body":["x"]}

                {"id":"c","author":"me","body":"Hi"}
                {"id":"d","body":"Thanks!"}
                """);

        // The blank line gets no answer but keeps its number.
        assertThat(answers).hasSize(4);
        assertThat(answers.get(0)).contains("\"id\":\"a\"", "\"verdict\":\"APPROVE\"");
        assertThat(answers.get(1)).contains("\"id\":\"b\"", "\"error\":\"line 2: body must be a string\"");
        assertThat(answers.get(2)).contains("\"id\":\"c\"", "\"error\":\"line 4: author must be an object\"");
        assertThat(answers.get(3)).contains("\"id\":\"d\"", "\"verdict\":\"APPROVE\"");
    }

    /** Regression: 10,001 lines got 10,000 answers and a 200, the last line dropped without a word. */
    @Test
    void overTheLimitTheLastAnswerSaysHowManyWereNotAnswered() {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= DryRunController.MAX_LINES + 1; i++) {
            lines.append("{\"id\":\"")
                    .append(i)
                    .append("\",\"body\":\"Comment ")
                    .append(i)
                    .append("\"}\n");
        }

        List<String> answers = ndjson(lines.toString());

        assertThat(answers).hasSize(DryRunController.MAX_LINES + 1);
        assertThat(answers.get(DryRunController.MAX_LINES - 1)).contains("\"id\":\"10000\"", "\"verdict\"");
        assertThat(answers.get(answers.size() - 1))
                .isEqualTo("{\"error\":\"limit exceeded: at most 10000 comments per request; the first 10000 were"
                        + " answered, 1 comment after them not\"}");
    }

    @Test
    void lineLongerThanTheLimitEndsTheAnswersWithAnError() {
        String huge = "{\"id\":\"big\",\"body\":\"" + "x".repeat(256 * 1024) + "\"}";

        List<String> answers = ndjson("{\"id\":\"a\",\"body\":\"Fine.\"}\n" + huge + "\n{\"body\":\"late\"}\n");

        assertThat(answers).hasSize(2);
        assertThat(answers.get(0)).contains("\"id\":\"a\"", "\"verdict\":\"APPROVE\"");
        assertThat(answers.get(1))
                .contains(
                        "\"error\":\"line 2: longer than 262144 bytes; it and the lines after it were not answered\"");
    }

    private List<String> ndjson(String lines) {
        return http.post()
                .uri("/api/v1/sites/site-a/dry-run")
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .contentType(MediaType.APPLICATION_NDJSON)
                .accept(MediaType.APPLICATION_NDJSON)
                .bodyValue(lines)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody()
                .collectList()
                .block(Duration.ofSeconds(30));
    }

    @Test
    void withoutCredentialsIs401Problem() {
        http.post()
                .uri("/api/v1/sites/site-a/dry-run")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"hi\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Void.class);
    }

    @Test
    void wrongPasswordIs401() {
        http.post()
                .uri("/api/v1/sites/site-a/dry-run")
                .headers(h -> h.setBasicAuth("alice", "wrong"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"hi\"}")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(Void.class);
    }

    @Test
    void adminOfAnotherSiteGets404() {
        http.post()
                .uri("/api/v1/sites/site-b/dry-run")
                .headers(h -> h.setBasicAuth("alice", "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"hi\"}")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Void.class);
    }

    @Test
    void moderatorWhoIsNoAdminGets404() {
        http.post()
                .uri("/api/v1/sites/site-a/dry-run")
                .headers(h -> h.setBasicAuth("bob", "test-password"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"body\":\"hi\"}")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody(Void.class);
    }

    @Test
    void healthNeedsNoCredentials() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody(Void.class);
    }
}
