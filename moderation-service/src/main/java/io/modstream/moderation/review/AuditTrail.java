package io.modstream.moderation.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decisions in the order they were made: every decision about one comment (the pipeline's {@code audit} store, keyed
 * by comment id), or one moderator's latest (the {@code moderator-audit} store, keyed by moderator). Immutable.
 *
 * @param entries oldest first
 */
public record AuditTrail(List<AuditEntry> entries) {

    public static final AuditTrail EMPTY = new AuditTrail(List.of());

    public AuditTrail {
        entries = List.copyOf(entries);
    }

    /** The decision that took effect, if one has. */
    public Optional<AuditEntry> applied() {
        return entries.stream().filter(AuditEntry::applied).findFirst();
    }

    /** Whether the trail holds the decision {@code decisionId}. */
    public boolean contains(String decisionId) {
        return entries.stream().anyMatch(entry -> entry.decisionId().equals(decisionId));
    }

    /** This trail with {@code entry} added last, keeping at most the latest {@code max}. */
    public AuditTrail with(AuditEntry entry, int max) {
        List<AuditEntry> longer = new ArrayList<>(entries.size() + 1);
        longer.addAll(entries);
        longer.add(entry);
        return new AuditTrail(longer.size() > max ? longer.subList(longer.size() - max, longer.size()) : longer);
    }
}
