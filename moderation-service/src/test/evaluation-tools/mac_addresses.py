"""MAC addresses in comments, for the link tables: clean comments that carry one, which must not be flagged, and links
in comments that carry one, or with a port after a spaced dot, which must still be caught. A host stops at a colon, so
a MAC address after a sentence's end read as a host and its port ("organisiert. ba:51:95:54:d2:c4" as organisiert.ba
with the port 51; .ba is Bosnia's domain), and its last group as a host's first label ("…:d2:c4. es geht" as c4.es);
these tables score the rule that keeps MAC addresses out of hosts (see MacAddresses.java and docs/links.md)."""

HEX = "0123456789abcdef"
# Pairs of hex letters that are top-level domains (checked against the Public Suffix List with Guava): a MAC address
# that starts with one of them after "word. " read as a disguised link. "be" is an everyday word and never counted.
TLD_PAIRS = "ac ad ae af ba bb bf ca cc cd cf de ec ee".split()


def pair(rng):
    return rng.choice(HEX) + rng.choice(HEX)


def mac(rng, separator=":", upper=False, first=None):
    pairs = [pair(rng) for _ in range(6)]
    if first:
        pairs[0] = first
    text = separator.join(pairs)
    return text.upper() if upper else text


def cisco(rng):
    digits = "".join(rng.choice(HEX) for _ in range(12))
    return digits[:4] + "." + digits[4:8] + "." + digits[8:]


# Sentences of clean comments in six languages, each ending with a full stop, after which a MAC address is pasted.
SENTENCES = {
    "de": ["Ich finde, die Gruppe ist gut organisiert.", "Der Router hat nach dem Update keine Verbindung mehr.",
           "Bei mir funktioniert das WLAN seit gestern nicht.", "Das Gerät taucht im Netzwerk nicht auf.",
           "Danke für den Artikel, genau das Problem habe ich auch."],
    "en": ["My router dropped the connection again after the update.", "Same problem here since the firmware update.",
           "Great article, this happened to me as well.", "The device never shows up on the network.",
           "Support told me to send them this."],
    "fr": ["Mon routeur perd la connexion depuis la mise à jour.", "Même problème chez moi depuis hier.",
           "Merci pour l'article, c'est exactement mon cas.", "L'appareil n'apparaît pas sur le réseau."],
    "es": ["Creo que la participación en las elecciones fue muy baja.", "El router pierde la conexión cada noche.",
           "Me pasa lo mismo desde la actualización.", "El aparato no aparece en la red."],
    "it": ["Il router perde la connessione dopo l'aggiornamento.", "Stesso problema anche da me da ieri.",
           "Grazie per l'articolo, è proprio il mio caso.", "Il dispositivo non compare nella rete."],
    "pt": ["O roteador perde a conexão desde a atualização.", "Tenho o mesmo problema desde ontem.",
           "Bom artigo, aconteceu comigo também.", "O aparelho não aparece na rede."],
}

# A MAC address inside a sentence: {mac} stands where it goes.
MIDDLE = [
    "Die MAC-Adresse {mac} taucht im Router nicht auf.", "my MAC is {mac} and the router still blocks it",
    "L'adresse MAC {mac} est bloquée par le routeur.", "La dirección MAC {mac} no aparece en la lista.",
    "L'indirizzo MAC {mac} non risulta nella lista.", "O endereço MAC {mac} não aparece na lista.",
    "Whitelisted {mac} but it still can't connect", "ARP table shows {mac} twice, any idea why?",
    "Mein Handy ({mac}) bekommt keine IP.", "Device {mac}, firmware 2.1, same bug",
]

# A MAC address ending a sentence, and the next sentence starting in lower case, as casual comments do: its first
# word is a top-level domain in most of them (es, de, se, ca), so the address's last group and that word read as a host.
BEFORE_LOWER_CASE = [
    "meine mac ist {mac}. es geht trotzdem nicht", "mi MAC es {mac}. de todas formas no funciona",
    "la mac del router es {mac}. se desconecta cada hora", "ma mac est {mac}. ca marche toujours pas",
    "a mac é {mac}. de resto nada mudou", "mac address {mac}. it still drops every night",
]

