#!/usr/bin/env python3
"""Writes the abuse evaluation tables of issue 13, one per disguise category, into
src/test/resources/evaluation/abuse/. Deterministic: a fixed seed per category, so running it again gives the same
files; commit the files it writes.

Every HIT row hides one listed word, disguised the way people disguise it, inside an ordinary comment. The base
words are plain letter-only entries of DefaultTerms.BANNED / SUSPECT (stars dropped) and inflections the Term rules
accept, so the tables stay valid whatever else the lists gain. The clean-tricks table holds ordinary comments that use
the same tricks (dotted acronyms, leet handles, accents, other scripts, stars for emphasis, ...) and must not be
flagged; the clean-identifiers and leet-near-identifiers tables (identifiers.py) score identifiers, whose hex groups
read as leetspeak would read as words.

    python3 moderation-service/src/test/evaluation-tools/abuse_tables.py
"""
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "evaluation", "abuse")
ROWS = 220

# (word as written, slot, weight). Slots: N = insult noun, X = exclamation or verb, A = adjective, P = plural noun.
WORDS = [
    ("fuck", "X", 8), ("fucking", "A", 8), ("fucked", "X", 2), ("fucker", "N", 2), ("motherfucker", "N", 2),
    ("shit", "X", 7), ("shitty", "A", 3), ("bullshit", "X", 3), ("shithead", "N", 1),
    ("cunt", "N", 4), ("cunts", "P", 1), ("twat", "N", 2),
    ("bitch", "N", 5), ("bitches", "P", 1), ("asshole", "N", 4), ("assholes", "P", 1),
    ("wanker", "N", 2), ("dickhead", "N", 2), ("slut", "N", 2), ("whore", "N", 2), ("skank", "N", 1),
    ("nigger", "N", 2), ("niggers", "P", 1), ("faggot", "N", 2), ("retard", "N", 1),
    ("idiot", "N", 4), ("idiots", "P", 2), ("moron", "N", 3), ("morons", "P", 1), ("stupid", "A", 2),
    ("bastard", "N", 2), ("jackass", "N", 1), ("dumbass", "N", 1), ("scumbag", "N", 1), ("douchebag", "N", 1),
    ("tosser", "N", 1), ("imbecile", "N", 1), ("crap", "X", 2), ("bollocks", "X", 1), ("pussy", "N", 1),
]

TEMPLATES = {
    "N": ["You are a {w}.", "What a {w}, honestly.", "The author is a complete {w}", "shut up you {w}",
          "Only a {w} would write this article", "the mayor is a total {w} and everyone knows it",
          "Typical {w} comment, ignore him.", "Reply to @dan: you absolute {w}", "this guy is such a {w} lol",
          "Go away, {w}.", "Anyone who votes for him is a {w}", "{W}. That is all.",
          "Listen here {w}, nobody asked you", "my neighbour is a {w} about parking", "Ref was a {w} all game"],
    "P": ["These people are {w}.", "bunch of {w} running this council", "Only {w} believe this",
          "The commenters here are all {w}", "{W}, the lot of them.", "Politicians are {w}, every one of them"],
    "A": ["This is a {w} article.", "what a {w} decision by the club", "Your {w} opinion is worthless",
          "the {w} referee ruined it", "{W} traffic again on the bridge", "Worst {w} service I have ever had",
          "that is the most {w} idea I have heard this year", "I am so tired of this {w} government"],
    "X": ["What the {w} is this?", "{W}, they did it again.", "oh {w}, not again", "This is {w}.",
          "{w} this, I am cancelling my subscription", "Holy {w}, that score!", "well {w} me, he was right",
          "Absolute {w} from start to finish", "{W}! Missed the bus again", "Nothing but {w} in this paper"],
}


def pick_word(rng, words=WORDS):
    total = sum(w for _, _, w in words)
    r = rng.uniform(0, total)
    for word, slot, weight in words:
        r -= weight
        if r <= 0:
            return word, slot
    return words[-1][0], words[-1][1]


