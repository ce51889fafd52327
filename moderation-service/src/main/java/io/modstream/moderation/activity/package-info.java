/**
 * What each author posted recently on each site, for the duplicate and flood checks. Kafka holds it: the compacted
 * topic {@code authors.activity}, keyed by site and author, is written in the same transaction as each outcome, and
 * every instance reads it whole at start and follows it, so the checks work across restarts and instances.
 */
@NullMarked
package io.modstream.moderation.activity;

import org.jspecify.annotations.NullMarked;
