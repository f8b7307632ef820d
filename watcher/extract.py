"""Who wrote, for which employer, about which role: the names a follow-up draft needs.

The employer is never an applicant-tracking relay: "Orrery Payments via Skillcheck" is Orrery
Payments, and mail from greenhouse.io or myworkday.com says nothing about who is hiring. A name
written in the mail beats one guessed from the sender's domain, as long as the two agree:
mail from `tidewaterlogistics.example` that says "Tidewater Logistics" is from Tidewater
Logistics, not "Tidewaterlogistics".

>>> from types import SimpleNamespace as NS
>>> mail = NS(sender_name="Orrery Payments via Skillcheck", sender="no-reply@skillcheck.example",
...           subject="Orrery Payments invites you to a coding assessment", signature="")
>>> p = read_people(mail, "Thank you for your interest in the Backend Engineer, Ledger role at Orrery Payments.", "en")
>>> p.company, p.role, p.recruiter_name
('Orrery Payments', 'Backend Engineer, Ledger', None)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass
class People:
    company: str | None
    role: str | None
    recruiter_name: str | None


# Only the start of a long message is searched for names: they come early, and the reader runs
# this on every email.
_BODY_CHARS = 4000

# ---- words ---------------------------------------------------------------------------------------

# Applicant-tracking systems, job boards and mail providers: their names are never the employer.
RELAY_DOMAINS = frozenset("""
greenhouse greenhouse-mail lever lever-mail workday myworkday myworkdayjobs myworkday-mail smartrecruiters
icims jobvite ashbyhq ashby ashby-mail taleo successfactors bamboohr workable recruitee teamtailor personio
breezy jazzhr hackerrank codility codesignal hirevue indeed linkedin glints kalibrr jobstreet ziprecruiter glassdoor
calendly skillcheck
""".split())
# Mail providers: a person's own mailbox says nothing about an employer ("mail.example" in tests).
MAIL_PROVIDERS = frozenset("gmail googlemail yahoo ymail outlook hotmail live msn icloud me proton protonmail mail "
                           "email aol gmx zoho yandex".split())
class _AnyWord:
    """A fast `.search(text)` for "does `text` hold one of these words" (set look-ups, not a long
    alternation: these run many times per email)."""

    def __init__(self, words, pattern=None):
        self.words = frozenset(words)
        self.pattern = pattern  # for phrases of several words

    def search(self, text: str) -> bool:
        low = text.lower()
        if not self.words.isdisjoint(_WORDS.findall(low)):
            return True
        return bool(self.pattern and " " in low and self.pattern.search(low))


_WORDS = re.compile(r"[a-z]+")
_TEAM_WORDS = (r"recruitment cent(?:er|re)|rekrutmen bersama|careers?|recruiting|recruitment|recruiters?|talent(?: acquisition| team| partners?| community| network)?|"
               r"hr|human resources|human capital|hiring(?: team)?|jobs|people(?: team| ops)?|team|rekrutmen|tim|karier|"
               r"karir|notifications?|no-?reply|noreply|do not reply|campus|staffing|acquisition|sdm|hrd|talenta|"
               r"personalia|people & culture|people and culture|department|dept|panitia(?: seleksi| rekrutmen)?|"
               r"seleksi|office|desk|resourcing|online applications|applications|graduate|early careers|"
               r"university recruiting|divisi|departemen|bagian|kepegawaian|sumber daya manusia|workforce|"
               r"sourcing|scouting|alumni")
_TEAM_PATTERN = re.compile(rf"\b(?:{_TEAM_WORDS})\b", re.I)
_TEAM = _AnyWord("""careers career recruiting recruitment recruiter recruiters talent hr hiring jobs people team
rekrutmen tim karier karir notification notifications noreply reply campus staffing acquisition sdm hrd talenta personalia
department dept panitia seleksi office desk resourcing applications divisi departemen bagian kepegawaian workforce
sourcing scouting alumni""".split(), re.compile(r"\b(?:human (?:resources|capital)|sumber daya manusia|people (?:&|and) "
                                               r"culture|early careers|graduate (?:careers|recruitment))\b"))
# Every word of a team phrase, to skip the patterns below for names that hold none.
_TEAM_TOKENS = frozenset(re.findall(r"[a-z]+", _TEAM_WORDS.replace("(?:", " ").replace("?", " "))) | {"no-reply", "pt", "cv"}
_LEADING_TEAM = re.compile(rf"^(?:(?:the|tim|team)\s+)?(?:(?:{_TEAM_WORDS})\b\s*)+(?:(?:at|of|di|@|-|–|\||,)\s+)?", re.I)
_TRAILING_TEAM = re.compile(rf"(?:\s+(?:at|of|-|–|\||,))?(?:\s+(?:{_TEAM_WORDS}))+$", re.I)
_ORG_PATTERN = (r"\b(?:pt|cv|tbk|ltd|llc|inc|gmbh|plc|pte|group|grup|labs?|company|corp|bank|foods?|media|studios?|"
                        r"partners|solutions|systems|technologies|technology|tech|university|universitas|hospital|agency|"
                        r"consulting|research|global|international|holdings|services|payments|health|capital|ventures|"
                        r"events|books|store|shop|cafe|restaurant|hotels?|resorts?|school|academy|clinic|klinik|logistics|"
                        r"energy|insurance|digital|software|analytics|games|security|privacy|billing|reminders|alerts|"
                        r"premium|trust|foundation|council|college|institute|yayasan|persero|rs|energi|bumn|cloud|pay|mobility|"
                        r"robotics|airlines?|air|maps|studio|ritel|retail|farma|pharma\w*|group|care|homes)\b")


_ORG_WORDS = _AnyWord(w for w in re.findall(r"[a-z]+", _ORG_PATTERN.replace("(?:", " ")) if len(w) > 1)
_ORG_WORDS.words = _ORG_WORDS.words | {"airline", "airlines", "hotel", "resort", "studios", "lab", "food",
                                       "pharmaceuticals", "pharmacy", "grup"}
# Departments, places and words of a subject line: never a company on their own.
_NOT_A_COMPANY = frozenset("""
finance accounting engineering operations marketing sales product platform design data legal it communications
services service medical laboratory practice sciences life construction property banking financial the a an
interview interviews phone video onsite on-site final second first technical telephone online virtual next steps
step update status application applications offer offers your our my re fwd hi hello dear thanks thank you
invitation reminder confirmed confirmation opportunity opportunities assessment test feedback outcome search
committee r&d jakarta bandung surabaya semarang medan makassar yogyakarta bali denpasar bekasi tangerang depok
bogor london singapore amsterdam berlin paris dublin sydney melbourne brisbane pune bangalore bengaluru mumbai
delhi hyderabad chennai wellington auckland toronto boston chicago remote hybrid head home urgent new action
required important welcome congratulations lamaran undangan wawancara hasil seleksi posisi pengumuman informasi
pemberitahuan konfirmasi terima kasih selamat tahap proses job jobs career careers role position vacancy
candidate candidates programs message messages news bad good great inc ltd llc pte co corp tbk gmbh plc
""".split())
_COMPANY_SUFFIX = frozenset("inc inc. ltd ltd. llc llc. pte pte. co co. corp corp. tbk tbk. gmbh plc bv b.v. as ab "
                            "pty pty. bhd bhd. sa s.a. nv n.v. llp lp (persero) (persero)".split())
_NAME_STOP = frozenset("""
we i i'm i've i'll our us you your this that these please thank thanks dear hi hello regards best unfortunately
kami anda kamu terima mohon silakan salam it its if as for and or but so on in at to by from is are was
were be will would can could should have has had do does did not no yes who which when where what why how
here there after before while since because although however also just only still then than
it's let's here's we're you're that's what's
""".split())
# A name that ends in one of these is a job, not an employer: "Software Engineer".
_TITLE_NOUNS = frozenset("engineer developer analyst manager designer scientist specialist officer coordinator director "
                         "consultant intern programmer recruiter assistant executive".split())
# Words of what a subject line is about, never inside an employer's name.
_TOPIC_WORDS = frozenset("interview interviews preparation preparations screen telephone availability confirmation "
                         "invitation meeting update status news wawancara undangan".split())
_RELAY_NAMES = RELAY_DOMAINS | {"hackerrank", "linkedin", "indeed", "glassdoor", "workday", "greenhouse", "lever"}
_SUFFIX_BARE = frozenset(s.strip(".") for s in _COMPANY_SUFFIX)
# A phone number, a year or an address ends an organisation's name: "Bluestone Executive Search 212-555-0196".
_ADDRESS_WORDS = frozenset("tower gedung menara wisma jl jalan lt floor street st road rd suite unit building plaza "
                           "avenue ave level kav blok no".split())
_NUMBER_CHARS = frozenset("0123456789+()./-")
_CONNECTORS = frozenset("& and of dan de the for du la le von van der".split())

_NAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u00de][a-z\u00df-\u017f']*(?:[-'][A-Za-z\u00c0-\u017f][a-z\u00df-\u017f']*)*"
                        r"|(?:Mc|Mac|O')[A-Z][a-z\u00df-\u017f]+|[A-Z]\.?)$")
_NAME_PARTICLES = frozenset("de da del della der den van von di du dos das la le al el bin binti ter".split())
# Words that fill a sign-off line without being anyone's name.
_NOT_A_NAME = frozenset("""
bagian sumber daya manusia divisi departemen kepegawaian panitia seleksi rekrutmen tim hrd sdm committee search
office department faculty human capital resources people culture recruitment recruiting talent acquisition team
careers career university school hiring regards best thanks sincerely cheers salam hormat kami manager director
officer partner lead head advisor adviser administrator coordinator recruiter specialist assistant executive
associate consultant services operations group the and of calendar mama papa admin support security mingguan
""".split())

_SIGN_OFF = re.compile(r"^(?:best|best regards|kind regards|regards|warm regards|warmly|many thanks|thanks|thank you|"
                       r"cheers|sincerely|yours sincerely|yours faithfully|yours truly|best wishes|all the best|"
                       r"with thanks|respectfully|salam|hormat (?:kami|saya)|terima kasih|salam hangat|wassalam|"
                       r"regards from|sent from)\b[^\n]{0,30}$", re.I)
# Mailboxes of a team, not of a person: "Fjordlight Events <events@...>" is no one's name.
_GENERIC_MAILBOX = re.compile(r"^(?:events?|info|hello|hi|team|jobs?|careers?|hr|recruit\w*|talent|hiring|people|"
                              r"no-?reply|notifications?|orders?|support|admin|office|contact|news\w*|marketing|"
                              r"karier|karir|rekrutmen|lowongan|sdm|hrd|promo\w*|billing|bills|security|privacy|"
                              r"reminders?|alerts?|updates?|messages?|matches|insights|product|coach|contests?|"
                              r"calendar\w*|applications?|vacancies|resourcing|seleksi|panitia|ta|hc)\b")
_TITLES = re.compile(r"^(?:(?:prof|professor|dr|mr|mrs|ms|mx|miss|sir|dame|bapak|bpk|ibu|pak|bu|mbak|mba|mas|kak|"
                     r"sdr|sdri|saudara|saudari|drs|ir|hj|h)\.?\s+)+", re.I)
_CREDENTIALS = re.compile(r"(?:,?\s+(?:RN|PhD|Ph\.D\.?|MBA|MD|CPA|SPHR|PHR|CIPD|MSc|BSc|MA|BA|S\.Psi|S\.E|S\.Kom|"
                          r"M\.Psi|M\.M|Psikolog|HR|HRD|Recruiter|Recruitment|Talent))+\.?$")
_TITLE_WORDS = frozenset("prof professor dr mr mrs ms mx miss sir dame bapak bpk ibu pak bu mbak mba mas kak sdr sdri "
                         "saudara saudari drs ir hj h".split())
_CREDENTIAL_WORDS = frozenset("rn phd ph.d ph.d. mba md cpa sphr phr cipd msc bsc ma ba s.psi s.e s.kom m.psi m.m "
                              "psikolog hr hrd recruiter recruitment talent s.psi. s.e. s.kom. m.psi. m.m.".split())
_LAST_FIRST = re.compile(r"^([A-Z][\w'\u00c0-\u017f-]+),\s+([A-Z][\w'\u00c0-\u017f-]+(?:\s+[A-Z]\.?)?)$")


# ---- people --------------------------------------------------------------------------------------

# Names repeat within a message and across a mailbox: each is worked out once.
@lru_cache(maxsize=4096)
def _clean_person(name: str) -> str:
    """ "Prof. Dr. Katrin Vogel" -> "Katrin Vogel"; "Denise Wolfe RN" -> "Denise Wolfe";
    "Whitmore, Josephine" -> "Josephine Whitmore"; "Ayu HR" -> "Ayu"."""
    name = " ".join(name.strip().strip('"\'').split())
    if "," in name:
        m = _LAST_FIRST.match(name)
        if m and not _TEAM.search(name):
            name = f"{m.group(2)} {m.group(1)}"
    words = name.split()
    if words and words[0].lower().rstrip(".") in _TITLE_WORDS:
        name = _TITLES.sub("", name)
    if len(words) > 1 and words[-1].lower() in _CREDENTIAL_WORDS:
        name = _CREDENTIALS.sub("", name)
    return name.strip(" ,")


@lru_cache(maxsize=4096)
def _looks_like_person(name: str, address: str = "") -> bool:
    """ "Greta Lindqvist" yes; "Harrowgate Medical Research Careers", "JalurKarier" no."""
    name = _clean_person(name)
    words = name.split()
    if not 1 <= len(words) <= 5 or _TEAM.search(name) or _ORG_WORDS.search(name):
        return False
    for i, w in enumerate(words):
        if w.lower() in _NOT_A_NAME:
            return False
        if not (_NAME_WORD.match(w) or (0 < i < len(words) - 1 and w in _NAME_PARTICLES)
                or (i == len(words) - 1 and len(words) > 1 and w.lower() in _NAME_PARTICLES - {"de", "la", "le"})):
            return False
    core = _domain_core(address)
    if core and len(words) > 1 and _matches_domain(name, core):
        return False  # "Kelas Data Nusantara <promo@kelasdata...>": the organisation itself
    local = address.split("@")[0].lower()
    if local and any(len(w) > 2 and w.lower().replace("'", "") in local for w in words):
        return True
    if local and any(len(w) > 3 and local.startswith(w.lower()[:4]) for w in words[:1]):
        return True  # "Oktaviani HR <okta.hr@...>"
    if local and _GENERIC_MAILBOX.match(local):
        return False
    return len(words) >= 2


def _sign_off_person(lines: list[str], address: str) -> str | None:
    """The name under "Best regards," / "Hormat kami,", when it is a person's."""
    for i, line in enumerate(lines[:-1]):
        if not _SIGN_OFF.match(line):
            continue
        name = re.split(r"\s+[|–—-]\s+|,\s+", lines[i + 1])[0]
        name = _clean_person(name)
        words = name.split()
        if words and _looks_like_person(name, "") and not _JOB_WORD.search(name) \
                and (len(words) >= 2 or words[0].lower() in address.split("@")[0]):
            return name
    return None


