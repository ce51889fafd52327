package io.modstream.moderation.policy;

import io.modstream.events.Reason;
import io.modstream.events.ReasonCodes;
import java.util.List;
import java.util.Map;

/**
 * The messages a commenter reads, in the site's {@link Language}. The checks write their messages in English; the
 * engine translates each reason here as it builds the outcome, so a check never needs to know the site's language.
 * A message is looked up by its English sentence, with its number (a length limit) taken out and put back; a
 * sentence this table does not know gets the general message for its reason code, so a reworded check still speaks
 * the commenter's language. {@link ReasonCodes#PATTERN} messages are the site's own words and are left as written.
 * Immutable and thread-safe.
 */
final class CommenterMessages {

    /** Translations in the order ES, FR, DE, PT, IT, keyed by the English sentence with its number as {@code {n}}. */
    private static final Map<String, List<String>> SENTENCES = Map.ofEntries(
            Map.entry(
                    "Comments may not contain links to other websites.",
                    List.of(
                            "Los comentarios no pueden contener enlaces a otros sitios web.",
                            "Les commentaires ne peuvent pas contenir de liens vers d'autres sites.",
                            "Kommentare dürfen keine Links zu anderen Websites enthalten.",
                            "Os comentários não podem conter links para outros sites.",
                            "I commenti non possono contenere link ad altri siti.")),
            Map.entry(
                    "Comments may not contain e-mail addresses.",
                    List.of(
                            "Los comentarios no pueden contener direcciones de correo electrónico.",
                            "Les commentaires ne peuvent pas contenir d'adresses e-mail.",
                            "Kommentare dürfen keine E-Mail-Adressen enthalten.",
                            "Os comentários não podem conter endereços de e-mail.",
                            "I commenti non possono contenere indirizzi e-mail.")),
            Map.entry(
                    "Comments may not contain phone numbers.",
                    List.of(
                            "Los comentarios no pueden contener números de teléfono.",
                            "Les commentaires ne peuvent pas contenir de numéros de téléphone.",
                            "Kommentare dürfen keine Telefonnummern enthalten.",
                            "Os comentários não podem conter números de telefone.",
                            "I commenti non possono contenere numeri di telefono.")),
            Map.entry(
                    "This comment contains language the site does not allow.",
                    List.of(
                            "Este comentario contiene lenguaje que el sitio no permite.",
                            "Ce commentaire contient des propos que le site n'autorise pas.",
                            "Dieser Kommentar enthält Ausdrücke, die die Seite nicht erlaubt.",
                            "Este comentário contém linguagem que o site não permite.",
                            "Questo commento contiene un linguaggio che il sito non consente.")),
            Map.entry(
                    "Comments with this language are checked by a moderator first, unless the site trusts their author.",
                    List.of(
                            "Los comentarios con este lenguaje los revisa antes un moderador, salvo que el sitio confíe"
                                    + " en su autor.",
                            "Les commentaires avec ces propos sont d'abord relus par un modérateur, sauf si le site fait"
                                    + " confiance à leur auteur.",
                            "Kommentare mit solchen Ausdrücken prüft zuerst ein Moderator, außer die Seite vertraut"
                                    + " ihrem Autor.",
                            "Comentários com esta linguagem são revistos primeiro por um moderador, a menos que o site"
                                    + " confie no autor.",
                            "I commenti con questo linguaggio vengono prima controllati da un moderatore, a meno che il"
                                    + " sito non si fidi dell'autore.")),
            Map.entry(
                    "The comment contains hidden or disguising characters.",
                    List.of(
                            "El comentario contiene caracteres ocultos o que disfrazan el texto.",
                            "Le commentaire contient des caractères cachés ou trompeurs.",
                            "Der Kommentar enthält versteckte oder verschleiernde Zeichen.",
                            "O comentário contém caracteres ocultos ou que disfarçam o texto.",
                            "Il commento contiene caratteri nascosti o ingannevoli.")),
            Map.entry(
                    "Comments must be at least {n} characters long.",
                    List.of(
                            "Los comentarios deben tener al menos {n} caracteres.",
                            "Les commentaires doivent contenir au moins {n} caractères.",
                            "Kommentare müssen mindestens {n} Zeichen lang sein.",
                            "Os comentários devem ter pelo menos {n} caracteres.",
                            "I commenti devono avere almeno {n} caratteri.")),
            Map.entry(
                    "Comments may be at most {n} characters long.",
                    List.of(
                            "Los comentarios pueden tener como máximo {n} caracteres.",
                            "Les commentaires peuvent contenir au plus {n} caractères.",
                            "Kommentare dürfen höchstens {n} Zeichen lang sein.",
                            "Os comentários podem ter no máximo {n} caracteres.",
                            "I commenti possono avere al massimo {n} caratteri.")),
            Map.entry(
                    "The comment is too short or too long for this site.",
                    List.of(
                            "El comentario es demasiado corto o demasiado largo para este sitio.",
                            "Le commentaire est trop court ou trop long pour ce site.",
                            "Der Kommentar ist für diese Seite zu kurz oder zu lang.",
                            "O comentário é curto ou longo demais para este site.",
                            "Il commento è troppo corto o troppo lungo per questo sito.")),
            Map.entry(
                    "You have already posted this comment.",
                    List.of(
                            "Ya has publicado este comentario.",
                            "Vous avez déjà publié ce commentaire.",
                            "Sie haben diesen Kommentar bereits veröffentlicht.",
                            "Você já publicou este comentário.",
                            "Hai già pubblicato questo commento.")),
            Map.entry(
                    "You are posting too fast; please wait a little.",
                    List.of(
                            "Estás publicando demasiado rápido; espera un poco.",
                            "Vous publiez trop vite ; veuillez patienter un peu.",
                            "Sie schreiben zu schnell; bitte warten Sie einen Moment.",
                            "Você está publicando rápido demais; aguarde um pouco.",
                            "Stai pubblicando troppo in fretta; attendi un momento.")),
            Map.entry(
                    "The comment repeats a character many times.",
                    List.of(
                            "El comentario repite un carácter muchas veces.",
                            "Le commentaire répète un caractère de nombreuses fois.",
                            "Der Kommentar wiederholt ein Zeichen sehr oft.",
                            "O comentário repete um caractere muitas vezes.",
                            "Il commento ripete un carattere molte volte.")),
            Map.entry(
                    "The comment mentions too many people.",
                    List.of(
                            "El comentario menciona a demasiadas personas.",
                            "Le commentaire mentionne trop de personnes.",
                            "Der Kommentar erwähnt zu viele Personen.",
                            "O comentário menciona pessoas demais.",
                            "Il commento menziona troppe persone.")),
            Map.entry(
                    "The comment contains too many emoji.",
                    List.of(
                            "El comentario contiene demasiados emojis.",
                            "Le commentaire contient trop d'émojis.",
                            "Der Kommentar enthält zu viele Emojis.",
                            "O comentário contém emojis demais.",
                            "Il commento contiene troppe emoji.")),
            Map.entry(
                    "Please don't shout: the comment is mostly capital letters.",
                    List.of(
                            "Por favor, no grites: el comentario está casi todo en mayúsculas.",
                            "Merci de ne pas crier : le commentaire est presque tout en majuscules.",
                            "Bitte nicht schreien: Der Kommentar besteht fast nur aus Großbuchstaben.",
                            "Por favor, não grite: o comentário está quase todo em maiúsculas.",
                            "Per favore non urlare: il commento è quasi tutto in maiuscolo.")),
            Map.entry(
                    "The comment contains far too much markup.",
                    List.of(
                            "El comentario contiene demasiado código de formato.",
                            "Le commentaire contient beaucoup trop de balises.",
                            "Der Kommentar enthält viel zu viel Markup.",
                            "O comentário contém marcação demais.",
                            "Il commento contiene troppo markup.")),
            Map.entry(
                    "This site does not accept comments with markup.",
                    List.of(
                            "Este sitio no acepta comentarios con código de formato.",
                            "Ce site n'accepte pas les commentaires contenant des balises.",
                            "Diese Seite nimmt keine Kommentare mit Markup an.",
                            "Este site não aceita comentários com marcação.",
                            "Questo sito non accetta commenti con markup.")),
            Map.entry(
                    "This site does not accept comments with markup beyond basic formatting.",
                    List.of(
                            "Este sitio no acepta comentarios con más formato que el básico.",
                            "Ce site n'accepte pas les commentaires avec une mise en forme au-delà de la base.",
                            "Diese Seite nimmt keine Kommentare mit mehr als einfacher Formatierung an.",
                            "Este site não aceita comentários com formatação além da básica.",
                            "Questo sito non accetta commenti con formattazione oltre quella di base.")),
            Map.entry(
                    "This site does not accept comments with scripts or styles.",
                    List.of(
                            "Este sitio no acepta comentarios con scripts o estilos.",
                            "Ce site n'accepte pas les commentaires contenant des scripts ou des styles.",
                            "Diese Seite nimmt keine Kommentare mit Skripten oder Stilen an.",
                            "Este site não aceita comentários com scripts ou estilos.",
                            "Questo sito non accetta commenti con script o stili.")),
            Map.entry(
                    "Comments with markup are checked by a moderator first.",
                    List.of(
                            "Los comentarios con código de formato los revisa antes un moderador.",
                            "Les commentaires contenant des balises sont d'abord relus par un modérateur.",
                            "Kommentare mit Markup prüft zuerst ein Moderator.",
                            "Comentários com marcação são revistos primeiro por um moderador.",
                            "I commenti con markup vengono prima controllati da un moderatore.")),
            Map.entry(
                    "Comments with markup beyond basic formatting are checked by a moderator first.",
                    List.of(
                            "Los comentarios con más formato que el básico los revisa antes un moderador.",
                            "Les commentaires avec une mise en forme au-delà de la base sont d'abord relus par un"
                                    + " modérateur.",
                            "Kommentare mit mehr als einfacher Formatierung prüft zuerst ein Moderator.",
                            "Comentários com formatação além da básica são revistos primeiro por um moderador.",
                            "I commenti con formattazione oltre quella di base vengono prima controllati da un"
                                    + " moderatore.")),
            Map.entry(
                    "Comments with scripts or styles are checked by a moderator first.",
                    List.of(
                            "Los comentarios con scripts o estilos los revisa antes un moderador.",
                            "Les commentaires contenant des scripts ou des styles sont d'abord relus par un"
                                    + " modérateur.",
                            "Kommentare mit Skripten oder Stilen prüft zuerst ein Moderator.",
                            "Comentários com scripts ou estilos são revistos primeiro por um moderador.",
                            "I commenti con script o stili vengono prima controllati da un moderatore.")),
            Map.entry(
                    "Markup is left out of comments; on its own it does not hold or reject one.",
                    List.of(
                            "El código de formato se quita de los comentarios; por sí solo no los retiene ni los"
                                    + " rechaza.",
                            "Les balises sont retirées des commentaires ; à elles seules, elles ne les bloquent ni ne"
                                    + " les refusent.",
                            "Markup wird aus Kommentaren entfernt; allein hält es keinen zurück und lehnt keinen ab.",
                            "A marcação é retirada dos comentários; por si só não os retém nem os rejeita.",
                            "Il markup viene tolto dai commenti; da solo non li trattiene né li rifiuta.")),
            Map.entry(
                    "Markup beyond basic formatting is left out of comments; on its own it does not hold or reject"
                            + " one.",
                    List.of(
                            "El formato más allá del básico se quita de los comentarios; por sí solo no los retiene"
                                    + " ni los rechaza.",
                            "La mise en forme au-delà de la base est retirée des commentaires ; à elle seule, elle ne"
                                    + " les bloque ni ne les refuse.",
                            "Formatierung über das Einfache hinaus wird aus Kommentaren entfernt; allein hält sie"
                                    + " keinen zurück und lehnt keinen ab.",
                            "A formatação além da básica é retirada dos comentários; por si só não os retém nem os"
                                    + " rejeita.",
                            "La formattazione oltre quella di base viene tolta dai commenti; da sola non li trattiene"
                                    + " né li rifiuta.")),
            Map.entry(
                    "Scripts and styles are left out of comments; on their own they do not hold or reject one.",
                    List.of(
                            "Los scripts y estilos se quitan de los comentarios; por sí solos no los retienen ni los"
                                    + " rechazan.",
                            "Les scripts et les styles sont retirés des commentaires ; à eux seuls, ils ne les"
                                    + " bloquent ni ne les refusent.",
                            "Skripte und Stile werden aus Kommentaren entfernt; allein halten sie keinen zurück und"
                                    + " lehnen keinen ab.",
                            "Scripts e estilos são retirados dos comentários; por si só não os retêm nem os"
                                    + " rejeitam.",
                            "Script e stili vengono tolti dai commenti; da soli non li trattengono né li"
                                    + " rifiutano.")));

