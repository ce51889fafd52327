/**
 * What operators watch: readiness (broker reachable, views caught up), build and policy versions in
 * {@code /actuator/info}, and the service's own metrics for Prometheus.
 */
@NullMarked
package io.modstream.moderation.observability;

import org.jspecify.annotations.NullMarked;
