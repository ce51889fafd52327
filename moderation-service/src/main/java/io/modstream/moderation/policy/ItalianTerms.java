package io.modstream.moderation.policy;

/**
 * The Italian default lists: the LDNOOBW Italian list (npm naughty-words 1.2.0, CC BY 4.0; entries marked
 * {@code (L)}) classified for a news site, with common insults, slurs and blasphemies (bestemmie, which Italian
 * sites remove) added. Many LDNOOBW entries are ordinary words in their first sense (pesce, regina, vacca, palle,
 * finocchio) and are left out; the allowed list keeps Troy, trowels and strontium clear. Left out and why:
 * {@code docs/terms.md}.
 */
final class ItalianTerms {

    static final String LISTS = """
            [banned]
            cazz*             # (L) cazzo, cazzata, cazzone, cazzimma; see cazzuola in the allowed list
            *cazzo
            testa di cazzo    # (L)
            ciucciami il cazzo # (L)
            vaffanculo        # (L)
            fanculo
            affanculo
            in culo
            stronz*           # (L) stronzo, stronza, stronzata; see stronzio in the allowed list
            coglion*          # (L) coglione, coglioni, coglionata
            rompicoglioni
            puttana           # (L)
            puttane
            puttanata
            porca puttana     # (L)
            figlio di puttana # (L)
            figli di puttana
            zoccola           # (L)
            zoccole
            mignotta          # (L)
            mignotte
            baldracca         # (L)
            bagascia          # (L)
            bagassa           # (L)
            merda             # (L)
            merde
            merdata           # (L)
            merdoso           # (L)
            merdosa
            pezzo di merda
            minchia           # (L)
            testa di minchia
            fottere           # (L)
            fottersi          # (L)
            fottiti
            fottuto
            fottuta
            pompino           # (L)
            pompini
            spompinare        # (L)
            bocchinara        # (L)
            sborra*           # (L) sborra, sborrata
            sborrone          # (L)
            chiavare          # (L)
            chiavata          # (L)
            segaiolo
            succhiami         # (L)
            puppami           # (L)
            frocio            # (L)
            froci
            froscio           # (L)
            ricchione
            recchione         # (L)
            culattone         # (L)
            culattona
            culattina         # (L)
            busone            # (L)
            bucaiolo          # (L)
            arruso            # (L)
            terrone           # (L)
            terroni
            porco dio
            dio porco
            dio cane
            porca madonna     # (L)
            madonna puttana
            zingaro di merda
            lesbicona

            [suspect]
            troia             # (L) see Troy in the allowed list
            troie
            figlio di troia
            cornuto           # (L)
            cornuti
            minchione         # (L)
            pirla             # (L)
            leccaculo         # (L)
            rompipalle        # (L)
            rompiballe        # (L)
            rincoglion*       # (L)
            incazz*           # (L) incazzato: angry and vulgar
            cretino
            deficiente
            imbecille         # (L)
            scemo
            scema
            bastardo
            bastarda
            mongoloide
            checca            # (L)
            polentone
            negro             # a slur in Italian; black in Spanish and Portuguese (their allowed lists)
            negri
            idiota
            idioti
            culo              # (L)
            figa              # (L) see figata in the allowed list
            fica              # (L) also "stays" in Portuguese
            fregna            # (L)
            sorca             # (L)
            patonza           # (L)
            sticchio          # (L)
            nerchia           # (L)
            tette             # (L)
            zinne             # (L)
            scopare           # (L) also to sweep
            scopata           # (L)
            trombare          # (L)
            sveltina          # (L)
            pecorina          # (L)
            bocchino          # (L) also a cigarette holder
            cagare            # (L)
            cagata            # (L)
            va a cagare
            pisciare          # (L)
            socmel            # (L)
            battona           # (L)
            bordello          # (L)
            belino            # (L)
            cagna             # (L)
            arrapato          # (L)

            [allowed]
            cavallo di troia
            cavalli di troia
            guerra di troia
            elena di troia
            troia in puglia
            cazzuol*
            stronzio
            figata
            figate
            """;

    private ItalianTerms() {}
}
