package io.modstream.moderation.access;

import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, with their roles and sites: what the console shows and offers. */
@RestController
class MeController {

    private final SiteAccess access;

    MeController(SiteAccess access) {
        this.access = access;
    }

    @Operation(summary = "Who is signed in, with roles and sites")
    @GetMapping(path = "/api/v1/me", produces = MediaType.APPLICATION_JSON_VALUE)
    StaffUser me(Principal principal) {
        return access.staff(principal);
    }
}
