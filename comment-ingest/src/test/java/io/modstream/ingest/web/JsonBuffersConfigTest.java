package io.modstream.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

/** The application's mapper keeps its buffers per thread, and Spring Boot's {@code spring.jackson.*} settings still apply. */
class JsonBuffersConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
            .withUserConfiguration(JsonBuffersConfig.class);

    @Test
    void theMapperLendsBuffersPerThread() {
        context.run(app -> {
            JsonFactory factory = app.getBean(JsonMapper.class).tokenStreamFactory();
            assertThat(factory._getRecyclerPool()).isSameAs(JsonRecyclerPools.threadLocalPool());
        });
    }

    @Test
    void springBootsJacksonSettingsStillApply() {
        context.withPropertyValues("spring.jackson.serialization.indent-output=true")
                .run(app -> assertThat(app.getBean(JsonMapper.class).writeValueAsString(Map.of("a", 1)))
                        .contains("\n"));
        context.run(app -> assertThat(app.getBean(JsonMapper.class).writeValueAsString(Map.of("a", 1)))
                .isEqualTo("{\"a\":1}"));
    }
}
