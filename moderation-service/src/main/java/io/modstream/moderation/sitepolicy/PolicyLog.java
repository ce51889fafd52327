package io.modstream.moderation.sitepolicy;

import java.util.Map;

/**
 * Where every policy version put in force is recorded, so that a site's versions only move forward: across reloads,
 * across restarts, and after a rollback, which is published as a new version rather than taken back.
 */
interface PolicyLog {

    /**
     * The latest version recorded for each site. Throws when the record cannot be read: starting without it could
     * take a site's versions backwards.
     */
    Map<String, Published> latest();

    /** Records a version before it is put in force; throws when it could not be recorded. */
    void record(Published published);

    /**
     * One version of a site's policy as it was put in force.
     *
     * @param siteId the site
     * @param version the version outcomes record as {@code siteId/vN}
     * @param content the policy file, verbatim, so every version can be traced to its rules
     */
    record Published(String siteId, int version, String content) {}
}
