package io.modstream.moderation.policy;

/**
 * The French default lists: the LDNOOBW French list (npm naughty-words 1.2.0, CC BY 4.0; entries marked {@code (L)})
 * classified for a news site, with common insults and slurs added. Words that are ordinary in another language or
 * sense ({@code con} in Spanish and Italian, {@code bite} in English, {@code cul} inside "cull", {@code baiser} a
 * kiss whose verb forms fold to {@code baisse}) are listed only in phrases. Left out and why: {@code docs/terms.md}.
 */
final class FrenchTerms {

    static final String LISTS = """
            [banned]
            putain            # (L)
            pute              # (L)
            putes
            fils de pute      # (L)
            fille de pute     # (L)
            fdp
            salope            # (L)
            salopes
            connard           # (L)
            connards
            connasse          # (L)
            enculé*           # (L) enculé, enculée, enculer, enculeur(s)
            merde             # (L)
            merdes
            merdeux           # (L)
            merdeuse          # (L)
            va te faire foutre
            sac à foutre      # (L)
            nique ta mère     # (L)
            nique ta race     # (L)
            niquer
            nique
            niqué
            ntm
            trou du cul       # (L)
            trouduc
            branlette         # (L)
            branler           # (L)
            branle
            je m'en branle
            suce ma bite
            ma bite
            ta bite
            sa bite
            tête de bite
            tete de bite
            bite à
            cramouille        # (L)
            pouffiasse        # (L)
            pédé              # (L)
            pédés
            gouine            # (L)
            gouines
            nègre             # (L)
            nègres
            négro
            bougnoule
            youpin
            youpine
            bicot
            chinetoque
            tarlouze
            tantouze
            enculé de pédé
            sale juif
            sale arabe
            sale noir
            mange-merde
            mange merde

            [suspect]
            salaud            # (L)
            salauds
            salopard
            enfoiré*          # (L)
            abruti
            abrutis
            débile
            conne             # (L)
            connes
            quel con          # (L) con alone is "with" in Spanish and Italian
            gros con
            pauvre con
            sale con
            petit con
            vieux con
            espèce de con
            bande de cons
            couillon
            couilles          # (L)
            on s'en bat les couilles
            branleur          # (L)
            branleuse         # (L)
            bâtard
            bâtards
            emmerde*          # (L) emmerder, emmerdeur, emmerdeuse
            emmerdant         # (L)
            chier             # (L)
            fait chier
            va chier
            chiant
            chiante
            chiottes          # (L)
            pisser            # (L)
            ta gueule         # (L) gueule alone: "gueule de bois"
            ferme ta gueule
            bordel            # (L)
            pétasse
            grognasse
            grogniasse        # (L)
            tocard
            teubé
            mon cul
            ton cul
            lèche-cul
            lèche cul
            chatte            # (L) also a female cat
            teuch             # (L)
            tringler          # (L)
            bamboula
            turlute           # (L)

            [allowed]
            cul de sac
            culs de sac
            bite d'amarrage
            bites d'amarrage
            """;

    private FrenchTerms() {}
}