# ---- employers -----------------------------------------------------------------------------------

def _domain_core(address: str) -> str | None:
    """The part of a sender's domain that names the employer, or None for relays and mail providers.

    >>> _domain_core("hr@mail.pt-bumi-tirta.co.id"), _domain_core("no-reply@us.greenhouse-mail.io")
    ('pt-bumi-tirta', None)
    """
    if "@" not in address:
        return None
    parts = [p for p in address.rsplit("@", 1)[1].lower().split(".") if p]
    if len(parts) < 2:
        return None
    if any(p in RELAY_DOMAINS for p in parts[:-1]):
        return None
    core = parts[-2] if parts[-2] not in ("co", "com", "ac", "or", "go", "net", "org", "edu", "gov", "sch", "nhs") \
        or len(parts) < 3 else parts[-3]
    return None if core in MAIL_PROVIDERS else core


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    """ "PT Rimbun Data, Tbk." -> "rimbundata": for comparing names."""
    words = name.lower().replace(",", " ").split()
    if words and words[0].rstrip(".") in ("pt", "cv"):
        words = words[1:]
    while len(words) > 1 and words[-1].rstrip(".") in _LEGAL_FORMS:
        words.pop()
    return _NOT_ALNUM.sub("", "".join(words))


_LEGAL_FORMS = frozenset("inc ltd llc plc gmbh pte co corp tbk llp pty bhd".split())
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=4096)
def _domain_match(name: str, core: str) -> int:
    """How well a name fits a domain: 3 the same letters, 2 the name goes on ("Northwake Shipping AS"
    and `northwake`), 1 the name starts the domain ("Saltbush" and `saltbushrecruit`), 0 no fit."""
    best = 0
    doms = {re.sub(r"[^0-9a-z]+", "", core), re.sub(r"^(?:pt|cv)-?|[^0-9a-z]+", "", core)}
    keys = {_key(name), _key(name.replace("&", "and")), re.sub(r"[^0-9a-z]+", "", name.lower())}
    for key, dom in ((k, d) for k in keys for d in doms):
        if len(key) < 3 or len(dom) < 3:
            continue
        if key == dom:
            return 3
        if (len(dom) >= 4 and key.startswith(dom)) or (len(dom) >= 6 and dom in key):
            best = max(best, 2)
        elif len(key) >= 5 and dom.startswith(key) and len(key) * 2 >= len(dom):
            best = max(best, 1)
    return best


