package io.modstream.ingest.observability;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Runs a step of a request with the request's trace (and so its {@code traceId} log field and the trace a Kafka send
 * carries on) in place. comment-ingest runs Reactor with {@code spring.reactor.context-propagation: limited}: the
 * trace travels in each request's Reactor context, and thread-locals are restored from it only in Reactor's
 * {@code handle} and {@code tap} operators, not around every signal of every operator as {@code auto} does, which
 * cost about a third of the CPU of a comment (docs/benchmarks.md, issue 12). So every step that logs about a request
 * or sends to Kafka for it goes through here.
 */
public final class InTrace {

    private InTrace() {}

    /** What {@code call} returns (not null), called when subscribed, with the subscriber's trace in place. */
    public static <T> Mono<T> call(Callable<T> call) {
        return Mono.just(Boolean.TRUE).handle((ignored, sink) -> {
            try {
                sink.next(call.call());
            } catch (Exception e) {
                sink.error(e);
            }
        });
    }

    /**
     * Calls {@code onError} with the failure of the Mono it is applied to, with the subscriber's trace in place, then
     * passes the failure on. Only a failure pays for the trace's restore: a {@code tap} would restore it around every
     * signal of every request, the successful ones included.
     */
    public static <T> Function<Mono<T>, Mono<T>> onError(Consumer<Throwable> onError) {
        return mono -> mono.onErrorResume(error -> call(() -> {
                    onError.accept(error);
                    return error;
                })
                .flatMap(failure -> Mono.<T>error(failure)));
    }
}