def sentence(rng, disguised, slot, word):
    template = rng.choice(TEMPLATES[slot])
    if word[0] in "aeiou":
        template = template.replace(" a {w}", " an {w}").replace(" a complete {w}", " an complete {w}")
        template = template.replace(" an complete", " a complete")
    if "{W}" in template:
        # Capitalised at the start of a sentence, unless that changes the look of a letter from another script:
        # a capital Greek eta reads H, not n.
        first = disguised[:1]
        return template.replace("{W}", first.upper() + disguised[1:] if first.isascii() and first.isalpha() else disguised)
    return template.replace("{w}", disguised)


# ---- tricks: each takes (rng, word) and returns the disguised word, or None if it does not apply ----

def separators(rng, word):
    style = rng.random()
    if style < 0.6:
        sep = rng.choice([".", " ", "-", "*", "_", "/", ".", "-", " "])
        sep = rng.choice([sep, sep, sep, sep + sep, " " + sep + " "]) if sep != " " else sep
        out = sep.join(word)
        if sep == "." and rng.random() < 0.4:
            out += "."
        return out
    seps = [rng.choice([".", "-", "_", "*", "/", " ", ".."]) for _ in word[1:]]
    return word[0] + "".join(s + c for s, c in zip(seps, word[1:]))


DIGIT_LEET = {"a": "4", "e": "3", "i": "1", "l": "1", "o": "0", "s": "5", "t": "7", "b": "8", "g": "9", "z": "2"}
SYMBOL_LEET = {"a": "@", "i": "!", "s": "$", "c": "(", "o": "0", "e": "3", "l": "|", "t": "+", "h": "#", "u": "v",
               "k": "|<"}


def digit_leet(rng, word):
    letters = [i for i, c in enumerate(word) if c in DIGIT_LEET]
    if not letters:
        return None
    chosen = set(rng.sample(letters, rng.randint(1, len(letters))))
    return "".join(DIGIT_LEET[c] if i in chosen else c for i, c in enumerate(word))


def symbol_leet(rng, word):
    letters = [i for i, c in enumerate(word) if c in SYMBOL_LEET and c not in "oe"]
    if not letters:
        return None
    chosen = set(rng.sample(letters, rng.randint(1, min(3, len(letters)))))
    out = []
    for i, c in enumerate(word):
        if i in chosen:
            # a bracket for c or a # for h at the start of a word reads as punctuation: people put them inside
            if c in "ch" and i == 0:
                out.append(c)
            else:
                out.append(SYMBOL_LEET[c])
        elif c in "oe" and rng.random() < 0.3:
            out.append(SYMBOL_LEET[c])
        else:
            out.append(c)
    if word.startswith("f") and rng.random() < 0.15:
        out[0] = "ph"
    result = "".join(out)
    return result if result != word else None


GREEK = {"a": "α", "o": "ο", "i": "ι", "k": "κ", "v": "ν", "t": "τ", "u": "υ", "p": "ρ", "x": "χ", "n": "η",
         "y": "γ", "w": "ω", "e": "ε", "b": "β"}
GREEK_UPPER = {"a": "Α", "b": "Β", "e": "Ε", "h": "Η", "i": "Ι", "k": "Κ", "m": "Μ", "n": "Ν", "o": "Ο", "p": "Ρ",
               "t": "Τ", "x": "Χ", "y": "Υ", "z": "Ζ"}
CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "y": "у", "x": "х", "i": "і", "j": "ј", "s": "ѕ",
            "h": "һ", "k": "к", "m": "м", "d": "ԁ", "w": "ԝ", "l": "ӏ"}
CYRILLIC_UPPER = {"a": "А", "b": "В", "e": "Е", "h": "Н", "k": "К", "m": "М", "o": "О", "p": "Р", "c": "С",
                  "t": "Т", "x": "Х", "y": "У", "i": "І", "s": "Ѕ", "j": "Ј"}


def look_alikes(table, upper_table):
    def trick(rng, word):
        if rng.random() < 0.3 and all(c in upper_table or c.isalpha() for c in word):
            out = "".join(upper_table[c] if c in upper_table and rng.random() < 0.7 else c.upper() for c in word)
        else:
            letters = [i for i, c in enumerate(word) if c in table]
            if not letters:
                return None
            chosen = set(rng.sample(letters, rng.randint(1, len(letters))))
            out = "".join(table[c] if i in chosen else c for i, c in enumerate(word))
        return out if out.lower() != word else None
    return trick