def _matches_domain(name: str, core: str) -> bool:
    """ "Tidewater Logistics" and `tidewaterlogistics`, "Grup Medika Utama" and `medikautama`."""
    return _domain_match(name, core) > 0


# Words that end or start company names, for spacing a domain: `orchardrobotics` -> "Orchard Robotics".
_DOMAIN_WORDS = sorted(set("""
robotics logistics logistik health trust people healthcare media labs lab analytics software systems solutions technologies
technology tech group grup bank foods food energy energi insurance capital partners ventures digital studio studios
games pharma pharmaceuticals farma bio biotech clinic clinics hotels hotel resort resorts retail ritel consulting
engineering architects design data cloud works network networks finance financial holdings industries industri
security services motors motor shipping marine mining textile textiles publishing press print properti property
school schools academy edu edukasi kreasi karya jaya abadi sentosa makmur nusa nusantara indo prima utama mandiri
sejahtera lestari tirta daya cipta mulia harapan bintang samudra samudera persada perkasa agung raya kencana
teknologi solusi bumi aksara cahaya sinar mitra sumber alam kimia kargo niaga lintas arta gemilang pangan rasa
sehat kasih medika pilar finansial kawan peta rumah harmoni garuda biru hijau tani agro sawit pupuk semen beton
telematika sinergi kopi kita toko dapur warung ruang awan pintar cakrawala kapal laut udara angkasa
""".split()), key=len, reverse=True)


