package io.modstream.moderation.access;

import io.modstream.moderation.ModerationProperties.Role;
import java.util.Set;

/**
 * A signed-in admin, moderator or operator, as the request handlers see them.
 *
 * @param username who
 * @param roles what they may do
 * @param sites the sites they may do it on; empty for someone who is only an operator
 */
public record StaffUser(String username, Set<Role> roles, Set<String> sites) {

    public StaffUser {
        roles = Set.copyOf(roles);
        sites = Set.copyOf(sites);
    }

    /** Whether this user holds {@code role} on {@code siteId}. */
    public boolean may(Role role, String siteId) {
        return roles.contains(role) && sites.contains(siteId);
    }
}