    /** The general message of each reason code a check reports, for a sentence {@link #SENTENCES} does not know. */
    private static final Map<String, String> GENERAL = Map.ofEntries(
            Map.entry(ReasonCodes.LINK, "Comments may not contain links to other websites."),
            Map.entry(ReasonCodes.EMAIL, "Comments may not contain e-mail addresses."),
            Map.entry(ReasonCodes.PII, "Comments may not contain phone numbers."),
            Map.entry(ReasonCodes.MARKUP, "This site does not accept comments with markup."),
            Map.entry(ReasonCodes.BANNED_TERM, "This comment contains language the site does not allow."),
            Map.entry(
                    ReasonCodes.SUSPECT_TERM,
                    "Comments with this language are checked by a moderator first, unless the site trusts their"
                            + " author."),
            Map.entry(ReasonCodes.SPAM, "The comment repeats a character many times."),
            Map.entry(ReasonCodes.UNICODE, "The comment contains hidden or disguising characters."),
            Map.entry(ReasonCodes.LENGTH, "The comment is too short or too long for this site."),
            Map.entry(ReasonCodes.DUPLICATE, "You have already posted this comment."),
            Map.entry(ReasonCodes.FLOOD, "You are posting too fast; please wait a little."));

    private static final List<Language> COLUMNS =
            List.of(Language.ES, Language.FR, Language.DE, Language.PT, Language.IT);