@lru_cache(maxsize=4096)
def _spaced(core: str) -> str | None:
    """A domain's name in words, or None when its words cannot be told apart.

    >>> _spaced("tidewaterlogistics"), _spaced("bumiaksara"), _spaced("haldenrowe"), _spaced("pinecrest-labs")
    ('Tidewater Logistics', 'Bumi Aksara', 'Haldenrowe', 'Pinecrest Labs')
    """
    words: list[str] = []
    for part in re.split(r"[-_]", core):
        if not part:
            continue
        tail: list[str] = []
        head: list[str] = []
        rest = part
        changed = True
        while changed and rest:
            changed = False
            for w in _DOMAIN_WORDS:
                if rest.endswith(w) and (len(rest) == len(w) or len(rest) - len(w) >= 3):
                    tail.insert(0, w)
                    rest = rest[: -len(w)]
                    changed = True
                    break
            for w in _DOMAIN_WORDS if not changed else ():
                if rest.startswith(w) and len(rest) - len(w) >= 3:
                    head.append(w)
                    rest = rest[len(w):]
                    changed = True
                    break
        if rest and len(rest) > 12:
            return None  # "asuransiandalanx": better no name than a wrong one
        words += head + ([rest] if rest else []) + tail
    return " ".join(w.capitalize() for w in words) or None


@lru_cache(maxsize=4096)
def _trim_name(text: str) -> str | None:
    """The organisation's name at the start of `text`, without the sentence that follows.

    >>> _trim_name("Copperline Logistics. I've attached"), _trim_name("PT Sinar Pagi Retail. Kami akan")
    ('Copperline Logistics', 'PT Sinar Pagi Retail')
    >>> _trim_name("Harbourfront Capital Pte. Ltd. and"), _trim_name("Lumensoft Technologies, Pune")
    ('Harbourfront Capital Pte. Ltd.', 'Lumensoft Technologies')
    """
    out: list[str] = []
    tokens = text.split(None, 9)[:9]
    for i, tok in enumerate(tokens):
        low = tok.lower()
        if out and low in _COMPANY_SUFFIX:
            out.append(tok)
            continue
        if out and low.rstrip(",") in _COMPANY_SUFFIX:  # "Acme Inc, Ltd"
            out.append(tok.rstrip(","))
            continue
        word = tok.strip("\"'“”‘’()[]")
        end = word[-1:] in ".,;:!?" if word else True
        bare = word.rstrip(".,;:!?")
        if not bare:
            break
        if bare.lower() in _CONNECTORS and out:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if end or not nxt[:1].isupper():
                break
            out.append(bare)
            continue
        if bare.lower().replace("’", "'") in _NAME_STOP or not (bare[:1].isupper() or bare[:1].isdigit()
                                              or (len(bare) > 1 and any(c.isupper() for c in bare[1:]))):
            break
        if tok.startswith(("(", "[", "http", "www.")) or "@" in tok:
            break
        if bare.lower() in _ADDRESS_WORDS:
            return None  # "Samudra Logistik Tower Lt. 18": an address, not a name
        if len(bare) >= 4 and bare[0].isdigit() and _NUMBER_CHARS.issuperset(bare):
            break
        out.append(bare)
        if end:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if word.endswith(",") and nxt.lower().strip(".,") in _SUFFIX_BARE:
                continue
            break
        if len(out) >= 6:
            break
    while out and out[-1].lower() in _CONNECTORS:
        out.pop()
    name = " ".join(out).strip()
    words = name.lower().split()
    if not words or all(w.strip(".") in _NOT_A_COMPANY or w in _CONNECTORS for w in words):
        return None
    if not any(sum(c.isalpha() for c in w) >= 2 for w in words) or words[-1] in _TITLE_NOUNS:
        return None  # "2", "F5 Senior Developer": not an organisation
    if words[0] in _RELAY_NAMES or "the" in words[1:] and "of" not in words or not _TOPIC_WORDS.isdisjoint(words):
        return None  # "Indeed Application", "Save The Date", "Technical Phone Screen"
    return name


