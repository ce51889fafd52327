/**
 * moderation-service: consumes {@code comments.submitted}, runs the site's policy and publishes one outcome per
 * comment in the same Kafka transaction as the consumed offset.
 */
@NullMarked
package io.modstream.moderation;

import org.jspecify.annotations.NullMarked;
