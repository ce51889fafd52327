package io.modstream.ingest.web;

import io.modstream.ingest.IngestProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Bounds request bodies to {@code modstream.ingest.max-request-size}. A declared {@code Content-Length} over the
 * limit is refused before anything is read or authenticated; a body without one (chunked) is cut off by the codecs
 * at the same limit, which {@link ApiExceptionHandler} also answers with 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit implements WebFilter, WebFluxConfigurer {

    private final long maxBytes;
    private final ProblemResponses problems;

    RequestSizeLimit(IngestProperties properties, ProblemResponses problems) {
        this.maxBytes = properties.maxRequestSize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, tooLarge(maxBytes));
        }
        return chain.filter(exchange);
    }

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().maxInMemorySize(Math.toIntExact(maxBytes));
    }

    static String tooLarge(long maxBytes) {
        return "The request body is larger than the limit of " + maxBytes + " bytes.";
    }
}
