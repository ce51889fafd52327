package io.modstream.ingest.web;

import io.modstream.ingest.observability.PrometheusScrape;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the tests of a Netty lane ({@code SubmissionLaneTest}, {@code StatusLaneTest}) use to hold the lane's answers
 * equal to Spring's web stack's: a mark on every answer the stack gives, the headers two answers must share, and the
 * request timer's series of one route. {@code SubmissionGateTest} compares its answers' headers the same way.
 */
public final class LaneComparison {

    /** The header {@link MarkSpringsAnswers} puts on every answer of Spring's web stack. */
    public static final String VIA_SPRING = "X-Via-Spring";

    /** Headers that differ from answer to answer, or between the two ways for reasons of their own. */
    private static final List<String> PER_ANSWER =
            List.of("date", "content-length", VIA_SPRING.toLowerCase(Locale.ROOT));

    private LaneComparison() {}

    /** Marks every answer Spring's web stack gives; import it into the test's context. */
    @TestConfiguration
    public static class MarkSpringsAnswers {

        /** Around the whole of Spring's stack, so that even the URL firewall's and the filters' own answers carry it. */
        @Bean
        HttpHandlerDecoratorFactory markSpringsAnswers() {
            return handler -> (request, response) -> {
                response.getHeaders().set(VIA_SPRING, "yes");
                return handler.handle(request, response);
            };
        }
    }

    /** An answer's headers by lower-case name, without those that differ from answer to answer. */
    public static Map<String, List<String>> comparableHeaders(HttpHeaders headers) {
        return headersExcept(headers, PER_ANSWER);
    }

    /** An answer's headers by lower-case name, without those named (in lower case) in {@code ignored}. */
    public static Map<String, List<String>> headersExcept(HttpHeaders headers, List<String> ignored) {
        Map<String, List<String>> byName = new TreeMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!ignored.contains(lower)) {
                byName.put(lower, values);
            }
        });
        return byName;
    }

    /** The count of each {@code http_server_requests} series of the route {@code uri}, from the Prometheus scrape. */
    public static Map<String, Double> requestSeries(WebTestClient http, String uri) {
        return PrometheusScrape.of(http)
                .lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> line.contains("uri=\"" + uri + "\""))
                .collect(Collectors.toMap(
                        line -> line.substring(0, line.lastIndexOf(' ')),
                        line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)),
                        (a, b) -> a,
                        TreeMap::new));
    }
}
