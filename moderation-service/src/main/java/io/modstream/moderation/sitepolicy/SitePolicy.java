package io.modstream.moderation.sitepolicy;

import io.modstream.moderation.policy.Policy;
import io.modstream.moderation.policy.PolicyEngine;

/**
 * One site's policy in force: where it came from and the engine built from it. Immutable and thread-safe.
 *
 * @param siteId the site
 * @param version the version in force, which outcomes record as {@code siteId + "/v" + version}: the one the file
 *     declares, or the next one after the site's latest when the file would take the site back (docs/policies.md)
 * @param engine the engine for this policy
 * @param holdFirstComments how many of a new author's first comments are held for review; 0 for none
 */
public record SitePolicy(String siteId, int version, PolicyEngine engine, int holdFirstComments) {

    public Policy policy() {
        return engine.policy();
    }

    /** The same rules in force as {@code siteId/v<version>}: how a rollback is published as a new version. */
    SitePolicy renumbered(int version) {
        if (version == this.version) {
            return this;
        }
        Policy rules = policy();
        Policy renamed = new Policy(
                siteId + "/v" + version, rules.checks(), rules.markup(), rules.linkableDomains(), rules.language());
        return new SitePolicy(siteId, version, new PolicyEngine(renamed), holdFirstComments);
    }
}
