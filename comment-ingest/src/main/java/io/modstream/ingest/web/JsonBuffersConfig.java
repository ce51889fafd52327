package io.modstream.ingest.web;

import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application's JSON mapper, as Spring Boot builds it (every {@link JsonMapperBuilderCustomizer}, so every
 * {@code spring.jackson.*} setting, still applies), on a factory whose buffers are kept per thread.
 *
 * <p>Why: Jackson 3 lends each parser and generator its buffers from one pool shared by all threads, a lock-free
 * deque. Every submission reads its body and writes its 202 with this mapper on an event loop, and the deque's take
 * and return were 3 % of an event loop's time per submission (JFR at 256 connections, docs/benchmarks.md). The
 * threads that use this mapper are platform threads, most of them long-lived (the event loops, the read side's thread,
 * the webhooks' listeners), for which a buffer per thread is what Jackson 2 always did; the shared pool is for virtual
 * threads, which this service does not use. The Kafka serializer of {@code comments.submitted} has a mapper of its own,
 * built by spring-kafka, and keeps the shared pool.
 */
@Configuration(proxyBeanMethods = false)
class JsonBuffersConfig {

    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
        JsonFactory factory = JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.threadLocalPool())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(factory);
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