def repeated(rng, word):
    vowels = [i for i, c in enumerate(word) if c in "aeiou"]
    out = list(word)
    spots = rng.sample(range(len(word)), 1) if rng.random() < 0.3 or not vowels else rng.sample(vowels, 1)
    if rng.random() < 0.2:
        spots.append(len(word) - 1)
    for i in spots:
        out[i] = out[i] * rng.randint(3, 9)
    return "".join(out)


def full_width(rng, word):
    style = rng.random()
    if style < 0.7:
        base = 0xFF41 if rng.random() < 0.7 else 0xFF21
        return "".join(chr(base + ord(c) - ord("a")) for c in word)
    if style < 0.85:
        base = rng.choice([0x1D41A, 0x1D482, 0x1D5EE, 0x1D622, 0x1D68A])  # bold, bold italic, sans bold, ..., mono
        return "".join(chr(base + ord(c) - ord("a")) for c in word)
    return "".join(chr(0xFF41 + ord(c) - ord("a")) if rng.random() < 0.5 else c for c in word)


ACCENTS = {"a": "àáâäãåā", "e": "èéêëē", "i": "ìíîïī", "o": "òóôöõøō", "u": "ùúûüū", "c": "çćč", "s": "šśş",
           "n": "ñń", "y": "ýÿ", "z": "žźż", "g": "ğ", "t": "ţť", "r": "řŕ", "d": "ď", "l": "ľĺ", "k": "ķ", "h": "ĥ"}
COMBINING = ["\u0301", "\u0308", "\u0300", "\u0303", "\u0336", "\u0338", "\u0327", "\u030c"]


def diacritics(rng, word):
    letters = [i for i, c in enumerate(word) if c in ACCENTS]
    out = list(word)
    if rng.random() < 0.75 and letters:
        for i in rng.sample(letters, rng.randint(1, min(3, len(letters)))):
            out[i] = rng.choice(ACCENTS[word[i]])
    else:
        for i in rng.sample(range(len(word)), rng.randint(1, min(3, len(word)))):
            out[i] = out[i] + "".join(rng.choice(COMBINING) for _ in range(rng.randint(1, 2)))
    return "".join(out)


