package io.modstream.moderation.policy;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a bare host, a registrable name with no scheme, {@code www.}, port or path, reads as something other than an
 * address, for {@link Links}. Many top-level domains are also file extensions ({@code .py}, {@code .md}, {@code .zip})
 * or the suffix of a framework's name ({@code ASP.NET}, {@code Socket.IO}), and a name written as such is not a link:
 *
 * <ul>
 *   <li>a file name: a name whose ending is far more often a file's ({@code setup.py}, {@code photos.zip},
 *       {@code logo.ai}), unless a link cue comes just before it ("visit", "go to", "check out", "via"); a name that
 *       by convention is a file's ({@code Makefile.in}, {@code requirements.in}); or any name right after a path
 *       separator ({@code scripts/deploy.sh}, {@code C:\tools\run.pl});
 *   <li>code: a name followed by a call's parenthesis ({@code app.run()}, {@code plt.show()});
 *   <li>a tech name: an ending in capitals after a name that is not shouted ({@code Socket.IO}, {@code System.IO},
 *       {@code Json.NET}), or after a short acronym ({@code ASP.NET}, {@code ML.NET}); a namespace of a platform
 *       ({@code java.io}, {@code android.app}); a few frameworks written in lower case ({@code socket.io});
 *   <li>prose: a capitalised ending other than {@code .Com}, {@code .Net} and {@code .Org} (two sentences joined
 *       without a space, {@code agree.Best}, or an abbreviation, {@code M.Sc}).
 * </ul>
 *
 * {@code .COM} and {@code .ORG} in capitals stay links however they are written ({@code Example.COM}), and so does a
 * shouted name ({@code CHEAP-PILLS.NET}). Stateless; looks at most a few words around the name.
 */
final class BareNames {

    /** Endings that are top-level domains but, after a bare name, far more often a file's (checked against the PSL). */
    private static final Set<String> FILE_ENDINGS =
            Set.of(("zip mov py md rs sh so java mo pm pl ps cc ai app mk am ac tf pt gd ml sc sv cr pub mobi "
                            + "properties cab fish ninja one")
                    .split(" "));

    /** Names that by convention are files, whatever follows: {@code Makefile.in}, {@code requirements.in}. */
    private static final Set<String> FILE_NAMES = Set.of(("makefile readme license changelog requirements setup "
                    + "configure dockerfile cmakelists gemfile procfile vagrantfile")
            .split(" "));

    private static final Set<String> TECH_NAMES = Set.of("asp.net", "vb.net", "ado.net", "ml.net", "socket.io");
    /** First labels of platform namespaces, as written: {@code java.io}, {@code android.app}, {@code System.IO}. */
    private static final Set<String> NAMESPACES = Set.of("java", "javax", "android", "kotlin", "System");

    private static final Set<String> CAPITALISED_LINKS = Set.of("com", "net", "org");
    private static final Set<String> CAPITAL_LINKS = Set.of("com", "org", "gov", "edu");
    /** Words right before a name that say it is a place to go: "visit x.zip", "via x.ai". */
    private static final Set<String> LINK_CUES = Set.of("visit", "visiting", "via", "browse", "website", "site");
    /** Verbs that, followed by "to", "at" or "out", also say so: "go to x.zip", "check out x.app". */
    private static final Set<String> GOING = Set.of("go", "goes", "going", "went", "head", "hop", "come", "check");

    private static final int MAX_WORD = 20;

    private BareNames() {}

    /** {@code host} spans {@code [start, end)} of {@code text}; {@code lower} is it in lower case. */
    static boolean readsAsProse(String text, int start, int end, String host, String lower) {
        int dot = host.lastIndexOf('.');
        String ending = lower.substring(dot + 1);
        String name = host.substring(0, dot);
        if (start > 0 && (text.charAt(start - 1) == '/' || text.charAt(start - 1) == '\\')) {
            return true;
        }
        if (end < text.length() && text.charAt(end) == '(') {
            return true;
        }
        boolean capitalised = ending.length() >= 2
                && Character.isUpperCase(host.charAt(dot + 1))
                && host.substring(dot + 2).equals(ending.substring(1));
        if (capitalised && !CAPITALISED_LINKS.contains(ending)) {
            return true;
        }
        boolean capitals = host.substring(dot + 1).equals(ending.toUpperCase(Locale.ROOT)) && ending.length() >= 2;
        boolean shouted = name.equals(name.toUpperCase(Locale.ROOT)) && name.length() > 3;
        if (capitals && !shouted && !CAPITAL_LINKS.contains(ending)) {
            return true;
        }
        int firstDot = host.indexOf('.');
        if (NAMESPACES.contains(host.substring(0, firstDot)) && !CAPITAL_LINKS.contains(ending)) {
            return true;
        }
        return TECH_NAMES.contains(lower)
                || (FILE_NAMES.contains(lower.substring(0, dot)) && !CAPITALISED_LINKS.contains(ending))
                || (FILE_ENDINGS.contains(ending) && !followsLinkCue(text, start));
    }

    /** Whether {@code ending}, in lower case, is a top-level domain that is far more often a file extension. */
    static boolean isFileEnding(String ending) {
        return FILE_ENDINGS.contains(ending);
    }

    private static boolean followsLinkCue(String text, int start) {
        int wordEnd = skipBack(text, start, false);
        int wordStart = skipBack(text, wordEnd, true);
        String word = text.substring(wordStart, wordEnd).toLowerCase(Locale.ROOT);
        if (LINK_CUES.contains(word)) {
            return true;
        }
        if (!word.equals("to") && !word.equals("at") && !word.equals("out")) {
            return false;
        }
        int verbEnd = skipBack(text, wordStart, false);
        return GOING.contains(
                text.substring(skipBack(text, verbEnd, true), verbEnd).toLowerCase(Locale.ROOT));
    }

    /** From {@code at}, back over at most a word's worth of letters ({@code letters}) or of other chars. */
    private static int skipBack(String text, int at, boolean letters) {
        int i = at;
        while (i > 0 && at - i < MAX_WORD && Character.isLetter(text.charAt(i - 1)) == letters) {
            i--;
        }
        return i;
    }
}
