package io.modstream.moderation.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.modstream.moderation.ModerationProperties.Role;
import io.modstream.moderation.ModerationProperties.User;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Which configured staff are valid: sites are required for site-scoped roles, and only for them. */
class StaffUserValidationTest {

    private static final String HASH = "$2a$04$rfUkuuE.N0JW43JGF1FtaeR6xxu/GHaqOC2CNVvseo5emWoDbH3uy";
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void operatorWithoutSitesIsValid() {
        assertThat(VALIDATOR.validate(new User("olga", HASH, Set.of(Role.OPERATOR), Set.of())))
                .isEmpty();
    }

    @Test
    void moderatorWithoutSitesIsRejected() {
        Set<ConstraintViolation<User>> violations =
                VALIDATOR.validate(new User("mo", HASH, Set.of(Role.MODERATOR), Set.of()));
        assertThat(violations)
                .extracting(ConstraintViolation::getMessage)
                .containsExactly("ADMIN and MODERATOR need at least one site");
    }

    @Test
    void operatorWhoIsAlsoAnAdminNeedsSites() {
        assertThat(VALIDATOR.validate(new User("ann", HASH, Set.of(Role.OPERATOR, Role.ADMIN), Set.of())))
                .hasSize(1);
        assertThat(VALIDATOR.validate(new User("ann", HASH, Set.of(Role.OPERATOR, Role.ADMIN), Set.of("site-a"))))
                .isEmpty();
    }
}
