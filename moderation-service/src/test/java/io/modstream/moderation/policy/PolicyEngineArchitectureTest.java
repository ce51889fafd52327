package io.modstream.moderation.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine stays plain Java, so it can be tested in milliseconds and reused anywhere (dry runs, backtests). */
class PolicyEngineArchitectureTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.modstream.moderation.policy");

    @Test
    void engineUsesNoFrameworkNorIo() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "java.io..", "java.nio.file..", "java.net..")
                .check(engine);
    }
}
