package io.modstream.ingest.demo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who is reading: a random id per browser in an HttpOnly cookie, which is the commenter's author id, and which
 * comments each browser posted, so that only the commenter can ask about a comment before it is published. The
 * record is in memory and bounded; after a restart a reader simply cannot ask about earlier comments any more.
 * Thread-safe.
 */
@Component
@Profile("local")
class Readers {

    static final String COOKIE = "demo_reader";

    private static final Pattern READER_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Cache<String, String> postedBy = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    /** The reader of this exchange, given a new id (and cookie) if it has none or one that is not ours. */
    String reader(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (cookie != null && READER_ID.matcher(cookie.getValue()).matches()) {
            return cookie.getValue();
        }
        String reader = UUID.randomUUID().toString();
        exchange.getResponse()
                .addCookie(ResponseCookie.from(COOKIE, reader)
                        .httpOnly(true)
                        .sameSite("Lax")
                        .path("/demo")
                        .maxAge(Duration.ofDays(30))
                        .build());
        return reader;
    }

    /** The author id Modstream sees for this reader. */
    static String authorId(String reader) {
        return "demo-reader-" + reader;
    }

    void recordPost(String commentId, String reader) {
        postedBy.put(commentId, reader);
    }

    boolean isPostedBy(String commentId, String reader) {
        return reader.equals(postedBy.getIfPresent(commentId));
    }
}