@lru_cache(maxsize=4096)
def _strip_team(name: str) -> str | None:
    name = name.strip().strip('"')
    low = name.lower()
    if not _TEAM_TOKENS.intersection(low.split()) and " of " not in low and not low.startswith(("the ", "of ")):
        return name if name and not all(w.lower() in _NOT_A_COMPANY for w in name.split()) else None
    if _PART_OF_EMPLOYER.match(name):
        return None  # "Office of the Dean", "Department of History": a part of the employer
    if "PT" in name or "CV" in name:
        pt = _PT_NAME.search(name)  # "Rekrutmen PT Bumi Tirta" -> "PT Bumi Tirta"
        if pt:
            name = pt.group(0)
    for _ in range(2):
        name = _LEADING_TEAM.sub("", name)
        m = _TRAILING_TEAM.search(name, max(0, len(name) - 60))  # only the end can hold it
        name = (name[: m.start()] if m else name).strip(" -–|,:")
    name = _LEADING_THE.sub("", name)
    if not name or all(w.lower() in _NOT_A_COMPANY for w in name.split()):
        return None
    return name


_PART_OF_EMPLOYER = re.compile(r"(?i)(?:the )?(?:office|department|dept|faculty|division|bureau|school) of\b")
_PT_NAME = re.compile(r"\b(?:PT|CV)\.? [A-Z].*$")
_LEADING_THE = re.compile(r"^(?:the|of)\s+", re.I)


def _display_company(name: str) -> tuple[str | None, str | None]:
    """(employer, person) named by a sender's display name.

    >>> _display_company("Recruit Team at Lumora Hotels"), _display_company("Selwyn Okafor via Greenhouse")
    (('Lumora Hotels', None), (None, 'Selwyn Okafor'))
    """
    name = name.strip().strip('"')
    via = re.split(r"\s+(?:via|melalui|through)\s+", name, maxsplit=1, flags=re.I)
    if len(via) == 2:
        if _looks_like_person(via[0], ""):
            return None, _clean_person(via[0])
        return _strip_team(via[0]), None
    at = re.split(r"\s+(?:at|@|di|from)\s+|\s+[-–|]\s+", name, maxsplit=1, flags=re.I)
    if len(at) == 2:
        left, right = at
        if _looks_like_person(left, "") or (len(left.split()) == 1 and _NAME_WORD.match(left) and not _TEAM.search(left)
                                            and left.lower() not in _NOT_A_NAME):
            return _strip_team(right), _clean_person(left)
        if _TEAM.search(left) and not _TEAM_PATTERN.fullmatch(right.strip()):
            return _strip_team(right), None
        if _TEAM.search(right):
            return _strip_team(left), None
    return _strip_team(name), None


_NAME = r"((?:PT\.?|CV\.?)\s+[A-Z][^\n]{1,80}|[A-Z0-9][^\n]{1,80}|[a-z]+[A-Z][^\n]{0,80})"
# Words that come before an employer's name in a sentence. They are looked for in the lower-cased
# text (a plain pattern reads a long body several times faster), the name in the text itself.
_BODY_CUE = re.compile(
    r"\b(?:(?:applying|applied|application|apply)(?: (?:for|to) (?:a |an |the )?(?:job|role|position|opening))? "
    r"(?:to|at|with)|interest(?:ed)? in(?: joining| working (?:at|for|with))?(?: the team at)?|"
    r"(?:role|position|job|opening|vacancy|internship|opportunity|opportunities|careers?|roles|positions|jobs|team|"
    r"everyone|all of us|colleagues|here|us|offer|employment|interview|interviewing|process) (?:at|with|from)|"
    r"on behalf of|welcome to|welcoming you to|join|joining|work(?:ing)? (?:at|for)|thanks? (?:you )?from|"
    r"bergabung (?:dengan|bersama|di)|melamar (?:di|ke)|lamaran(?:mu| anda| kamu)? (?:di|ke)|"
    r"minat (?:anda |kamu )?(?:untuk )?(?:bergabung )?(?:dengan|di|bersama)|keluarga besar|tim rekrutmen|"
    r"posisi [^.,\n]{2,40}? di|(?=(?:pt|cv)\.? ))\s*")
_NAME_START = re.compile(r"(?:PT\.?|CV\.?)\s+[A-Z]|[A-Z0-9]|[a-z]+[A-Z]")
_SUBJECT_COMPANY = [re.compile(p) for p in (
    r"^\[([^\]]{2,60})\]",
    r"\b(?:[Aa]pplying|[Aa]pplication|[Aa]pplied|[Ii]nterest|[Oo]ffer|[Ll]amaran(?:mu| [Aa]nda)?|[Ii]nterview|"
    r"[Ww]elcome|[Ss]tatus lamaranmu|[Uu]pdate from|[Tt]hank you from|[Ff]eedback from) (?:to|at|in|from|with|di|ke) " + _NAME,
    r"\b(?:at|di|with|dengan) ((?:PT\.?|CV\.?)\s+[A-Z][^\n]{1,80})",
    r"^(?:[A-Z][\w&'.-]*\s){0,3}?(?:[Yy]our|[Aa]n?) [A-Z]?[a-z]+ (?:at|with) " + _NAME,
)]
# "Apptio Interview Update", "Amazon Opportunity": a name before the subject's topic.
_SUBJECT_LEAD = re.compile(r"^((?:[A-Z0-9][\w&'.-]*\s+){1,4}?)(?:[Oo]n-?[Ss]ite |[Pp]hone |[Vv]ideo |[Tt]echnical |[Ff]inal )?"
                           r"(?:[Ii]nterview|[Oo]pportunity|[Nn]ext [Ss]teps|[Rr]esume|[Aa]pplication|[Oo]ffer|[Hh]iring|"
                           r"[Cc]areers|[Oo]pen [Pp]osition|[Mm]eeting|[Aa]ssessment|OFFICIAL|[Tt]alent [Cc]ommunity|"
                           r"[Ii]nvites|[Hh]as [Ii]nvited|[Ii]s [Ii]nterested|[Vv]iewed|[Ww]ants)\b")