    private final Language language;

    private CommenterMessages(Language language) {
        this.language = language;
    }

    static CommenterMessages in(Language language) {
        return new CommenterMessages(language);
    }

    /** The reason with its message in this language; the same reason in English or for a site's own pattern. */
    Reason translate(Reason reason) {
        if (language == Language.EN || reason.code().equals(ReasonCodes.PATTERN)) {
            return reason;
        }
        String message = reason.message();
        int digits = firstDigit(message);
        int end = Math.max(digits, 0);
        while (end < message.length() && Character.isDigit(message.charAt(end))) {
            end++;
        }
        String number = digits < 0 ? "" : message.substring(digits, end);
        String sentence = digits < 0 ? message : message.substring(0, digits) + "{n}" + message.substring(end);
        List<String> translations = SENTENCES.get(sentence);
        if (translations == null) {
            String general = GENERAL.get(reason.code());
            if (general == null) {
                return reason;
            }
            translations = SENTENCES.get(general);
        }
        String translated = translations.get(COLUMNS.indexOf(language)).replace("{n}", number);
        return new Reason(reason.code(), translated, reason.start(), reason.end());
    }

    /** Whether {@code english} is a sentence this table translates, its number aside; for the tests. */
    static boolean knows(String english) {
        int digits = firstDigit(english);
        if (digits < 0) {
            return SENTENCES.containsKey(english);
        }
        int end = digits;
        while (end < english.length() && Character.isDigit(english.charAt(end))) {
            end++;
        }
        return SENTENCES.containsKey(english.substring(0, digits) + "{n}" + english.substring(end));
    }

    private static int firstDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
