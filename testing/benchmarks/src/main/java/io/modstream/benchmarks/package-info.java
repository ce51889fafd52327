/**
 * JMH benchmarks of the policy engine under the policy every site gets by default ({@code policies/default.yml},
 * read from moderation-service's jar, so new checks are measured as soon as the default policy lists them), against
 * jsoup's {@code clean} alone on the same comments. Run by hand, never in the build; {@code docs/benchmarks.md} has
 * the commands and the figures.
 */
package io.modstream.benchmarks;