_SUBJECT_SPLIT = re.compile(r"\s+[|–—-]\s+|:\s+|\s+@\s+")
_SUBJECT_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|sv|balas|tr)\s*:\s*|\[?(?:ext|external)\]?\s*)+", re.I)


@lru_cache(maxsize=1024)
def _subject_companies(subject: str, whole: bool = True) -> tuple[str, ...]:
    """Employers a subject line names: "[Awan Pintar] ...", "Thanks for applying to X", "X | Role"."""
    subject = _SUBJECT_PREFIX.sub("", subject).strip()
    found, segments = [], []
    for pattern in _SUBJECT_COMPANY:
        for m in pattern.finditer(subject):
            found.append(m.group(1))
    m = _SUBJECT_LEAD.match(subject)
    if m:
        found.append(m.group(1))
    for seg in _SUBJECT_SPLIT.split(subject) if whole else ():
        # "Interview – Operations Planner, Tidewater Logistics": the name after the role's comma
        head, _, tail = seg.partition(", ")
        if tail and _JOB_WORD.search(head):
            segments.append(tail)
        if not _JOB_WORD.search(seg):
            segments.append(seg)
    names = [n for n in (_trim_name(f) for f in found) if n]
    # A segment counts only when it is a name from end to end: "Fairmount Retail", not "Lola's birthday".
    return tuple(names + [n for n, w in ((_trim_name(w), w) for w in segments) if n and _key(n) == _key(w)])


def _body_companies(flat: str) -> list[str]:
    """Employers a body names: "applying to X", "joining X", "bergabung dengan PT X"."""
    lower = flat.lower()
    if len(lower) != len(flat):  # a letter whose lower case is longer: positions would not line up
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in flat)
    found = []
    for m in _BODY_CUE.finditer(lower):
        at = m.end()
        if _NAME_START.match(flat, at):
            found.append(flat[at:at + 90])
            if len(found) > 10:
                break
    names = []
    for f in found:
        stripped = _strip_team(f)
        if not stripped:
            continue  # "Talent Acquisition Programs & Services": a team, whatever follows
        for n in (_trim_name(stripped), _trim_name(f)):
            if n and n not in names:
                names.append(n)
    return names


def _signature_lines(parsed, body: str) -> list[str]:
    sig = getattr(parsed, "signature", "") or ""
    return [l.strip() for l in (body.strip().splitlines()[-8:] + sig.splitlines()[:12]) if l.strip()]


def _signature_companies(lines: list[str], person: str | None) -> list[str]:
    """ "HR Advisor | Lanternstone Construction Ltd", "Senior Talent Partner, R&D", "PT Karya Teknologi"."""
    found = []
    for line in lines:
        if len(line) > 80 or _SIGN_OFF.match(line) or (person and person in line) or line.endswith((".", "?", "!")):
            continue
        for part in re.split(r"\s+[|–—-]\s+|,\s+(?!(?:Inc|Ltd|LLC|Tbk|Pte)\b)|\s+at\s+", line):
            for name in (_strip_team(part), part):  # "Harbourline Talent" is a name, and a team's
                if name and name not in found:
                    found.append(name)
    return [n for n in (_trim_name(f) for f in found) if n]


def _strong(name: str) -> bool:
    """A name that says it is an organisation: "PT ...", "... Ltd", "... Health"."""
    return bool(_ORG_WORDS.search(name)) and not _looks_like_person(name)


def _pick_company(display: str | None, subject: list[str], body: list[str], signature,
                  core: str | None, display_named: bool = False, person: str | None = None) -> str | None:
    """The display name, else a name in the text that matches the domain, else the domain spaced.

    `signature` is called only when needed: reading a signature costs more than the rest.
    `display_named`: the display name says it is an organisation, or the text names it too; then it
    beats a domain that may be a relay's ("PT Sinar Mas Retailindo <kandidat@videorelay.example>").
    """
    if core:
        if display and (_matches_domain(display, core) or display_named):
            return display
        ranked = sorted(((_domain_match(n, core), -i, n) for i, n in enumerate(subject + body)), reverse=True)
        if ranked and ranked[0][0] == 3:
            return ranked[0][2]  # the domain's very letters: the signature cannot do better
        signature = signature()
        ranked = sorted(((_domain_match(n, core), -i, n) for i, n in enumerate(subject + body + signature)), reverse=True)
        if ranked and ranked[0][0]:
            return ranked[0][2]
        if display:
            return display
        return _spaced(core)
    if display:
        return display
    for name in subject + body:
        if not _looks_like_person(name):
            return name
    for name in signature():
        if _strong(name):
            return name
    # "joining Kopi Nusantara" reads like a person's name; with nothing better, it is the employer
    return next((n for n in subject + body if person is None or _key(n) != _key(person)), None)


# ---- roles ---------------------------------------------------------------------------------------

