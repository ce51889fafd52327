"""Clean comments for the abuse tables: the tricks people use to disguise words, used innocently. Each row is an
ordinary comment built from a trick-bearing phrase and a carrier sentence; none hides a listed word."""

# Phrases that use a trick innocently, by trick.
PHRASES = {
    "dotted acronym": ["S.H.I.E.L.D.", "U.S.A.", "the U.K.", "N.A.S.A.", "the F.B.I.", "U.N.", "E.U.", "a U.F.O.",
                       "the B.B.C.", "R.I.P.", "P.S.", "a.k.a.", "e.g.", "i.e.", "the U.S.S.R.", "D.I.Y.",
                       "the N.H.S.", "A.S.A.P.", "Washington D.C.", "J.R.R. Tolkien", "S.W.A.T.", "R.S.V.P."],
    "spelled out": ["A-B-C", "c-a-t", "d-o-g", "T-E-A-M", "W-I-N", "N-O", "Y.E.S.", "h e l l o", "g o a l",
                    "T_H_A_N_K_S", "s/o", "w/o", "b/c", "n/a", "w/e", "i/o", "a/b testing", "Q & A",
                    "R-E-S-P-E-C-T", "M-I-S-S-I-S-S-I-P-P-I", "F.A.C.T.S.", "L-O-V-E", "s u m m e r"],
    "hyphen": ["e-mail", "x-ray", "t-shirt", "co-op", "re-elect", "U-turn", "e-book", "A-list", "B-movie",
               "K-pop", "T-bone", "Wi-Fi", "hi-fi", "sci-fi", "yo-yo", "a-ha", "uh-oh"],
    "digits": ["c00l", "l33t", "n00b", "h4x0r", "gr8", "m8", "l8r", "b4", "2day", "4ever", "w00t", "pwn3d",
               "1337", "sk8er", "COVID-19", "B2B", "3D", "4K", "5G", "MP3", "iPhone 15", "Windows 11", "F1",
               "A4 paper", "R2-D2", "C3PO", "G7", "M25", "Route 66", "Area 51", "Catch-22", "Y2K", "i18n",
               "k8s", "a11y", "1st", "2nd", "3rd", "80s", "1990s", "4x4", "24/7", "9/11", "50-50", "10/10",
               "7-Eleven", "3.14", "v2.0"],
    "prices": ["$5", "$5.99", "$$$", "£10", "€20", "$1,000", "$3.50", "¥500", "5$", "$100k", "$2bn",
               "100%", "50% off", "@ $4 each", "#1", "No. 7"],
    "emoticons": [":-)", ":P", "xD", "<3", ";)", "^_^", "o_O", "¯\\_(ツ)_/¯", ":-/", "T_T", ":o", ":D", "XD",
                  ":|", "(:", "-_-", ">_<", ":'(", "8-)", "=)", "<3 <3", ":-*", "(╯°□°)╯︵ ┻━┻", "\\o/"],
    "mentions": ["@mike", "@Sarah_J", "@the_editor", "@newsdesk", "@bob99", "@kate.smith", "@Phil", "@mod_team",
                 "@cityhall", "@j0hn", "@sk8erboi", "@anna-lee"],
    "hashtags": ["#tbt", "#blessed", "#MondayMotivation", "#vote2024", "#COYS", "#FF", "#NoFilter", "#1",
                 "#BlackLivesMatter", "#metoo", "#climate", "#LFC", "#GE2024", "#booktok"],
    "code": ["C++", "F#", "C#", "Node.js", "ASP.NET", "Objective-C", "x86", "i++", "a*b", "2*3", "x**2",
             "**kwargs", "*args", "*.txt", "src/**/*.java", "a/b/c", "path/to/file", "foo_bar", "__init__",
             "snake_case", "/usr/bin", "grep -i", "rm -rf", "0x1F", "&&", "||", "!=", "a|b", "cat | less"],
    "stars": ["*emphasis*", "*really*", "**bold**", "_italics_", "*sigh*", "*facepalm*", "*shrug*", "5* hotel",
              "three A*s", "an A* grade", "* terms apply", "price*", "**", "*****", "4.5/5 *", "(*)",
              "*cough* corruption *cough*", "*whispers*", "a 5-star* review"],
    "brackets and plus": ["friend(s)", "f(x) = x+1", "(see above)", "item(s)", "the (un)official line", "+1",
                          "Disney+", "+44 20 7946 0000", "a C+ at best", "++i", "x<y", "a<b", "| col | col |",
                          "!important", "!vote", "Apple TV+", "Google+", "(c) 2024", "(TM)", "(a) and (b)"],
    "innocent stars": ["h*ll", "d*mn it", "what the h*ck", "oh my g*d", "fr*cking", "s*x scandal", "p*rn",
                       "terms apply to Brexit*", "f(*)", "rated 5*", "A* student", "top 10*"],
    "spelled after a": ["a s a p", "a p p l e", "I c u", "a b c d", "I d k", "a.k.a.", "a m a z i n g",
                        "i n c r e d i b l e", "a-w-e-s-o-m-e"],
    "full-width": ["Ｔｏｋｙｏ", "ＳＯＮＹ", "ｈｅｌｌｏ", "ＮＩＣＥ", "ＷＯＷ", "ａｅｓｔｈｅｔｉｃ", "ＪＡＰＡＮ", "Ｍａｒｉｏ",
                   "ｃｏｏｌ", "ＴＨＡＮＫＳ", "𝐁𝐑𝐄𝐀𝐊𝐈𝐍𝐆", "𝐍𝐞𝐰𝐬", "𝓑𝓮𝓪𝓾𝓽𝓲𝓯𝓾𝓵", "ⓗⓔⓛⓛⓞ"],
    "accents": ["café", "naïve", "résumé", "jalapeño", "Zürich", "São Paulo", "Ångström", "Dvořák", "Škoda",
                "Łódź", "Kraków", "Björk", "Beyoncé", "Pokémon", "crème brûlée", "façade", "fiancée", "Müller",
                "Gdańsk", "Ibrahimović", "Çatalhöyük", "smörgåsbord", "piñata", "Noël", "über", "Citroën",
                "Curaçao", "Hồ Chí Minh", "Đặng", "Søren Kierkegaard"],
    "stretched": ["soooo good", "yesss", "nooooo", "wooow", "hmmm", "ahhh", "yaaay", "loooove it", "pleeeease",
                  "sooo true", "ughhh", "whyyy", "okkk", "hahahaha", "zzzz", "brrrr", "grrr", "wheee"],
    "case": ["iPhone", "eBay", "McDonald", "LaTeX", "YouTube", "PowerPoint", "GitHub", "NASA", "SpongeBob",
             "wHaT", "sArCaSm", "THANK YOU", "LOL", "OMG", "DeSantis", "MacBook", "LinkedIn", "PlayStation"],
    "invisible": ["co\u00adoperation", "well\u00adknown", "e\u200bmail", "Hello\u200b", "team\u2060work",
                  "\ufeffGood morning", "Mc\u200bDonald", "👨\u200d👩\u200d👧", "👍🏽", "🏳️\u200d🌈"],
}

