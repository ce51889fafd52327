package io.modstream.moderation.access;

import io.modstream.moderation.ModerationProperties.Role;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Decides whether a signed-in user may act on a site. A user without access to the site gets 404, not 403, so the
 * answer does not reveal which sites exist.
 */
@Component
public class SiteAccess {

    private final StaffDirectory directory;

    SiteAccess(StaffDirectory directory) {
        this.directory = directory;
    }

    /** The signed-in user. */
    public StaffUser staff(Principal principal) {
        return directory.staff(principal.getName());
    }

    /** The user, if they hold {@code role} on {@code siteId}; otherwise an error response. */
    public StaffUser require(Principal principal, Role role, String siteId) {
        StaffUser user = directory.staff(principal.getName());
        if (!user.may(role, siteId)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such site.");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return user;
    }
}