_JOB_WORDS_PATTERN = (r"\b(?:engineer|engineering manager|manager|analyst|developer|designer|specialist|officer|assistant|"
                       r"coordinator|lead|director|consultant|intern|internship|associate|staff|staf|scientist|editor|"
                       r"writer|supervisor|executive|administrator|admin|accountant|nurse|teacher|technician|"
                       r"representative|agent|operator|planner|architect|head|chef|cook|barista|driver|clerk|trainee|"
                       r"programmer|producer|researcher|advisor|adviser|fellow|lecturer|professor|postdoc\w*|"
                       r"apprentice|owner|partner|strategist|marketer|merchandiser|agronomist|surveyor|geologist|"
                       r"paralegal|hygienist|modeler|modeller|controller|auditor|buyer|recruiter|host|attendant|"
                       r"receptionist|secretary|teller|superintendent|psychologist|metallurgist|physician|"
                       r"anaesthetist|anesthetist|pharmacist|therapist|counsellor|counselor|worker|generalist|organizer|"
                       r"organiser|principal|chief|vp|cfo|cto|coo|ceo|sdet|sde|swe|kepala|pengajar|perawat|guru|dosen|"
                       r"akuntan|kasir|apoteker|pramugari\w*|dokter|masinis|crew|cashier|sales|marketing|"
                       r"management trainee|mt|graduate|residency|resident|technologist|estimator|inspector|"
                       r"machinist|electrician|welder|mechanic|pilot|cadet|paraeducator|tutor|instructor|"
                       r"coach|trainer|translator|interpreter|journalist|reporter|photographer|videographer|"
                       r"illustrator|animator|artist|bartender|waiter|server|housekeeper|concierge|guard|"
                       r"caregiver|carer|midwife|dentist|veterinarian|vet|surgeon|doctor|registrar|investigator|"
                       r"economist|statistician|actuary|underwriter|broker|banker|trader|cashier)s?\b")
_JOB_WORDS = frozenset(w for w in re.findall(r"[a-z]+", _JOB_WORDS_PATTERN.replace("(?:", " ")) if len(w) > 1) - {"s", "b"}
class _JobWord:
    """`_JOB_WORD.search(text)`: a job title's noun in `text` ("Engineer", "Kasir", "Managers")."""

    @staticmethod
    def search(text: str) -> bool:
        for w in _WORDS.findall(text.lower()):
            if w in _JOB_WORDS or (w[-1:] == "s" and w[:-1] in _JOB_WORDS):
                return True
        return False


_JOB_WORD = _JobWord()
_ROLE_RUN = re.compile(r"[A-Z][\w&/+#.'’-]*(?:,? (?:(?:of|and|&|in|de|/|-|–|for|dan)\s)?(?:[A-Z0-9(][\w&/+#.'’()-]*)){0,8}")
# Words before a job title in a body, looked for in the lower-cased text: "for the X role",
# "the position of X", "posisi X", "application for X", "as a X".
_ROLE_CUE = re.compile(
    r"\b(?:(?P<strong>(?:for|to|in|of|about|on|regarding|with|into) (?:the|our|your|this|a|an|that) "
    r"(?:(?:position|role|post|job|vacancy|opening) of )?)|"
    r"(?P<id>(?:untuk )?(?:posisi|lowongan|jabatan|formasi|sebagai)(?: sebagai)? )|"
    r"(?P<weak>(?:application|applying|applied) (?:for|to) (?:the |our |a |an )?|(?:as|be) (?:a|an|our) ))")
_ROLE_WORD_AFTER = re.compile(r" (?:role|position|job|opening|vacancy|post|opportunity|internship|search|posting|"
                              r"programme|program|requisition|interview|application|candidacy)\b", re.I)
# Words before and after a role in a subject line: "Interview for X", "X - thank you".
_SUBJECT_CUE = re.compile(
    r"^(?:(?:your |an? |the |our )?(?:application(?: received| submitted| lodged| update| status)?(?: for| to| as)?|"
    r"(?:invitation to |undangan |jadwal |perubahan jadwal |panggilan |konfirmasi )?(?:(?:phone|video|online|onsite|"
    r"on-site|final|second|first|technical|telephone|panel|hr|user|remote) )*(?:interview|wawancara)(?: (?:for|with|"
    r"invitation|confirmation|confirmed|request|akhir|user|online|hr|tahap akhir))?|offer(?: letter| of employment| of "
    r"appointment)?|letter of offer|conditional offer of employment|provisional offer|job offer|lamaran(?: pekerjaan| anda| kamu)?|"
    r"posisi|lowongan|status (?:seleksi|lamaran)|proses seleksi|hasil (?:seleksi|interview|wawancara)|"
    r"perkembangan (?:proses )?seleksi|pembaruan (?:status )?(?:lamaran)?|informasi posisi|update(?: on)?|"
    r"thank you(?: for applying)?|terima kasih|assessment|take-home|design exercise|writing test|studi kasus|"
    r"next steps?|follow(?:ing)? up|re|tindak lanjut(?: seleksi)?|seleksi|cv for the post of|"
    r"your candidacy|candidacy|vacancy(?: [\w/-]+)?|search(?: [\w/-]+)?|opportunity|peluang|onsite interview confirmation)"
    r"(?:\s*[:\-–,]\s*|\s+))+", re.I)
_ROLE_END = re.compile(r"\s+(?:with|at|di|dengan|pada|for|in|on|to|from|bersama|starting|based|located|yang|untuk|"
                       r"@)\b.*$|\s*[;.!?](?:\s.*)?$|\s+[-–|]\s.*$|,\s+(?:[a-z]|(?:I|We|You|Our|Please|Mon|Tue|Wed|"
                       r"Thu|Fri|Sat|Sun|Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b).*$|"
                       r"\s+(?:Your|You|We|Our|I|Please|Kami|Anda|The)\b.*$")


def _strip_tail(text: str) -> str:
    """ "Chief Operating Officer opportunity" -> "Chief Operating Officer"."""
    while True:
        head, _, last = text.rpartition(" ")
        if not head or last.lower() not in _TAIL_WORDS:
            return text
        text = head.rstrip(" -–")


_TAIL_WORDS = frozenset("role position opening post interview application job vacancy opportunity search appointment "
                        "invitation".split())
_ROLE_PARENS = re.compile(r"\s*\((?:(?:ref|req|job|id|r-|posting|no\.?|#)[^)]*\)?|[^)]*\d[^)]*\)|(?:remote|hybrid|onsite|"
                          r"on-site|wfh|wfo|contract|full[- ]time|part[- ]time|penempatan|placement|based|lokasi|"
                          r"location)\b[^)]*\))", re.I)
_ROLE_CODE = re.compile(r",?\s+(?:job code|ref|reference|req|requisition|job id|kode)\b.*$", re.I)


