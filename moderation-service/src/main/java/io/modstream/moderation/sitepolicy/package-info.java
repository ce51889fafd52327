/**
 * Site policies as files: each site's house rules in a YAML file, parsed into an engine
 * {@link io.modstream.moderation.policy.Policy} with errors that name the line and field, versioned, and reloaded
 * while the service runs; an invalid new version is refused and the previous one stays in force.
 */
@NullMarked
package io.modstream.moderation.sitepolicy;

import org.jspecify.annotations.NullMarked;
