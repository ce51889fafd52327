package io.modstream.load;

import java.util.Random;

/**
 * What {@link CommentMix} builds comments from. The ordinary words are checked against the default term lists
 * (docs/terms.md): none is on the banned or suspect list, and no sentence has digits, at signs or domain-like
 * words, so a clean comment trips no check of the default policy.
 */
final class Words {

    static final String[] OPENERS = {
        "I think",
        "Honestly,",
        "As someone who lives nearby, I would say",
        "To be fair,",
        "In my experience",
        "My neighbours and I agree that",
        "It seems to me that",
        "Like many readers, I feel",
        "After reading this twice, I believe",
        "With respect to the reporter,",
        "Having worked in the area for years, I know",
        "Call me old fashioned, but",
    };

    static final String[] SUBJECTS = {
        "the council",
        "the new budget",
        "this article",
        "the mayor",
        "the bus service",
        "the local school",
        "the hospital board",
        "the football club",
        "the bridge repair",
        "the housing plan",
        "the weather service",
        "the library",
        "the train company",
        "the new park",
        "the Saturday market",
        "the planning committee",
        "the regional government",
        "the water company",
        "the cycling lane on the high street",
        "the museum",
    };

    static final String[] PREDICATES = {
        "deserves more attention than it gets",
        "should publish the full report",
        "has been slow to answer the questions of residents",
        "made a sensible decision this time",
        "needs a clearer plan for next year",
        "is doing better than people expected",
        "keeps changing its mind about the details",
        "could learn a lot from the towns along the coast",
        "was explained very well in this piece",
        "will cost more than anyone admits",
        "ought to listen to the people who use it every day",
        "has quietly improved over the last few months",
        "is a good example of careful spending",
        "seems to forget about older residents",
        "would benefit from a public meeting",
        "looks much better since the spring",
    };

    static final String[] TAILS = {
        // Most sentences end without one.
        "",
        "",
        "",
        "",
        "",
        "",
        " after the election",
        " in the long run",
        " for families like mine",
        " according to the figures",
        " if you ask me",
        " despite the weather",
        " as far as I can tell",
    };

    static final String[] QUESTIONS = {
        "will publish the next report",
        "plans to hold the consultation",
        "is going to reopen",
        "expects to finish the work",
        "will answer the letters from residents",
    };

    /** The link check of the default policy rejects every one of these. */
    static final String[] LINKS = {
        "More here: https://www.example.com/news/council-budget?utm_source=comment",
        "See www.cheap-watches-example.net for the real story.",
        "Full details at news.example.org/article/budget-review",
        "My blog covers this: http://blog.example.net/why-they-are-wrong",
        "Read example.co.uk before you reply.",
    };

    /** Obscenities on the default banned list: the comment is rejected. */
    static final String[] OBSCENITIES = {
        "What a load of shit.",
        "This is bullshit from start to finish.",
        "Fucking ridiculous.",
        "The author is an asshole.",
    };

    /** Insults on the default suspect list: the comment is held for a moderator. */
    static final String[] INSULTS = {
        "Only an idiot would believe this.",
        "The reporter is a moron.",
        "What a stupid idea.",
        "Whoever wrote this is a tosser.",
    };

    /** Markup the sanitiser exists for; the default policy strips it and lets the text through. */
    static final String[] HOSTILE_MARKUP = {
        "<script>fetch('/steal?c=' + escape(cookie))</script>",
        "<img src=x onerror=\"alert(1)\">",
        "<div onmouseover=\"fetch('/api/token')\">hover here</div>",
        "<style>body { display: none }</style><b>gone</b>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<svg onload=alert(origin)></svg>",
    };

    /** The articles commented on (thread ids). */
    static final String[] THREADS = {
        "council-budget-vote",
        "bridge-repair-delayed",
        "new-park-opens",
        "school-results",
        "storm-damage",
        "bus-timetable-changes",
        "hospital-waiting-times",
        "market-returns",
        "football-promotion",
        "housing-plan-approved",
    };

    static final String[] NAMES = {
        "Ada", "Bo", "Chidi", "Dana", "Emil", "Fatima", "Greta", "Hugo", "Ines", "Jonas", "Kiri", "Lena", "Mateo",
        "Nora",
    };

    private Words() {}

    static String pick(Random random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }
}
