package io.modstream.moderation.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * This application's own Netty event loops and connection pool instead of Reactor Netty's global ones. The global
 * ones are shut down when any application context that uses them closes; in a JVM with several contexts (the tests'
 * context cache) that silently stops the web servers of all the others.
 */
@Configuration(proxyBeanMethods = false)
class NettyResourcesConfig {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        return resources;
    }
}
