package io.modstream.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The pieces comments are made of: words, markup, links, contact details, emoji and the usual disguises. */
final class CommentParts {

    private static final String[] WORDS = ("the a of and to in is that it for on was with as this but be at by not "
                    + "are have from or one had all were they we there their which been has more when would if about "
                    + "council mayor budget vote election article reporter story journalism school housing rent "
                    + "traffic bridge river police court judge tax taxes city town village park football match coach "
                    + "season team player goal weather storm flood summer winter climate energy prices inflation "
                    + "bank jobs workers strike nurses hospital doctors government minister policy report data "
                    + "survey people really think agree disagree exactly nonsense wrong right fair honest point "
                    + "question answer years ago remember grandfather neighbours everyone nobody always never "
                    + "maybe perhaps probably actually seriously thanks well written café naïve Zürich déjà vu "
                    + "façade coöperation résumé")
            .split(" ");

    private static final String[] LINKS = {
        "https://www.example.com/news/2026/05/council-budget?utm_source=comment",
        "http://bit.ly/3xYz9Qp",
        "www.cheap-watches-example.net",
        "example.co.uk",
        "news.example.org/article/12345",
        "https://example.com",
        "shop.example.de/angebote",
        "HTTPS://EXAMPLE.ORG/SHOUTING/LINK",
    };

    private static final String[] CONTACTS = {
        "jane.doe@example.com",
        "write to editor (at) example.com",
        "+44 20 7946 0958",
        "(555) 010-4477",
        "call 0800 123 4567 now",
    };

    private static final String[] EMOJI = {"👍", "😂", "🙄", "❤️", "👍🏽", "👨‍👩‍👧", "🇬🇧", "🔥", "☀️", "🤔"};

    private static final String[] MARKUP = {
        "<b>%s</b>",
        "<i>%s</i>",
        "<em>%s</em>",
        "<strong>%s</strong>",
        "<a href=\"https://example.com/story\">%s</a>",
        "<span style=\"color:red\">%s</span>",
        "%s<br>",
        "%s &amp;",
        "<script>alert('%s')</script>",
        "<img src=x onerror=alert(1)>%s",
    };

    private CommentParts() {}

    static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    static String link(Random random) {
        return LINKS[random.nextInt(LINKS.length)];
    }

    static String contact(Random random) {
        return CONTACTS[random.nextInt(CONTACTS.length)];
    }

    static String emoji(Random random) {
        return EMOJI[random.nextInt(EMOJI.length)];
    }

    /** Wraps a word in a tag, from plain formatting to the markup a sanitiser exists for. */
    static String markup(Random random, String word) {
        return String.format(Locale.ROOT, MARKUP[random.nextInt(MARKUP.length)], word);
    }

    /** One of the ways spammers disguise a word from filters. */
    static String disguise(Random random, String word) {
        return switch (random.nextInt(6)) {
            case 0 -> leet(word);
            case 1 -> word.length() < 2 ? word + "\u200B" : word.charAt(0) + "\u200B" + word.substring(1);
            case 2 -> "\u202E" + word + "\u202C"; // right-to-left override: reads backwards
            case 3 -> word + "\u0301\u0302\u0303\u0304\u0306\u0307\u0308"; // zalgo: marks piled on one letter
            case 4 -> word.replace('a', '\u0430').replace('o', '\u043E'); // Cyrillic look-alikes
            default -> String.join(" ", word.split("")); // "f r e e"
        };
    }

    static List<String> leetWords() {
        return List.of("fr33", "v1agr4", "c4sh", "b1tc01n", "l0ans");
    }

    private static String leet(String word) {
        return word.replace('e', '3').replace('a', '4').replace('i', '1').replace('o', '0');
    }
}
