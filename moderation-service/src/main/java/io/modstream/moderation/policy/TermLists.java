package io.modstream.moderation.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * One language's default lists, read from the text the lists classes ({@link EnglishTerms} and its siblings) hold:
 * a {@code [banned]}, a {@code [suspect]} and an {@code [allowed]} section, one entry a line (written as in
 * {@link Term}), {@code #} starting a comment. Kept as text in code rather than a resource file because the engine
 * does no I/O. Immutable.
 */
record TermLists(List<String> banned, List<String> suspect, List<String> allowed) {

    TermLists {
        banned = List.copyOf(banned);
        suspect = List.copyOf(suspect);
        allowed = List.copyOf(allowed);
    }

    /**
     * Reads the sections.
     *
     * @throws IllegalArgumentException for an entry before the first section or an unknown section: a mistake in
     *     the shipped lists, found by the tests
     */
    static TermLists parse(String text) {
        List<String> banned = new ArrayList<>();
        List<String> suspect = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        List<String> section = null;
        for (String raw : text.split("\n", -1)) {
            int hash = raw.indexOf('#');
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            switch (line) {
                case "[banned]" -> section = banned;
                case "[suspect]" -> section = suspect;
                case "[allowed]" -> section = allowed;
                default -> {
                    if (section == null || line.startsWith("[")) {
                        throw new IllegalArgumentException("term lists: '" + line + "' is outside a known section");
                    }
                    section.add(line);
                }
            }
        }
        return new TermLists(banned, suspect, allowed);
    }
}
