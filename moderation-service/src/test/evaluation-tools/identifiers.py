"""Identifiers in comments, for the abuse tables: clean comments that carry one (a UUID, a git hash, a hex id, an
order or tracking code), which must not be flagged, and abusive comments whose leet word sits next to one, which must
still be caught. A hex group read as leetspeak reads as a word (4bb0 and 48b0 as the slur "abo", 1d107 as "idiot"),
so these tables score the rule that reads identifiers as written (see Identifiers.java)."""

HEX = "0123456789abcdef"
ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

# Version-4 UUIDs and hex runs that moderation-service held or rejected before identifiers were read as written:
# found by appending seeded random ones to "Order {id} never arrived." and "Fixed in commit {id}, thanks" under the
# default policy. Each reads as a listed word somewhere: 4bb0, a480, 48b0 as "abo"; d11d0 as "dildo"; 1d107 as
# "idiot".
READ_AS_WORDS_BEFORE = [
    "cab8b816-a480-44bb-86cc-b566840a4843", "7ce92685-9445-4a80-8466-b992a02b14af",
    "64516f86-4b18-43f4-a455-b61962958869", "3e914372-3c56-4be8-aa80-db45b0605961",
    "077b9d6c-1e9c-4b80-a2a0-bd7c04cecde8", "0913d831-0895-4bb0-b0e7-43d05e1cd9ed",
    "2a5c15e8-217c-4b80-9ce3-f1a4214cabe7", "04ec1302-400f-43d0-ab00-3b078520c9dc",
    "6978e86e-12f2-4f4f-a455-b198ab496761", "5e0c7904-f449-4540-979f-d12c9394a196",
    "e62f06cf-385f-48b0-8094-3bb0f0014911", "311620d3-0ca2-4bb0-86dd-e69e8e3284ca",
    "b3899987-b246-4638-aa55-acccc0ebb85e", "6ebc3de5-a974-4ab0-b664-da223dcc0cda",
    "8cfb8677-d131-4643-ab80-9608a0afad35", "3da4b683-52a9-4bb0-883b-23f1fecda03d",
    "e7d705aa-7a19-436b-aef0-54d0e5e1333d", "7e93e8c8-359f-4ab0-9acb-7c40575aa774",
    "9903bfa1-ecc6-443a-a480-181bb200c7af", "baa98e5e-8707-44b0-9e6a-5fe790e08e70",
    "aa8e4b11-4763-4a80-ba04-9b7351f9379e", "4aa56fb7-1df4-4b00-a046-9c9b8ffac118",
    "d83fe707-7e77-44ab-a4b0-df9773540a54", "133c9384-d392-44b0-a0ca-16d034254ac5",
    "e651b316-c88e-4ab0-97e3-d9efd6f00799", "53b6dcfa-7fa9-4c17-97f0-8427dfff96a0",
    "9fe0dfde-24e1-4ab0-9e43-e08e4b14d19e", "2e5cfb1e-4aef-4a80-bf3d-ea7030bade20",
    "731888f4-7a19-4557-be7b-7c4ee99a9515", "02df4143-4752-4bb0-a7e2-1399e2472e2a",
    "ea1a9cba-4ab0-41e3-9bbe-2edba0bd98ab", "f36e5d58-3d12-4b05-a642-40f6a0082365",
    "6b3e3e18-336e-4bf4-a4b0-7fd0ad78948e", "222c4b49-817c-43a8-97f0-5f153b1bc80e",
    "049c1bb4-9368-4b83-a8b0-dcc687dfa191", "a3f53e95-a800-496b-9087-7c129c863802",
    "45843b47-3c21-4a80-91c6-888209428556", "8382df44-3e53-48b0-9738-7c772afccb18",
    "4bcacd65-d490-4645-a882-178e8a245615", "8d25986c-b0c2-4f78-a880-570d945b2a43",
    "1d11000730", "1d1071d68a6c34", "d11d0e2aebd4bdb", "1d107cff27323a0", "1355bb80", "d11d07a80",
    "d11d0b197d5a5", "dd11d06ee", "d11d0a71", "1d1079f50c7443", "1d107f2166", "13ee5b05", "d11d0a76fb",
    "d11d03c14e8dd173", "1d10794b5d0aefe", "d11d0311470", "1d1071ea", "dd11d0683479", "a444b8b0",
]


def hex_run(rng, length, upper=False):
    out = "".join(rng.choice(HEX) for _ in range(length))
    return out.upper() if upper else out


def uuid4(rng):
    digits = [rng.choice(HEX) for _ in range(32)]
    digits[12] = "4"
    digits[16] = rng.choice("89ab")
    s = "".join(digits)
    return f"{s[:8]}-{s[8:12]}-{s[12:16]}-{s[16:20]}-{s[20:]}"