def _clean_role(role: str, company: str | None = None) -> str | None:
    if "(" in role:  # "(ref. HMR-2291)", "(3-5 yrs)", "(Remote)"
        role = _ROLE_PARENS.sub("", role)
    role = _ROLE_CODE.sub("", role)
    role = " ".join(role.split()).strip(" -–:,.!")
    if company and role.lower().endswith(" " + company.lower()):
        role = role[: -len(company) - 1].rstrip(" ,-–@")
    if company and role.lower().startswith(company.lower() + " "):
        role = role[len(company) + 1:]
    return role or None


def _plausible_role(role: str | None, company: str | None = None) -> bool:
    """A job title has words, balanced brackets and is not the employer: not "TFR/25/071)"."""
    if not role or len(role) > 70 or not re.search(r"[A-Za-z]{2}", role):
        return False
    if role.count("(") != role.count(")"):
        return False
    if company and _key(role) == _key(company):
        return False
    first = role.split()[0].lower()
    return bool(_JOB_WORD.search(role)) and first not in _NAME_STOP and first not in {"interview", "wawancara", "offer", "application", "update"}


def _trim_role(text: str) -> str:
    """ "Product Analyst with Daniel Osei" -> "Product Analyst"."""
    return _ROLE_END.sub("", text)


def _subject_role(subject: str, company: str | None) -> str | None:
    named = [n for n in _subject_companies(subject) if "," not in n]
    subject = _SUBJECT_PREFIX.sub("", subject).strip()
    subject = re.sub(r"^\[[^\]]*\]\s*", "", subject)
    for seg in _SUBJECT_SPLIT.split(subject):
        seg = _strip_tail(_SUBJECT_CUE.sub("", seg.strip())).strip()
        if company and _key(seg).startswith(_key(company)) and len(_key(company)) > 2:
            seg = seg[len(company):].strip() if seg.lower().startswith(company.lower()) else seg
            seg = _SUBJECT_CUE.sub("", seg).strip()
        seg = re.sub(r"^(?:your |the )?(?:offer|interview|application)s? (?:from|with|at|to) .*$", "", seg, flags=re.I)
        if not seg or not _JOB_WORD.search(seg) or not seg[:1].isupper():
            continue
        for name in named:  # "Operations Planner, Tidewater Logistics"
            if seg.endswith(", " + name):
                seg = seg[: -len(name) - 2]
        role = _clean_role(_strip_tail(_trim_role(seg)), company)
        if role:
            # "Hasil trial day Barista" -> "Barista": the titled words at the end hold the role
            words = role.split()
            i = len(words)
            while i > 0 and words[i - 1][:1].isupper():
                i -= 1
            if 0 < i < len(words) and any(w[:1].islower() for w in words[:i]) and _JOB_WORD.search(" ".join(words[i:])):
                role = " ".join(words[i:])
        if role and _JOB_WORD.search(role) and _plausible_role(role, company) and len(role.split()) <= 8:
            return role
    return None


def _role(subject: str, flat: str, company: str | None) -> str | None:
    """The job title: said in the body with "role"/"position"/"posisi", else in the subject, else
    after "application for" / "as a" in the body."""
    lower = flat.lower() if len(flat.lower()) == len(flat) else flat
    weak = None
    for m in _ROLE_CUE.finditer(lower):
        run = _ROLE_RUN.match(flat, m.end())
        if not run:
            continue
        if m.group("strong"):
            # "for the X role" needs its last word; "the position of X" has said it before
            if not m.group("strong").rstrip().endswith(" of") and not _ROLE_WORD_AFTER.match(flat, run.end()):
                cut = _ROLE_WORD_AFTER.search(run.group(0))
                if not cut:
                    continue
                text = run.group(0)[:cut.start()]
            else:
                text = run.group(0)
        else:
            text = run.group(0)
        role = _clean_role(_trim_role(text), company)
        if not _plausible_role(role, company):
            continue
        if m.group("weak"):
            weak = weak or role
            continue
        return role
    return _subject_role(subject or "", company) or weak


# ---- all together --------------------------------------------------------------------------------

def read_people(parsed, body: str, language: str = "en") -> People:
    """Company, role and the recruiter's name, each None when the mail does not say."""
    name = (getattr(parsed, "sender_name", "") or "").strip().strip('"')
    address = (getattr(parsed, "sender", "") or "").lower()
    subject = getattr(parsed, "subject", "") or ""
    core = _domain_core(address)
    lines = _signature_lines(parsed, body)

    flat = re.sub(r"\s+", " ", body[:_BODY_CHARS])
    in_subject, in_body = list(_subject_companies(subject)), _body_companies(flat)
    display, person = (None, None)
    if name:
        if re.search(r"\s(?:via|melalui|through)\s", name, re.I):
            core = None  # the address is the relay's
        if _looks_like_person(name, address):
            person = _clean_person(name)
        else:
            display, person = _display_company(name)
            if person and any(_key(person) == _key(n) for n in in_body + list(_subject_companies(subject, whole=False))):
                display, person = person, None  # "Kilat Kirim via Greenhouse", "thanks for applying to Kilat Kirim"
            if display and display == name and core is None and "@" in address \
                    and address.rsplit("@", 1)[1].split(".")[0] in MAIL_PROVIDERS and not _ORG_WORDS.search(display):
                display = None  # "Mama <...@gmail.com>": a nickname, not an employer
    if person is None:
        person = _sign_off_person(lines, address)

    text_key = _key(subject + " " + flat[:1500])
    named = bool(display) and (bool(_ORG_WORDS.search(display)) or (len(_key(display)) > 3 and _key(display) in text_key))
    company = _pick_company(display, in_subject, in_body, lambda: _signature_companies(lines, person), core, named,
                            person)
    return People(company=company, role=_role(subject, flat, company), recruiter_name=person)
