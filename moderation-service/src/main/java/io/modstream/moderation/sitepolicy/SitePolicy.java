package io.modstream.moderation.sitepolicy;

import io.modstream.moderation.policy.Policy;
import io.modstream.moderation.policy.PolicyEngine;

/**
 * One site's policy in force: where it came from and the engine built from it. Immutable and thread-safe.
 *
 * @param siteId the site
 * @param version the version the file declares; outcomes record {@code siteId + "/v" + version}
 * @param engine the engine for this policy
 * @param holdFirstComments how many of a new author's first comments are held for review; 0 for none
 */
public record SitePolicy(String siteId, int version, PolicyEngine engine, int holdFirstComments) {

    public Policy policy() {
        return engine.policy();
    }
}