def code(rng, length):
    return "".join(rng.choice(ALNUM) for _ in range(length))


# (kind, how to make one): the identifier shapes a news site's commenters paste. The rule covers UUIDs and hex runs
# of eight or more; the rest (a git short hash of seven, order and tracking codes, 0x error codes) are read as before,
# and are here to show what that costs.
SHAPES = [
    ("uuid", 90, uuid4),
    ("uuid upper case", 8, lambda rng: uuid4(rng).upper()),
    ("uuid in braces", 4, lambda rng: "{" + uuid4(rng).upper() + "}"),
    ("uuid urn", 3, lambda rng: "urn:uuid:" + uuid4(rng)),
    ("uuid read as words before", 40, lambda rng: rng.choice([u for u in READ_AS_WORDS_BEFORE if "-" in u])),
    ("hex run read as words before", 20, lambda rng: rng.choice([u for u in READ_AS_WORDS_BEFORE if "-" not in u])),
    ("git short hash", 20, lambda rng: hex_run(rng, 7)),
    ("git hash of 8-12", 12, lambda rng: hex_run(rng, rng.randint(8, 12))),
    ("git full hash", 8, lambda rng: hex_run(rng, 40)),
    ("sha256 digest", 4, lambda rng: "sha256:" + hex_run(rng, 64)),
    ("object id", 8, lambda rng: hex_run(rng, 24)),
    ("container id", 6, lambda rng: hex_run(rng, 12)),
    ("hex id upper case", 6, lambda rng: hex_run(rng, rng.choice([8, 10, 16]), upper=True)),
    ("windows error", 4, lambda rng: "0x" + rng.choice(["8007", "C000", "8024", "0000"]) + hex_run(rng, 4, upper=True)),
    ("order code", 12, lambda rng: code(rng, 4) + "-" + code(rng, 4)),
    ("order number", 6, lambda rng: "ORD-" + str(rng.randint(2019, 2026)) + "-" + str(rng.randint(10000, 99999))),
    ("ups tracking", 6, lambda rng: "1Z" + code(rng, 6) + "".join(rng.choice("0123456789") for _ in range(10))),
    ("royal mail tracking", 4, lambda rng: "".join(rng.choice(ALNUM[:26]) for _ in range(2))
     + str(rng.randint(10**8, 10**9 - 1)) + "GB"),
]

CLEAN_TEMPLATES = [
    "order {id} never arrived", "Order {id} never arrived.", "fixed in commit {id}", "Fixed in {id}, thanks",
    "My ticket number is {id} and still no answer", "Request ID: {id}", "the error says {id}, any idea?",
    "Tracking number {id} shows delivered but nothing came", "Reference {id}, please check my refund",
    "(ref. {id})", "{id} is the session id the help desk gave me", "Same bug here, see build {id}",
    "I reported it as {id} three weeks ago", "Your app crashed again: {id}", "Case {id} was closed without a reply",
    "The council's reference for my complaint is {id}.", "Reverted by {id} if anyone wonders",
    "Got a refund under claim {id}, took a month", "Bookings: {id}. Still waiting for the tickets.",
    "Thanks! Confirmation code {id}",
]

# A leet word next to an identifier, hyphened to one, or elsewhere in the same comment.
HIT_FRAMES = [
    "{s} (order {id})", "Order {id}: {s}", "{s} Ref {id}", "Ticket {id}. {s}", "{s} See {id}.",
]


def clean_rows(rng):
    rows = []
    for kind, count, make in SHAPES:
        for _ in range(count):
            rows.append(("CLEAN", rng.choice(CLEAN_TEMPLATES).replace("{id}", make(rng)), kind))
    return rows


def hit_rows(rng, pick_word, digit_leet, sentence, count):
    identifiers = [make for kind, _, make in SHAPES if kind.startswith(("uuid", "git", "hex", "object"))]
    rows, seen = [], set()
    while len(rows) < count:
        word, slot = pick_word(rng)
        disguised = digit_leet(rng, word)
        if not disguised:
            continue
        identifier = rng.choice(identifiers)(rng)
        if rng.random() < 0.25:
            disguised = disguised + "-" + identifier if rng.random() < 0.5 else identifier + "-" + disguised
            text = sentence(rng, disguised, slot, word)
        else:
            text = rng.choice(HIT_FRAMES).replace("{s}", sentence(rng, disguised, slot, word)).replace(
                "{id}", identifier)
        if text in seen:
            continue
        seen.add(text)
        rows.append(("HIT", text, word))
    return rows
