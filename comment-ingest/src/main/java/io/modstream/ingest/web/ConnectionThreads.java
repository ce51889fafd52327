package io.modstream.ingest.web;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * The thread that serves a request's connection, as a Reactor scheduler: work that ends in writing the response (after
 * a broker's acknowledgement, say) is cheapest there, since Netty then writes in place instead of handing the write to
 * that thread once more. Outside Reactor Netty (a mock exchange in a test) it is Reactor's parallel scheduler.
 */
public final class ConnectionThreads {

    /** One scheduler per event loop the process has: as many as cores per web server, so this stays that small. */
    private static final Map<EventLoop, Scheduler> SCHEDULERS = new ConcurrentHashMap<>();

    private ConnectionThreads() {}

    /** The scheduler of {@code exchange}'s connection. */
    public static Scheduler of(ServerWebExchange exchange) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (nativeRequest instanceof Connection connection) {
            return of(connection.channel());
        }
        return Schedulers.parallel();
    }

    /** The scheduler of {@code channel}'s event loop. */
    public static Scheduler of(Channel channel) {
        return SCHEDULERS.computeIfAbsent(channel.eventLoop(), Schedulers::fromExecutor);
    }
}