# (kind, how many, how to make one)
CLEAN_SHAPES = [
    ("after a sentence, colons", 60, lambda rng: mac(rng)),
    ("after a sentence, colons, first pair a TLD", 60, lambda rng: mac(rng, first=rng.choice(TLD_PAIRS))),
    ("after a sentence, colons, upper case", 12, lambda rng: mac(rng, upper=True)),
    ("after a sentence, hyphens", 12, lambda rng: mac(rng, "-")),
    ("after a sentence, hyphens, upper case", 12, lambda rng: mac(rng, "-", upper=True)),
    ("after a sentence, Cisco dots", 12, lambda rng: cisco(rng)),
]


def clean_rows(rng):
    rows = []
    languages = sorted(SENTENCES)
    for kind, count, make in CLEAN_SHAPES:
        for i in range(count):
            sentence = rng.choice(SENTENCES[languages[i % len(languages)]])
            rows.append(("CLEAN", sentence + " " + make(rng), kind))
    for _ in range(40):
        upper, separator = rng.random() < 0.3, rng.choice([":", ":", "-"])
        rows.append(("CLEAN", rng.choice(MIDDLE).replace("{mac}", mac(rng, separator, upper)), "in a sentence"))
    for i in range(36):
        form = i % 3
        address = mac(rng) if form == 0 else mac(rng, "-", rng.random() < 0.3) if form == 1 else cisco(rng)
        rows.append(("CLEAN", rng.choice(BEFORE_LOWER_CASE).replace("{mac}", address), "before a lower-case word"))
    rows.append(("CLEAN", "Router shows 5dbe.a174.cafe, any ideas?", "Cisco dots, last group a TLD"))
    rows.append(("CLEAN", "the switch lists aabb.ccdd.eeff. de facto useless", "Cisco dots, before a TLD word"))
    return rows


# Links that must still be caught: a port after a spaced dot, also after a top-level domain of hex letters, and links
# before or after a MAC address in the same comment. Labelled by the rule in docs/links.md, so the TLDs are chosen
# where the rule calls the name a link: no file ending (.cc, .ac) on a bare name or after "name .", and after "name. "
# with a word after it only a TLD that is not a word (com, not net).
HEX_TLDS = ["de", "ca", "cc", "ac", "ae", "ee", "ec"]
FILE_ENDINGS = {"cc", "ac"}
WORDLESS_TLDS = ["com", "org", "de", "ru", "io", "biz", "xyz"]
PORTS = ["80", "8080", "443", "3000", "8443", "25565"]
PATHS = ["deals", "join", "free", "p/4521", "go"]


def hit_rows(rng, names, tlds, carriers, count):
    def spaced(r, tld):
        forms = [(" ", " "), ("", " ")] + ([] if tld in FILE_ENDINGS else [(" ", "")])
        before, after = r.choice(forms)
        return r.choice(names) + before + "." + after + tld

    def any_tld(r):
        return r.choice([t for t in tlds if t not in FILE_ENDINGS]).split(".")[-1]

    makers = [
        ("spaced dot, port", lambda r: spaced(r, any_tld(r)) + ":" + r.choice(PORTS)),
        ("spaced dot, hex TLD, port", lambda r: spaced(r, r.choice(HEX_TLDS)) + ":" + r.choice(PORTS)),
        ("spaced dot, port and path",
         lambda r: spaced(r, r.choice(HEX_TLDS + ["com"])) + ":" + r.choice(PORTS) + "/" + r.choice(PATHS)),
        ("link, then a MAC address",
         lambda r: r.choice(names) + "." + any_tld(r) + ". " + mac(r, r.choice(":-"), first=r.choice(TLD_PAIRS))),
        ("spaced link, then a MAC address", lambda r: spaced(r, r.choice(WORDLESS_TLDS)) + " " + mac(r)),
        ("MAC address, then a spaced link",
         lambda r: mac(r, r.choice(":-")) + ". " + r.choice(names) + ". " + r.choice(WORDLESS_TLDS)),
        ("MAC address, then a link", lambda r: mac(r) + ", see " + r.choice(names) + "." + any_tld(r)),
        ("IPv4 with port, MAC address",
         lambda r: "192.168.0." + str(r.randrange(2, 254)) + ":" + r.choice(PORTS) + " (" + mac(r) + ")"),
        ("bracketed IPv6 with port, MAC address",
         lambda r: "[2001:db8::" + format(r.randrange(1, 65535), "x") + "]:" + r.choice(PORTS) + " " + mac(r)),
    ]
    rows, seen = [], set()
    i = 0
    while len(rows) < count:
        kind, make = makers[i % len(makers)]
        i += 1
        text = rng.choice(carriers).format(make(rng))
        if text in seen:
            continue
        seen.add(text)
        rows.append(("HIT", text, kind))
    return rows