# Whole sentences in Greek and Russian: letters that look Latin, in their own language.
OTHER_SCRIPTS = [
    "Ευχαριστώ για το άρθρο, πολύ ενδιαφέρον.", "Καλημέρα σε όλους!", "Συμφωνώ απόλυτα με τον συγγραφέα.",
    "Πολύ καλό κείμενο, μπράβο.", "Η Αθήνα είναι υπέροχη την άνοιξη.", "Δεν καταλαβαίνω γιατί το έκαναν αυτό.",
    "Ο καιρός σήμερα είναι καλός.", "Το ποδόσφαιρο είναι το αγαπημένο μου άθλημα.", "Χρόνια πολλά σε όλους!",
    "Κοίτα αυτό το άρθρο.", "Τι ωραία φωτογραφία!", "Ναι, έχεις δίκιο.", "Αυτό είναι ακριβώς το πρόβλημα.",
    "Спасибо за статью, очень интересно.", "Привет, как дела?", "Я согласен с автором.",
    "Это очень хороший текст.", "Москва красивая зимой.", "Не понимаю, почему они так решили.",
    "Погода сегодня хорошая.", "Хорошая новость для всех нас.", "Он опять опоздал на работу.",
    "Сколько это стоит?", "Кот спит на окне.", "Это просто ужас, а не политика.", "Всем доброе утро!",
    "С днём рождения!", "Точно, так и есть.", "Скука смертная, а не матч.", "Сука Тоже?",
    "Україна переможе.", "Дякую за статтю.", "Добар дан, како сте?",
]

CARRIERS = [
    "{p}", "{p} is great", "Loved it {p}", "Have you seen {p}?", "Great piece on {p}, thanks",
    "I think {p} is underrated", "Agree with {p} here", "{p} - best thing I read today",
    "My kid asked about {p} at dinner", "honestly {p} makes my day", "Not sure about {p} but ok",
    "Read the bit about {p} twice", "{p} again? Fine by me", "Thanks for the update {p}",
]


def rows(rng):
    out = []
    for trick, phrases in PHRASES.items():
        for phrase in phrases:
            out.append(("CLEAN", rng.choice(CARRIERS).replace("{p}", phrase), trick))
    for sentence in OTHER_SCRIPTS:
        out.append(("CLEAN", sentence, "other script"))
    # A few comments mixing tricks, as real comments do.
    tricks = list(PHRASES)
    while len(out) < 420:
        a, b = rng.sample(tricks, 2)
        text = f"{rng.choice(PHRASES[a])} and {rng.choice(PHRASES[b])}, {rng.choice(['lol', 'nice', 'right?', 'ok', 'wow'])}"
        out.append(("CLEAN", text, a + " + " + b))
    return out
