package io.modstream.moderation.policy;

import java.util.List;

/**
 * The English term lists shipped with Modstream, written for it (not copied from another list): what a general news
 * site would refuse, what it would have a person look at, and the innocent words that contain either. Entries are
 * written as described in {@link Term}. Where the words come from, the criteria, and how a site extends or replaces
 * them: {@code docs/terms.md}. Kept as code rather than a resource file because the engine does no I/O.
 *
 * <p>The lists contain slurs and obscenities on purpose: a moderation tool has to name what it removes.
 */
final class DefaultTerms {

    /** Obscenities, sexual terms, slurs and incitement to self-harm: never acceptable in a news site's comments. */
    static final List<String> BANNED = List.of(
            // Swearing, with the compounds people build from it.
            "*fuck*",
            "fuk",
            "phuck*",
            "shit*",
            "*shit",
            "cunt*",
            "twat",
            "asshole",
            "arsehole",
            "asswipe",
            "asshat",
            "bitch*",
            "wank*",
            "dickhead",
            "dickwad",
            "cocksuck*",
            // Sexual terms.
            "slut*",
            "whore*",
            "skank*",
            "jizz*",
            "dildo*",
            "blowjob",
            "blow job",
            "handjob",
            "hand job",
            "rimjob",
            "cumshot",
            "bukkake",
            "gangbang*",
            "milf",
            "clit",
            "titties",
            // "Kill yourself" as an abbreviation; the words themselves are also an idiom, so they are suspect.
            "kys",
            // Racial, ethnic and religious slurs.
            "nigger",
            "nigga",
            "niggaz",
            "sandnigger",
            "kike",
            "kyke",
            "spic",
            "wetback",
            "beaner",
            "gook",
            "raghead",
            "towelhead",
            "paki",
            "wog",
            "golliwog",
            "porch monkey",
            "jungle bunny",
            "dago",
            "wop",
            "polack",
            "gyppo",
            "pikey",
            // Slurs about sexuality and gender.
            "faggot",
            "tranny",
            "shemale");

    /**
     * Milder insults and words that are slurs in one sense and innocent in another: a person decides. Words whose
     * innocent sense is common (dick, cock, prick) are left out; a site that wants them adds them.
     */
    static final List<String> SUSPECT = List.of(
            // Insults aimed at the person.
            "idiot*",
            "moron*",
            "stupid",
            "dumb",
            "dumbass",
            "jackass",
            "imbecile",
            "cretin*",
            "halfwit",
            "dimwit",
            "nitwit",
            "numpty",
            "pillock",
            "plonker",
            "tosser",
            "twit",
            "jerk",
            "scum",
            "scumbag",
            "douche*",
            "bastard",
            "libtard",
            "retard",
            "spastic",
            "spaz",
            "mong",
            "nonce",
            "slag",
            "kill yourself",
            "kill urself",
            "neck yourself",
            // Mild swearing.
            "bollocks",
            "bugger",
            "arse",
            "ass",
            "piss",
            "crap",
            "bellend",
            "knobhead",
            "tits",
            "pussy",
            "wtf",
            "stfu",
            "gtfo",
            // Slurs in one sense, ordinary words or names in another.
            "chink",
            "coon",
            "fag",
            "dyke",
            "yid",
            "kraut",
            "negro",
            "redskin",
            "squaw",
            "honky");

    /** Innocent words and phrases that contain a listed term where the word boundaries alone do not help. */
    static final List<String> ALLOWED = List.of(
            "shittim",
            "shiitake",
            "shitake",
            "shitterton",
            "twatt",
            "wankel",
            "spice*",
            "slut sham*",
            "slutshaming",
            "slutsk",
            "moroni",
            "dumbed down",
            "dumbing down",
            "knee jerk",
            "jerk chicken",
            "slag heap*",
            "blue tits",
            "great tits",
            "coal tits",
            "long tailed tits",
            "pussy riot",
            "pussy willow*",
            "pussy cat*",
            "chink in",
            "chinks in",
            "chink of",
            "chinking",
            "maine coon",
            "fag end",
            "van dyke",
            "offa's dyke",
            "rio negro",
            "honky tonk",
            "mong kok");

    private DefaultTerms() {}
}