INVISIBLE = ["\u200b", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


def zero_width(rng, word):
    gaps = rng.sample(range(1, len(word)), rng.randint(1, len(word) - 1))
    mark = rng.choice(INVISIBLE)
    return "".join((mark if i in gaps else "") + c for i, c in enumerate(word))


def mixed_case(rng, word):
    style = rng.random()
    if style < 0.3:
        return "".join(c.upper() if i % 2 == 0 else c for i, c in enumerate(word))
    if style < 0.55:
        return "".join(c if i % 2 == 0 else c.upper() for i, c in enumerate(word))
    if style < 0.75:
        return word.upper()
    out = "".join(c.upper() if rng.random() < 0.5 else c for c in word)
    return out if out != word else word.upper()


def masked(rng, word):
    """Self-censored: inner letters replaced by stars (one per letter), the first and last letters kept."""
    if len(word) < 4:
        return None
    vowels = [i for i, c in enumerate(word) if c in "aeiou" and 0 < i < len(word) - 1]
    style = rng.random()
    mask = "*" if rng.random() < 0.85 else rng.choice(["#", "_"])
    if style < 0.55 and vowels:
        i = rng.choice(vowels)
        return word[:i] + mask + word[i + 1:]
    if style < 0.9:
        i = rng.randint(1, len(word) - 3)
        j = rng.randint(i + 1, min(len(word) - 1, i + 4))
        return word[:i] + mask * (j - i) + word[j:]
    sym = {"i": "!", "a": "@", "s": "$"}
    out = "".join(sym.get(c, c) if 0 < k else c for k, c in enumerate(word))
    return out if out != word else word[0] + mask + word[2:]


def combined(rng, word):
    kind = rng.randrange(6)
    if kind == 0:  # leet, then dots
        return separators(rng, digit_leet(rng, word) or word).replace(" ", ".")
    if kind == 1:  # homoglyph + zero-width + case
        return zero_width(rng, mixed_case(rng, look_alikes(CYRILLIC, CYRILLIC_UPPER)(rng, word) or word))
    if kind == 2:  # repeated, then separators
        sep = rng.choice([".", "-", " ", "_"])
        return sep.join(repeated(rng, word)) if rng.random() < 0.5 else sep.join(word + word[-1] * 3)
    if kind == 3:  # accents + leet
        return diacritics(rng, symbol_leet(rng, word) or digit_leet(rng, word) or word)
    if kind == 4:  # full-width + leet digits
        leet = digit_leet(rng, word) or word
        return "".join(chr(0xFF41 + ord(c) - ord("a")) if c.isalpha() else chr(0xFF10 + int(c)) if c.isdigit()
                       else c for c in leet)
    return mixed_case(rng, repeated(rng, symbol_leet(rng, word) or word))


CATEGORIES = {
    "separators": separators,
    "combined": combined,
    "symbol-leet": symbol_leet,
    "greek": look_alikes(GREEK, GREEK_UPPER),
    "digit-leet": digit_leet,
    "repeated": repeated,
    "cyrillic": look_alikes(CYRILLIC, CYRILLIC_UPPER),
    "full-width": full_width,
    "diacritics": diacritics,
    "zero-width": zero_width,
    "mixed-case": mixed_case,
    "masked": masked,
}

DESCRIPTIONS = {
    "separators": "letters spaced out by . - _ * / or spaces, single, doubled, mixed",
    "combined": "two or three tricks at once: leet + dots, look-alike + zero-width + case, stretched + separators, ...",
    "symbol-leet": "symbols for letters: @ ! $ ( | + # |< inside a word, v for u, ph for f",
    "greek": "Greek letters that look like Latin ones",
    "digit-leet": "digits for letters: 4 3 1 0 5 7 8 9 2",
    "repeated": "stretched letters",
    "cyrillic": "Cyrillic letters that look like Latin ones",
    "full-width": "fullwidth and mathematical letters",
    "diacritics": "accented letters and combining marks",
    "zero-width": "invisible characters inside the word",
    "mixed-case": "mixed and upper case",
    "masked": "self-censored: inner letters replaced by * (one per letter), sometimes # or _; symbols for letters",
}


def escape(text):
    return text.replace("\t", "\\t").replace("\n", "\\n")


def write(name, header, rows):
    with open(os.path.join(OUT, name + ".tsv"), "w", encoding="utf-8", newline="\n") as out:
        out.write("# Generated by src/test/evaluation-tools/abuse_tables.py; edit the script, not this file.\n")
        for line in header:
            out.write("# " + line + "\n")
        for label, text, note in rows:
            out.write(f"{label}\t{escape(text)}\t{note}\n")


def hit_table(name, trick, seed):
    rng = random.Random(seed)
    rows, seen = [], set()
    while len(rows) < ROWS:
        word, slot = pick_word(rng)
        disguised = trick(rng, word)
        if not disguised or disguised == word:
            continue
        text = sentence(rng, disguised, slot, word)
        if text in seen:
            continue
        seen.add(text)
        rows.append(("HIT", text, word))
    write(name, [DESCRIPTIONS[name], "aim: recall >= 0.95"], rows)


def main():
    os.makedirs(OUT, exist_ok=True)
    for seed, (name, trick) in enumerate(CATEGORIES.items()):
        hit_table(name, trick, 1300 + seed)
    import clean_tricks
    write("clean-tricks", ["clean comments that use the same tricks", "aim: flagged <= 0.01"],
          clean_tricks.rows(random.Random(1399)))
    import identifiers
    write("clean-identifiers",
          ["clean comments that carry an identifier: UUIDs, hashes, hex ids, order and tracking codes",
           "aim: flagged <= 0.01"],
          identifiers.clean_rows(random.Random(1400)))
    write("leet-near-identifiers",
          ["digits for letters in a comment that carries an identifier: next to it, hyphened to it",
           "aim: recall >= 0.95"],
          identifiers.hit_rows(random.Random(1401), pick_word, digit_leet, sentence, ROWS))


if __name__ == "__main__":
    main()
