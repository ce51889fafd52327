package io.modstream.moderation.policy;

/**
 * The Portuguese default lists, for Portugal and Brazil: the LDNOOBW Portuguese list (npm naughty-words 1.2.0,
 * CC BY 4.0; entries marked {@code (L)}) classified for a news site, with common insults and slurs added. Words that
 * are ordinary in one sense ({@code pau} a stick, {@code comer} to eat, {@code cu} in chemistry and Romanian,
 * {@code veado} a deer) are listed only in phrases or left out. Left out and why: {@code docs/terms.md}.
 */
final class PortugueseTerms {

    static final String LISTS = """
            [banned]
            caralho           # (L)
            caralhos
            foda              # (L)
            foda-se           # (L)
            fodase
            foder             # (L)
            fodeu
            fodido
            fodida
            fuder
            vai-te foder      # (L)
            vai te foder
            vai se foder
            vai se fuder
            vai tomar no cu   # (L)
            tomar no cu
            toma no cu
            pau no cu
            no cu
            meu cu
            dar o rabo        # (L)
            puta              # (L)
            putas
            puta que pariu    # (L)
            puta que te pariu # (L)
            filho da puta     # (L)
            filha da puta
            filhos da puta
            merda             # (L)
            vai à merda
            cona              # (L) Portugal
            boceta            # (L) Brazil
            xoxota
            xochota           # (L)
            chochota          # (L)
            esporra           # (L)
            punheta
            punheteiro
            cuzão
            arrombado
            arrombada
            vadia             # (L)
            viado
            paneleiro         # (L)
            traveco
            baitola
            boiola
            preto imundo
            judeu sujo
            chupa meu pau
            chupa o meu pau

            [suspect]
            porra             # (L) "damn" and worse in Brazil
            cacete            # (L)
            bosta             # (L)
            cagar             # (L)
            cagando
            sacanagem         # (L)
            queca             # (L)
            colhões           # (L)
            colhoes           # (L)
            cabrão            # (L)
            cabrao            # (L)
            corno             # (L) also a horn in Italian
            corna
            bastardo          # (L)
            otário
            babaca
            imbecil
            idiota
            escroto
            desgraçado
            vagabunda
            safado
            canalha
            retardado
            mongoloide
            bicha             # (L) also a queue in Portugal
            sapatão
            fufa
            crioulo
            pqp
            vsf
            xana              # (L)
            estúpido
            porra-louca

            [allowed]
            # Stays ("ele fica"): hides the Italian entry "fica" when Portuguese is on.
            fica
            # Black: hides the English suspect entry "negro" when Portuguese is on.
            negro
            negra
            negros
            negras
            """;

    private PortugueseTerms() {}
}
