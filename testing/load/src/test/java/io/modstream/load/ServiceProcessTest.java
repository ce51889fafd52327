package io.modstream.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    @Test
    void eachServiceTakesTheOptionsNamedAfterItsOwnLogFile() {
        Map<String, String> environment = Map.of(
                "LOAD_JVM_MODERATION_SERVICE", "  -XX:AOTCache=/tmp/mod.aot \t -Xlog:aot=warning ",
                "LOAD_JVM_COMMENT_INGEST", "-XX:AOTCache=/tmp/ing.aot");

        assertThat(ServiceProcess.ownJvmOptions("moderation-service", environment))
                .containsExactly("-XX:AOTCache=/tmp/mod.aot", "-Xlog:aot=warning");
        assertThat(ServiceProcess.ownJvmOptions("comment-ingest", environment))
                .containsExactly("-XX:AOTCache=/tmp/ing.aot");
    }

    @Test
    void aServiceWithoutItsOwnVariableOrWithABlankOneGetsNoExtraOptions() {
        assertThat(ServiceProcess.ownJvmOptions("moderation-service-2", Map.of("LOAD_JVM_MODERATION_SERVICE", "-Xint")))
                .isEmpty();
        assertThat(ServiceProcess.ownJvmOptions("comment-ingest", Map.of("LOAD_JVM_COMMENT_INGEST", "   ")))
                .isEmpty();
    }
}
