#!/usr/bin/env python3
"""Writes the vocabulary tables of src/test/resources/evaluation/abuse/ (issue 13, vocabulary and languages).

Each table puts words in sentence templates written the way people write comments under news articles. The words
and templates are chosen from how people write, not from what the term lists contain, so a word the lists miss shows
up as a miss. Deterministic: the same script writes the same files (a fixed seed, sorted inputs).

    python3 moderation-service/src/test/evaluation-tools/vocabulary_tables.py

The tables contain slurs and obscenities on purpose: a moderation tool is measured on what it must remove.
"""
import pathlib
import random

OUT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "evaluation" / "abuse"
ROWS = 220


def pick(rng, words, templates, n):
    """n distinct (word, template) sentences, every word used before any is used twice."""
    if n > len(words) * len(templates):
        raise ValueError(f"{n} rows wanted from {len(words)} words and {len(templates)} templates")
    rows, seen = [], set()
    order = []
    while len(rows) < n:
        if not order:
            order = list(words)
            rng.shuffle(order)
        word = order.pop()
        for _ in range(200):
            sentence = rng.choice(templates).format(w=word, W=word[:1].upper() + word[1:])
            if sentence not in seen:
                seen.add(sentence)
                rows.append((sentence, word))
                break
    return rows


def write(name, header, label, rows):
    lines = [f"# {line}" if line else "#" for line in header]
    for text, note in rows:
        lines.append(f"{label}\t{text}\t{note}")
    (OUT / f"{name}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def insults_and_clauses(rng, insults, insult_templates, clauses, clause_templates, slurs, slur_templates, n):
    third = n // 3
    rows = pick(rng, insults, insult_templates, n - 2 * third)
    rows += pick(rng, clauses, clause_templates, third)
    rows += pick(rng, slurs, slur_templates, third)
    rng.shuffle(rows)
    return rows


# ---------------------------------------------------------------------------------------------------------------
# English

EN_INSULT_TEMPLATES = [
    "The minister is a total {w}.",
    "Anyone who believes this is a {w}",
    "What a {w}. Resign already.",
    "shut up you {w}",
    "Only a {w} would write an article like this.",
    "The councillor who signed this off is a {w} and everyone knows it",
    "you absolute {w}",
    "{W}. That's all I have to say about the new mayor.",
    "Typical {w}, blaming everyone else for his own mess.",
    "The ref was a {w} all afternoon.",
    "My MP is a lying {w} and I will not vote for him again.",
    "Don't listen to him, he's a {w}",
    "Whoever parked there is a {w}",
    "The landlord is a greedy {w} who never fixes anything.",
    "lol what a {w}",
]
EN_CLAUSE_TEMPLATES = [
    "{W}, this paper has gone downhill.",
    "{W}. Another tax rise and nothing to show for it.",
    "Honestly {w}, who approved this?",
    "I read the whole article and {w}.",
    "{W}!!! The trains are late again",
    "The report says costs will fall but {w}.",
    "Third time this month the bins weren't collected. {W}.",
    "So the bypass is delayed again... {w}",
]
EN_SLUR_TEMPLATES = [
    "Send the {w}s back where they came from.",
    "Of course it was a {w} who did it.",
    "The estate is full of {w}s now.",
    "Another {w} running the council, what a surprise",
    "No {w}s in our village.",
    "That {w} should not be allowed to teach kids.",
    "Just another {w} living off benefits",
    "Bet the {w} gets off with a fine.",
]

PLAIN_COMMON_INSULTS = [
    "asshole", "arsehole", "cunt", "bitch", "bastard", "dickhead", "prick", "dick", "wanker", "twat", "tosser",
    "idiot", "moron", "jackass", "dumbass", "douchebag", "scumbag", "motherfucker", "cocksucker", "shithead",
    "piece of shit", "fuckwit", "dipshit", "knobhead", "bellend", "slut", "whore", "pussy", "fucking idiot",
    "stupid bitch", "dumb fuck", "imbecile", "cretin", "son of a bitch", "jerk", "fuckhead", "skank", "pillock",
]
PLAIN_COMMON_CLAUSES = [
    "fuck off", "fuck this", "what the fuck", "this is bullshit", "holy shit", "bollocks to that", "piss off",
    "fucking ridiculous", "what a load of shit", "this is crap", "it's a shitshow", "wtf", "stfu", "fuck me",
    "goddamn it", "fuck the lot of them", "what a fucking joke", "bloody bullshit", "absolute bollocks",
    "shit like this", "they can go fuck themselves", "kill yourself", "kys", "go fuck yourself",
    "the whole thing is fucked", "this shit again", "screw this, fuck it",
]
PLAIN_COMMON_SLURS = [
    "nigger", "nigga", "kike", "spic", "faggot", "fag", "tranny", "wetback", "raghead", "paki", "gook", "retard",
    "dyke", "chink", "towelhead", "coon", "beaner", "wog", "pikey", "gyppo", "dago", "wop", "polack", "kraut",
    "spastic", "yid", "shemale",
]

LESS_COMMON_TEMPLATES = [
    "Looks like the comments section turned into {w} again.",
    "Why does the sidebar advert show {w}?",
    "someone posted {w} under the council budget story",
    "The defence called him a {w} in court, apparently.",
    "Reported: user keeps writing {w} in every thread.",
    "Mods, can you remove the {w} comment above?",
    "{W}. That is what this article reads like.",
    "My nephew said the new mayor is a {w}, kids these days.",
    "Ignore the troll, he just types {w} all day.",
    "He called the referee a {w} on live radio.",
    "Go and post your {w} somewhere else.",
    "The graffiti on the bus stop says {w}.",
]
PLAIN_LESS_COMMON = [
    "bukkake", "cumshot", "rimjob", "felching", "queef", "jizz", "dildo", "blowjob", "handjob", "gangbang", "milf",
    "poontang", "punany", "quim", "minge", "clusterfuck", "cumslut", "camwhore", "jigaboo", "porch monkey",
    "jungle bunny", "zipperhead", "nig nog", "darkie", "pickaninny", "golliwog", "sandnigger", "carpet muncher",
    "fudgepacker", "batty boy", "bulldyke", "poofter", "splooge", "spunk", "arsewipe", "asswipe", "asshat",
    "assclown", "fucknut", "shitstain", "twatwaffle", "cumdumpster", "titty fuck", "skullfuck", "cocksucking",
    "jerk off", "jack off", "wank", "fingerbang", "dickwad", "douchebag", "ballsack", "schlong", "cameltoe",
    "slanteye", "camel jockey", "jailbait", "whorehouse", "motherfucking", "nutsack", "cuntface", "spunk bubble",
    "muff diver", "anal sex", "creampie", "deepthroating", "tits out", "titties", "fuckboy", "shithole",
    "arse licker", "knobjockey", "bollocking",
]

INNOCENT = [
    # word in an innocent sense: (sentence, note)
    ("The hooker was sin-binned ten minutes into the second half.", "rugby hooker"),
    ("Ella Fitzgerald's scat singing on that record is still unmatched.", "scat singing"),
    ("A blue tit has nested in the box on our shed again.", "blue tit"),
    ("Dick Van Dyke was brilliant in that film.", "Dick Van Dyke"),
    ("The pilot stayed in the cockpit until the passengers were off.", "cockpit"),
    ("Scunthorpe United drew nil-nil on Saturday.", "Scunthorpe"),
    ("House prices in Essex have gone up again.", "Essex"),
    ("He plays bass in a covers band on weekends.", "bass"),
    ("The cocktail bar on the high street closed last month.", "cocktail"),
    ("The analysis in this piece is spot on.", "analysis"),
    ("Spent the morning trying to hoe the garden before the rain.", "hoe"),
    ("Moby Dick is a hard read but worth it.", "Moby Dick"),
    ("Philip K. Dick wrote the story the film is based on.", "Philip K. Dick"),
    ("Dick Cheney's memoir is in the bargain bin.", "Dick Cheney"),
    ("Spotted dick and custard, best school pudding ever.", "spotted dick"),
    ("I pricked my finger on the rose bush.", "pricked"),
    ("The dog's ears pricked up when the postman came.", "prick up"),
    ("A great tit was singing on the fence this morning.", "great tit"),
    ("The cock crowed at five and woke the whole street.", "cock"),
    ("He made a right cock-up of the budget.", "cock-up"),
    ("The Penistone line is getting new trains.", "Penistone"),
    ("Clitheroe Castle is worth a visit.", "Clitheroe"),
    ("Sussex won the toss and chose to bat.", "Sussex"),
    ("Middlesex need a win to stay up.", "Middlesex"),
    ("Arsenal were poor in the first half.", "Arsenal"),
    ("The assassin was never caught.", "assassin"),
    ("Twatt in Orkney has a population of about 50.", "Twatt"),
    ("The grapes were ruined by the late frost.", "grapes"),
    ("My therapist says I should read fewer comment sections.", "therapist"),
    ("The shiitake mushrooms at the market are excellent.", "shiitake"),
    ("We drove through Shitterton on the way to Dorset.", "Shitterton"),
    ("A cumulative total of 40 mm of rain fell overnight.", "cumulative"),
    ("Dominic Cummings gave evidence to the inquiry.", "Cummings"),
    ("The butcher's shop has been there since 1920.", "butcher"),
    ("Hancock gave another interview today.", "Hancock"),
    ("We read Dickens at school and I hated it.", "Dickens"),
    ("Sir Alec Douglas-Home was prime minister for a year.", "Home"),
    ("The pastor spoke at the vigil.", "pastor"),
    ("The documents were in a manila folder.", "manila"),
    ("Shuttlecock sales are up since the Olympics.", "shuttlecock"),
    ("Peacocks are wandering around the park again.", "peacocks"),
    ("A woodcock landed in the garden, first one I've seen.", "woodcock"),
    ("The council will retrofit the old library.", "retrofit"),
    ("Our sniffer dog found the parcel.", "sniffer"),
    ("The cat had kittens under the stairs.", "cat"),
    ("The pussy willow by the river is flowering early.", "pussy willow"),
    ("Pussy Riot members were detained again.", "Pussy Riot"),
    ("Our Maine Coon weighs nine kilos.", "Maine Coon"),
    ("There is a chink in their defence and Spurs found it.", "chink in"),
    ("Offa's Dyke path is closed near Knighton.", "Offa's Dyke"),
    ("The dam is old but the dyke held during the flood.", "dyke (flood bank)"),
    ("Flicked a fag end out of the car window, fined 100 quid.", "fag end"),
    ("Honky-tonk piano all night at the pub.", "honky-tonk"),
    ("The Rio Negro is flooding again this year.", "Rio Negro"),
    ("Mong Kok was packed for the new year.", "Mong Kok"),
    ("The Wankel engine never caught on.", "Wankel"),
    ("Slag heaps near the old mine are being landscaped.", "slag heap"),
    ("Jerk chicken from the stall at the carnival was amazing.", "jerk chicken"),
    ("That was a knee-jerk reaction by the government.", "knee-jerk"),
    ("Stop dumbing down the news.", "dumbing down"),
    ("Homo sapiens has been around for 300,000 years.", "Homo sapiens"),
    ("The Krautrock exhibition opens in Berlin next week.", "Krautrock"),
    ("She made spiced apple cake for the fete.", "spiced"),
    ("The vote was on whether to hoe or spray the allotments.", "hoe"),
    ("He retired to a bungalow in Cockermouth.", "Cockermouth"),
    ("The Bumstead family have farmed here for centuries.", "Bumstead"),
    ("Look up Lake Titicaca on the map.", "Titicaca"),
    ("Japan's exports to China fell in March.", "Japan"),
    ("Nigeria and Niger signed a trade deal.", "Niger"),
    ("The niggling injury kept him out for a month.", "niggling"),
    ("They were snigger-worthy jokes at best.", "snigger"),
    ("The spice market in Marrakesh is famous.", "spice"),
    ("The horse's hock was injured in the fall.", "hock"),
    ("Wood pigeons and a shag were spotted by the birders on the coast.", "shag (bird)"),
    ("The Beaver Creek fire burned 20,000 acres.", "beaver"),
    ("I'm a big fan of Bastardo's pizza on Main Street.", "Bastardo pizza"),
    ("The assessment was sent back for review.", "assessment"),
    ("Passengers were stranded at the airport for hours.", "passengers"),
    ("The boss classed it as a minor incident.", "classed"),
    ("Cockles and mussels are on the menu.", "cockles"),
    ("Twitter is now called X, apparently.", "Twitter"),
    ("The hitchhiker was picked up near Leeds.", "hitchhiker"),
    ("The Fuchs report was published on Tuesday.", "Fuchs"),
    ("Lake Shitara in Japan freezes every winter.", "Shitara"),
    ("The bitcoin price dropped again.", "bitcoin"),
    ("The Matsushita factory has closed.", "Matsushita"),
    ("Gassing rodents is banned in the park.", "gassing"),
    ("Scrap the scheme and start again.", "scrap"),
    ("The Dickensian conditions in that prison are a scandal.", "Dickensian"),
    ("A documentary about Hitchcock is on tonight.", "Hitchcock"),
    ("The cocker spaniel won best in show.", "cocker spaniel"),
    ("Massive turnout at the county show.", "Massive"),
    ("Sex education starts in year six.", "sex education"),
    ("The rape trial begins next week.", "rape (news)"),
    ("The bondage scene in the film was cut by the censors.", "bondage (film)"),
    ("The study of anal fissures was published in The Lancet.", "anal (medical)"),
    ("Breast cancer screening saves lives.", "breast"),
    ("She was topless in the 1970s photo, so what.", "topless"),
    ("The escort vessel shadowed the tanker.", "escort"),
    ("Lolita is on the school reading list.", "Lolita"),
    ("The swastika was painted on the synagogue wall, police are investigating.", "swastika (news)"),
    ("Rick Santorum spoke at the convention.", "Santorum"),
    ("The vibrator in my phone stopped working.", "vibrator"),
    ("The voyeur case was heard at the crown court.", "voyeur (news)"),
    ("The porn industry lobby opposed the age checks.", "porn (news)"),
    ("The dominatrix in the TV drama is the best character.", "dominatrix"),
    ("Viagra went generic years ago.", "viagra"),
    ("Hentai is a big export for Japan, the article says.", "hentai"),
    ("Nude paintings by Modigliani sold for millions.", "nude"),
    ("The Shota Imanaga trade was a steal for the Cubs.", "Shota"),
    ("The snatch squad arrested six protesters.", "snatch"),
    ("The playboy lifestyle of the footballer made headlines.", "playboy"),
    ("Suck it up and pay the tax.", "suck"),
    ("The new stadium sucks the life out of the town centre.", "sucks"),
]
INNOCENT_OTHER = [
    ("Cojo el autobús todos los días a las ocho.", "es: coger (take)"),
    ("Hay que coger el autobús de las siete para llegar a tiempo.", "es: coger (take)"),
    ("El Cono Sur vive una ola de frío.", "es: Cono Sur"),
    ("El coche negro estaba aparcado en doble fila.", "es: negro (black)"),
    ("La polla de agua anida en la laguna.", "es: polla de agua (bird)"),
    ("El pinche de cocina ganó el concurso de tapas.", "es: pinche (kitchen hand)"),
    ("La concha del caracol es muy bonita.", "es: concha (shell)"),
    ("Mi abuela hace una paella con concha fina buenísima.", "es: concha fina"),
    ("Vamos a ver a los capullos de rosa del jardín botánico.", "es: capullo de rosa"),
    ("La madera maciza dura mucho más.", "es: maciza (solid)"),
    ("La hormiga obrera trabaja sin descanso.", "es: -"),
    ("Fue un partido lleno de goles y de polémica.", "es: -"),
    ("Los trabajadores de la mina de carbón piden mejores condiciones.", "es: -"),
    ("El Tribunal Supremo rechazó el recurso del ayuntamiento.", "es: -"),
    ("Il cavallo di Troia è una storia che tutti conoscono.", "it: cavallo di Troia"),
    ("Elena di Troia è il personaggio principale della mostra.", "it: Elena di Troia"),
    ("Ho mangiato finocchio e arance a pranzo.", "it: finocchio (fennel)"),
    ("Serve una cazzuola nuova per il muro.", "it: cazzuola (trowel)"),
    ("Il muratore ha lasciato la cazzuola in cantiere.", "it: cazzuola"),
    ("Lo stronzio è un elemento chimico.", "it: stronzio (strontium)"),
    ("Che figata il nuovo parco!", "it: figata (cool)"),
    ("Il pesce era freschissimo.", "it: pesce"),
    ("Le cozze alla marinara erano ottime.", "it: cozze (mussels)"),
    ("La regina ha visitato la città.", "it: regina"),
    ("Il MOSE ha salvato Venezia dall'acqua alta.", "it: MOSE"),
    ("Ho comprato un cono gelato al pistacchio.", "it: cono"),
    ("La vacca è scappata dal recinto.", "it: vacca (cow)"),
    ("La pasta alla puttanesca è il mio piatto preferito.", "it: puttanesca"),
    ("Bitte schließen Sie die Tür.", "de: bitte"),
    ("Die Arschbombe vom Dreimeterbrett war spektakulär.", "de: Arschbombe"),
    ("Mit den Vögeln im Garten ist es morgens laut.", "de: Vögeln (birds)"),
    ("Die Muschel am Strand war riesig.", "de: Muschel"),
    ("Die Schiesser-Fabrik stellt wieder ein.", "de: Schiesser"),
    ("Die Bücher Mose werden im Seminar gelesen.", "de: Mose"),
    ("Die Rosette der Kathedrale wurde restauriert.", "de: Rosette"),
    ("Sie fica em casa hoje.", "pt: fica (stays)"),
    ("Ele fica muito nervoso antes dos jogos.", "pt: fica"),
    ("O veado atravessou a estrada.", "pt: veado (deer)"),
    ("O pau-brasil deu nome ao país.", "pt: pau-brasil"),
    ("Comprei um saco de arroz.", "pt: saco (bag)"),
    ("O Pinto da Costa deixou a presidência do Porto.", "pt: Pinto (surname)"),
    ("A torneira está a pingar.", "pt: torneira (tap)"),
    ("Vamos comer fora hoje.", "pt: comer"),
    ("A bicha para o autocarro era enorme.", "pt-PT: bicha (queue)"),
    ("Ele faz biscate aos fins de semana.", "pt-BR: biscate (odd job)"),
    ("La baisse des prix est une bonne nouvelle.", "fr: baisse (fall)"),
    ("Un baiser sur la joue pour dire bonjour.", "fr: baiser (kiss)"),
    ("On habite dans un cul-de-sac très calme.", "fr: cul-de-sac"),
    ("La pédale de frein était défectueuse.", "fr: pédale (pedal)"),
    ("J'ai acheté une tapette à mouches.", "fr: tapette (swatter)"),
    ("Il a la gueule de bois après la fête.", "fr: gueule de bois (hangover)"),
    ("Il faut foutre le camp avant l'orage.", "fr: foutre le camp"),
    ("Ma chatte a eu trois chatons.", "fr: chatte (female cat)"),
    ("La bite d'amarrage du port est cassée.", "fr: bite d'amarrage (bollard)"),
    ("Le chili con carne de la cantine était bon.", "fr/es: con carne"),
    ("Les pêcheurs ont pris une tanche énorme.", "fr: tanche (tench)"),
]

# ---------------------------------------------------------------------------------------------------------------
# Other languages: insults, exclamations and slurs, each in that language's comment templates.

LANGS = {
    "es": dict(
        insult_templates=[
            "El ministro es un {w}.", "Solo un {w} escribiría este artículo.", "Qué {w} el alcalde.",
            "Cállate, {w}.", "Eres un {w} y lo sabes.", "El árbitro fue un {w} todo el partido.",
            "Menudo {w} el que aparcó ahí.", "Ese concejal es un {w} de manual.", "{W}, dimite ya.",
            "El casero es un {w} que nunca arregla nada.", "Vaya {w} de periodista.",
        ],
        insults=[
            "gilipollas", "cabrón", "hijo de puta", "hijoputa", "imbécil", "idiota", "pendejo", "capullo",
            "mamón", "soplapollas", "chupapollas", "tonto del culo", "subnormal", "payaso de mierda",
            "cabrona", "puta", "zorra", "malparido", "culero", "pelotudo", "boludo", "huevón", "lameculos",
            "estúpido", "mierda", "hijo de perra", "cerdo asqueroso", "gilipuertas", "comemierda", "pajero",
        ],
        clause_templates=[
            "{W}, otra subida de impuestos.", "{W}. El tren llega tarde otra vez.", "Leo esto y {w}.",
            "¿Quién ha aprobado esto? {W}.", "{W}, este periódico ya no es lo que era.",
            "El informe dice que bajarán los precios, pero {w}.",
        ],
        clauses=[
            "joder", "me cago en todo", "vete a la mierda", "qué coño", "a la mierda", "hostia puta",
            "me cago en la puta", "qué mierda", "jódete", "vete a tomar por culo", "chinga tu madre",
            "no me jodas", "me importa un carajo", "la concha de tu madre", "qué puta vergüenza", "me la suda",
            "que te follen", "tócate los cojones", "me cago en dios", "manda huevos, joder",
        ],
        slur_templates=[
            "Fuera los {w}s de nuestro barrio.", "Ya está el {w} de turno opinando.", "No quiero {w}s en mi calle.", "Seguro que fue un {w}.", "Ese {w} no debería dar clase.",
            "El pueblo está lleno de {w}s.", "Otro {w} en el ayuntamiento, qué sorpresa.",
        ],
        slurs=[
            "maricón", "marica", "sudaca", "negrata", "bollera", "tortillera", "panchito", "moraco",
            "mariconazo", "travelo", "subnormal", "mongolo", "machorra", "puto",
        ],
    ),
    "fr": dict(
        insult_templates=[
            "Le ministre est un {w}.", "Il faut être un {w} pour écrire ça.", "Quel {w}, ce maire.",
            "Tais-toi, {w}.", "T'es qu'un {w}.", "L'arbitre a été un {w} tout le match.",
            "Encore un {w} au conseil municipal.", "Ce député est un {w} fini.", "{W}, démissionne.",
            "Le proprio est un {w} qui ne répare jamais rien.", "Espèce de {w}.",
        ],
        insults=[
            "connard", "connasse", "enculé", "fils de pute", "salope", "pute", "enfoiré", "salaud", "abruti",
            "crétin", "imbécile", "idiot", "trou du cul", "branleur", "pauvre con", "gros con", "sale con",
            "petit con", "pétasse", "pouffiasse", "couillon", "bâtard", "débile", "tête de bite", "fdp",
            "sac à merde", "connard fini", "mange-merde", "grosse pute", "tocard",
        ],
        clause_templates=[
            "{W}, encore une hausse d'impôts.", "{W}. Le train est encore en retard.", "Je lis ça et {w}.",
            "Qui a validé ça ? {W}.", "{W}, ce journal ne vaut plus rien.",
            "Le rapport dit que les prix vont baisser, mais {w}.",
        ],
        clauses=[
            "putain", "merde", "va te faire foutre", "nique ta mère", "ta gueule", "bordel de merde",
            "fait chier", "je m'en branle", "putain de merde", "va te faire enculer", "ferme ta gueule",
            "nique ta race", "quelle merde", "ça me fait chier", "va chier", "on s'en bat les couilles",
            "c'est de la merde", "putain de gouvernement", "ntm", "merde alors",
        ],
        slur_templates=[
            "Dehors les {w}s.", "Encore ce {w} qui donne son avis.", "Pas de {w}s dans ma rue.", "C'est sûrement un {w} qui a fait ça.", "Ce {w} ne devrait pas enseigner.",
            "Le quartier est plein de {w}s.", "Encore un {w} à la mairie.",
        ],
        slurs=[
            "pédé", "gouine", "nègre", "bougnoule", "youpin", "bicot", "tarlouze", "enculé de pédé",
            "chinetoque", "négro", "tantouze", "bamboula", "sale arabe", "sale juif",
        ],
    ),
    "de": dict(
        insult_templates=[
            "Der Minister ist ein {w}.", "Nur ein {w} schreibt so einen Artikel.", "Was für ein {w}, dieser Bürgermeister.",
            "Halt die Klappe, du {w}.", "Du bist ein {w}.", "Der Schiri war das ganze Spiel ein {w}.",
            "Der Vermieter ist ein {w}, der nie etwas repariert.", "Dieser Abgeordnete ist ein {w}.",
            "{W}! Tritt endlich zurück.", "So ein {w} hat hier geparkt.", "Du {w}.",
        ],
        insults=[
            "Arschloch", "Wichser", "Hurensohn", "Fotze", "Schlampe", "Hure", "Nutte", "Vollidiot", "Idiot",
            "Vollpfosten", "Depp", "Trottel", "Penner", "Schwachkopf", "Arschgeige", "Spast", "Missgeburt",
            "Drecksau", "Dreckskerl", "Miststück", "Arschkriecher", "Scheißkerl", "Hackfresse", "Spacko",
            "Wixer", "Bastard", "Pisser", "Sackgesicht", "Dummkopf", "Volltrottel",
        ],
        clause_templates=[
            "{W}, schon wieder eine Steuererhöhung.", "{W}. Der Zug ist wieder zu spät.", "Ich lese das und denke: {w}.",
            "Wer hat das genehmigt? {W}.", "{W}, diese Zeitung ist nur noch peinlich.",
            "Der Bericht sagt, die Preise sinken, aber {w}.",
        ],
        clauses=[
            "Scheiße", "verdammte Scheiße", "fick dich", "leck mich am Arsch", "verpiss dich", "halt die Fresse",
            "so eine Scheiße", "Scheißregierung", "das ist doch Kacke", "fick deine Mutter", "Scheiß drauf",
            "geh sterben", "so ein Scheiß", "verfickte Politik", "der Scheiß nervt", "du kannst mich mal am Arsch lecken",
            "Scheißpolitik", "Drecksregierung", "was für eine Scheiße", "beschissen",
        ],
        slur_templates=[
            "Raus mit den {w}n.", "Schon wieder dieser {w} mit seiner Meinung.", "Keine {w} in unserer Straße.", "Bestimmt war es wieder ein {w}.", "So ein {w} darf nicht unterrichten.",
            "Das Viertel ist voller {w}.", "Noch ein {w} im Stadtrat.",
        ],
        slurs=[
            "Neger", "Kanake", "Schwuchtel", "Kampflesbe", "Zigeuner", "Schlitzauge", "Polacke", "Kümmeltürke",
            "Judensau", "Tunte", "Mongo", "Kinderficker", "Nigger", "Transe",
        ],
    ),
    "pt": dict(
        insult_templates=[
            "O ministro é um {w}.", "Só um {w} escreveria esse artigo.", "Que {w} esse prefeito.",
            "Cala a boca, seu {w}.", "Você é um {w}.", "O árbitro foi um {w} o jogo todo.",
            "O senhorio é um {w} que nunca arranja nada.", "Esse deputado é um {w}.", "{W}, renuncia logo.",
            "Que {w} estacionou aqui?", "Mais um {w} na câmara.",
        ],
        insults=[
            "filho da puta", "babaca", "otário", "imbecil", "idiota", "cuzão", "arrombado", "escroto", "corno",
            "desgraçado", "vagabunda", "puta", "vadia", "merda", "cabrão", "canalha", "punheteiro", "retardado",
            "boceta", "paneleiro", "caralho", "filha da puta", "pau no cu", "burro do caralho", "bosta",
            "safado", "piranha", "porra-louca", "lambe-botas", "estúpido",
        ],
        clause_templates=[
            "{W}, mais um aumento de impostos.", "{W}. O comboio atrasou outra vez.", "Leio isso e {w}.",
            "Quem aprovou isso? {W}.", "{W}, esse jornal já não presta.",
            "O relatório diz que os preços vão cair, mas {w}.",
        ],
        clauses=[
            "porra", "caralho", "foda-se", "vai tomar no cu", "puta que pariu", "vai se foder", "que merda",
            "vai-te foder", "pqp", "vsf", "caralho, que vergonha", "essa porra", "vai à merda", "que bosta",
            "tô cagando pra isso", "foda-se o governo", "cacete", "vai pro caralho", "puta merda", "fodeu",
        ],
        slur_templates=[
            "Fora com os {w}s.", "Lá vem o {w} de sempre opinar.", "Não quero {w}s na minha rua.", "Claro que foi um {w}.", "Esse {w} não devia dar aula.",
            "O bairro está cheio de {w}s.", "Mais um {w} na prefeitura.",
        ],
        slurs=[
            "viado", "bicha", "sapatão", "traveco", "macaco", "preto imundo", "paneleiro", "baitola",
            "crioulo", "mongoloide", "boiola", "fufa", "judeu sujo", "retardado",
        ],
    ),
    "it": dict(
        insult_templates=[
            "Il ministro è un {w}.", "Solo un {w} scriverebbe un articolo così.", "Che {w} questo sindaco.",
            "Stai zitto, {w}.", "Sei un {w}.", "L'arbitro è stato un {w} tutta la partita.",
            "Il padrone di casa è un {w} che non aggiusta mai niente.", "Questo deputato è un {w}.",
            "{W}, dimettiti.", "Chi ha parcheggiato qui è un {w}.", "Ennesimo {w} in consiglio comunale.",
        ],
        insults=[
            "stronzo", "coglione", "testa di cazzo", "figlio di puttana", "bastardo", "cretino", "idiota",
            "imbecille", "deficiente", "pezzo di merda", "puttana", "troia", "zoccola", "mignotta", "cornuto",
            "minchione", "pirla", "leccaculo", "rompicoglioni", "stronza", "scemo", "cazzone", "testa di minchia",
            "figlio di troia", "merdoso", "segaiolo", "coglionazzo", "mongoloide", "baldracca", "bagascia",
        ],
        clause_templates=[
            "{W}, un'altra tassa.", "{W}. Il treno è di nuovo in ritardo.", "Leggo questo e {w}.",
            "Chi ha approvato questa cosa? {W}.", "{W}, questo giornale fa schifo.",
            "Il rapporto dice che i prezzi scenderanno, ma {w}.",
        ],
        clauses=[
            "cazzo", "vaffanculo", "porca puttana", "che cazzo", "minchia", "va a cagare", "fanculo",
            "porco dio", "che merda", "mi hai rotto i coglioni", "dio cane", "porca madonna", "col cazzo",
            "sti cazzi", "non me ne frega un cazzo", "ma vaffanculo", "che stronzata", "cazzata colossale",
            "fottiti", "vai a fare in culo",
        ],
        slur_templates=[
            "Fuori i {w} dal nostro quartiere.", "Ecco il solito {w} che dice la sua.", "Non voglio {w} nella mia via.", "Di sicuro è stato un {w}.", "Quel {w} non dovrebbe insegnare.",
            "Il quartiere è pieno di {w}.", "Un altro {w} al comune.",
        ],
        slurs=[
            "frocio", "negro", "terrone", "ricchione", "culattone", "zingaro di merda", "finocchio", "checca",
            "mongoloide", "polentone", "busone", "negri", "lesbicona", "froci",
        ],
    ),
}

CLEAN = {
    "en": (
        ["I think", "Honestly,", "As a local resident,", "In my view", "Not sure about this, but", "Good article.",
         "Interesting piece.", "Having lived here 30 years,", "With respect to the author,", "Fair point, though"],
        ["the new bus lanes have made the morning commute much easier.",
         "the council should publish the full costs before the vote.",
         "the hospital car park charges are far too high for visitors.",
         "the library deserves more funding, it is always busy.",
         "the match on Saturday was the best we have seen all season.",
         "the roadworks on the ring road have gone on for months.",
         "the school's new headteacher has turned things around.",
         "the farmers' market brings a lot of people into town.",
         "the housing plan ignores the lack of GP surgeries.",
         "the interest rate rise will hurt first-time buyers.",
         "the flood defences held up well this winter.",
         "the festival was well organised and the weather was kind.",
         "the minister's answer did not address the question at all.",
         "the price of energy is still the biggest worry for pensioners.",
         "the station refurbishment was worth the wait.",
         "our cricket club could do with new nets this summer.",
         "the article should mention the cuts to youth services.",
         "the turnout at the by-election was disappointing."]),
    "es": (
        ["Creo que", "Sinceramente,", "Como vecino del barrio,", "En mi opinión", "Buen artículo:",
         "No lo tengo claro, pero", "Llevo 20 años aquí y", "Con todo respeto,", "Interesante,"],
        ["el nuevo carril bici ha mejorado mucho el tráfico.",
         "el ayuntamiento debería publicar el coste total de la obra.",
         "el partido del sábado fue el mejor de la temporada.",
         "los precios del alquiler están por las nubes.",
         "la biblioteca necesita más presupuesto.",
         "el hospital necesita más médicos de familia.",
         "la subida de los tipos de interés afectará a los jóvenes.",
         "las obras de la avenida se están alargando demasiado.",
         "el mercado de los domingos atrae a mucha gente.",
         "el ministro no respondió a la pregunta.",
         "la feria estuvo muy bien organizada este año.",
         "el tren de cercanías llega tarde casi todos los días.",
         "los agricultores tienen razón en protestar por los precios.",
         "la participación en las elecciones fue muy baja.",
         "la nueva directora del colegio ha hecho un gran trabajo.",
         "el coche negro que sale en la foto es del alcalde."]),
    "fr": (
        ["Je pense que", "Franchement,", "En tant qu'habitant du quartier,", "À mon avis", "Bon article :",
         "Je ne suis pas sûr, mais", "J'habite ici depuis 20 ans et", "Avec tout le respect,", "Intéressant,"],
        ["la nouvelle piste cyclable a beaucoup amélioré la circulation.",
         "la mairie devrait publier le coût total des travaux.",
         "le match de samedi était le meilleur de la saison.",
         "les loyers sont devenus inabordables.",
         "la bibliothèque mérite plus de moyens.",
         "l'hôpital manque cruellement de médecins.",
         "la hausse des taux va pénaliser les jeunes acheteurs.",
         "les travaux sur le boulevard durent depuis des mois.",
         "le marché du dimanche attire beaucoup de monde.",
         "le ministre n'a pas répondu à la question.",
         "la fête du village était très bien organisée.",
         "le TER est encore en retard ce matin.",
         "les agriculteurs ont raison de protester contre les prix.",
         "la participation aux élections était très faible.",
         "la nouvelle directrice de l'école fait du bon travail.",
         "la baisse des prix de l'énergie se fait attendre.",
         "on a mangé un chili con carne excellent au marché."]),
    "de": (
        ["Ich finde,", "Ehrlich gesagt", "Als Anwohner muss ich sagen,", "Meiner Meinung nach", "Guter Artikel:",
         "Ich bin nicht sicher, aber", "Ich wohne seit 20 Jahren hier und", "Bei allem Respekt,", "Interessant,"],
        ["der neue Radweg hat den Verkehr deutlich entlastet.",
         "die Stadt sollte die Gesamtkosten der Baustelle veröffentlichen.",
         "das Spiel am Samstag war das beste der Saison.",
         "die Mieten sind inzwischen unbezahlbar.",
         "die Bibliothek braucht mehr Geld.",
         "im Krankenhaus fehlen Ärzte.",
         "die Zinserhöhung trifft vor allem junge Familien.",
         "die Baustelle an der Hauptstraße dauert schon Monate.",
         "der Wochenmarkt zieht viele Leute in die Innenstadt.",
         "der Minister hat die Frage nicht beantwortet.",
         "das Stadtfest war dieses Jahr sehr gut organisiert.",
         "die S-Bahn kommt fast jeden Tag zu spät.",
         "die Bauern haben recht, gegen die Preise zu protestieren.",
         "die Wahlbeteiligung war enttäuschend.",
         "die neue Schulleiterin macht einen guten Job.",
         "bitte mehr Berichte aus den Stadtteilen.",
         "die Vögel im Stadtpark brauchen mehr Schutz."]),
    "pt": (
        ["Acho que", "Sinceramente,", "Como morador do bairro,", "Na minha opinião", "Bom artigo:",
         "Não tenho certeza, mas", "Moro aqui há 20 anos e", "Com todo o respeito,", "Interessante,"],
        ["a nova ciclovia melhorou muito o trânsito.",
         "a prefeitura deveria publicar o custo total da obra.",
         "o jogo de sábado foi o melhor da temporada.",
         "os aluguéis estão caríssimos.",
         "a biblioteca precisa de mais verba.",
         "o hospital precisa de mais médicos.",
         "a subida dos juros vai prejudicar os jovens.",
         "as obras na avenida estão demorando demais.",
         "a feira de domingo atrai muita gente.",
         "o ministro não respondeu à pergunta.",
         "a festa da cidade foi muito bem organizada.",
         "o comboio chega atrasado quase todos os dias.",
         "os agricultores têm razão em protestar contra os preços.",
         "a participação nas eleições foi muito baixa.",
         "a nova diretora da escola fica até tarde todos os dias.",
         "quem fica em casa no domingo perde a feira.",
         "o carro negro da foto é do prefeito."]),
    "it": (
        ["Secondo me", "Sinceramente,", "Da residente del quartiere,", "A mio parere", "Bell'articolo:",
         "Non ne sono sicuro, ma", "Abito qui da 20 anni e", "Con tutto il rispetto,", "Interessante,"],
        ["la nuova pista ciclabile ha migliorato molto il traffico.",
         "il comune dovrebbe pubblicare il costo totale dei lavori.",
         "la partita di sabato è stata la migliore della stagione.",
         "gli affitti sono diventati insostenibili.",
         "la biblioteca merita più fondi.",
         "in ospedale mancano medici.",
         "l'aumento dei tassi colpirà le giovani famiglie.",
         "i lavori in via Roma durano da mesi.",
         "il mercato della domenica attira molta gente.",
         "il ministro non ha risposto alla domanda.",
         "la sagra del paese era organizzata benissimo.",
         "il treno regionale è in ritardo quasi ogni giorno.",
         "gli agricoltori hanno ragione a protestare per i prezzi.",
         "l'affluenza alle elezioni è stata molto bassa.",
         "la nuova preside sta facendo un ottimo lavoro.",
         "il MOSE ha funzionato anche questa volta.",
         "la pasta alla puttanesca della trattoria è ottima."]),
}


def clean_rows(rng):
    rows = []
    for lang in sorted(CLEAN):
        openers, bodies = CLEAN[lang]
        combos = [(o, b) for o in openers for b in bodies]
        rng.shuffle(combos)
        for opener, body in combos[:60]:
            text = f"{opener} {body}"
            rows.append((text[0].upper() + text[1:], lang))
    return rows


def main():
    rng = random.Random(13)
    write(
        "plain-common",
        ["Common English profanity and slurs, written plainly in news-comment sentences.",
         "Written by vocabulary_tables.py (src/test/evaluation-tools); do not edit by hand.", "aim: recall >= 0.95"],
        "HIT",
        insults_and_clauses(rng, PLAIN_COMMON_INSULTS, EN_INSULT_TEMPLATES, PLAIN_COMMON_CLAUSES,
                            EN_CLAUSE_TEMPLATES, PLAIN_COMMON_SLURS, EN_SLUR_TEMPLATES, ROWS))
    write(
        "plain-less-common",
        ["Less common English obscenities and slurs, written plainly.",
         "Written by vocabulary_tables.py (src/test/evaluation-tools); do not edit by hand.", "aim: recall >= 0.95"],
        "HIT",
        pick(rng, PLAIN_LESS_COMMON, LESS_COMMON_TEMPLATES, ROWS))
    for lang in sorted(LANGS):
        spec = LANGS[lang]
        write(
            f"plain-{lang}",
            [f"Common profanity, insults and slurs in language '{lang}', written plainly.",
             "Written by vocabulary_tables.py (src/test/evaluation-tools); do not edit by hand.",
             "aim: recall >= 0.95", f"policy: terms-{lang}.yml"],
            "HIT",
            insults_and_clauses(rng, spec["insults"], spec["insult_templates"], spec["clauses"],
                                spec["clause_templates"], spec["slurs"], spec["slur_templates"], ROWS))
    innocent = INNOCENT + INNOCENT_OTHER
    # Each innocent sentence also appears as a reply quoting it, as comment threads do, to reach 200 rows.
    replies = ["Agreed: \"{t}\"", "{t} Source: the article.", "Re the above: {t}"]
    extra = [(rng.choice(replies).format(t=t), n) for t, n in innocent]
    write(
        "innocent-uses",
        ["Innocent uses of listed words, and words that contain or equal a listed word in another sense.",
         "Scored with all six languages on, so a word that is innocent in one and listed in another counts.",
         "Written by vocabulary_tables.py (src/test/evaluation-tools); do not edit by hand.",
         "aim: flagged <= 0.02", "policy: terms-all.yml"],
        "CLEAN",
        (innocent + extra)[: max(ROWS, len(innocent))])
    write(
        "clean-text",
        ["Ordinary news comments in the six languages, scored with all six languages on.",
         "Written by vocabulary_tables.py (src/test/evaluation-tools); do not edit by hand.",
         "aim: flagged <= 0.01", "policy: terms-all.yml"],
        "CLEAN",
        clean_rows(rng))


if __name__ == "__main__":
    main()
