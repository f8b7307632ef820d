"""Reading one recruiter email: its label, how sure, the key date, the sentence that says so.

The label is judged on what the message itself adds (its new text, without quoted history or
signature) and its subject. The rules of `watcher.rules` vote sentence by sentence; a decisive
vote wins in the order of `rules.PRECEDENCE`; without one, the trained text classifier of
`watcher.textcat` decides (loaded only then, since spaCy costs a second to import).

>>> from types import SimpleNamespace as NS
>>> from datetime import datetime, timezone
>>> mail = NS(subject="Next steps", sender="hr@acme.example", sender_name="Acme Careers",
...           date=datetime(2025, 1, 16, 17, 5, tzinfo=timezone.utc), calendar_events=[],
...           new_text="Hi Hana,\\n\\nWe'll make a final decision by the end of next week.\\n",
...           text="", defects=[])
>>> r = read_message(mail)
>>> r.label, str(r.key_date), r.key_date_kind
('decision_timeline', '2025-01-24', 'hear_back')
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date, datetime, timezone
from typing import Iterable

from watcher import extract, rules
from watcher.language import detect_language

# The kind of key date each label carries (LABELS.md); the others carry none.
KEY_DATE_KIND_OF = {
    "interview_invite": "interview",
    "assessment": "deadline",
    "offer": "deadline",
    "decision_timeline": "hear_back",
    "application_received": "hear_back",
    "still_deciding": "hear_back",
    "checkin_request": "checkin",
}

# Below this, a reading is a guess: the classifier is asked, and failing that, `other`.
RULE_FLOOR = 0.45
CLASSIFIER_FLOOR = 0.5
# A rule vote this strong, though not decisive, is not second-guessed by the classifier.
MODEL_SKIP = 1.01


@dataclass
class Reading:
    """What one email says about an application (see LABELS.md for labels and key dates)."""

    direction: str  # "in" | "out"
    label: str | None
    confidence: float
    key_date: date | None = None
    key_date_kind: str | None = None
    evidence: str | None = None
    language: str = "en"
    interview_at: datetime | None = None
    company: str | None = None
    role: str | None = None
    recruiter_name: str | None = None
    signals: list[str] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)


# ---- sentences -----------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jl no sdr sdri bpk yth e.g i.e etc vs inc ltd co a.m p.m approx jr sr ref tel "
    "hp wa dll dsb tgl ps u.s dept corp pt cv".split()
)
_BULLET = re.compile(r"[ \t]*(?:[-*\u2022\u00b7\u25aa\u25ba>]|\d{1,2}[.)]|[a-z][.)])\s")
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*[ \t]+(?=[\"'(\[]?[A-Z0-9])")
_LINE_END = re.compile(r"[.!?:;][\"')\]]*$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of `text`, so that evidence is quoted verbatim.

    Hard-wrapped lines are joined; blank lines, list items, short lines (greetings, a
    date line) and sentence ends split.

    >>> t = "Hi Sam,\\n\\nWe decided not to\\nmove forward. Dr. Lee agrees.\\n- one\\n- two"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Hi Sam,', 'We decided not to\\nmove forward.', 'Dr. Lee agrees.', '- one', '- two']
    """
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line), line))
        pos += len(line) + 1
    blocks: list[tuple[int, int]] = []
    start = None
    for i, (s, e, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            if start is not None:
                blocks.append((start, lines[i - 1][1]))
                start = None
            continue
        if start is None:
            start = s
        nxt = lines[i + 1][2] if i + 1 < len(lines) else ""
        if not nxt.strip():
            continue  # the blank line closes the block
        ends_here = (
            _LINE_END.search(stripped)
            or _BULLET.match(nxt)
            or (len(stripped) < 45 and nxt.lstrip()[:1].isupper() and not stripped.endswith(","))
            or (len(stripped) < 30 and stripped.endswith(","))
        )
        if ends_here:
            blocks.append((start, e))
            start = None
    if start is not None:
        blocks.append((start, lines[-1][1]))
    spans = []
    for b_start, b_end in blocks:
        cut = b_start
        for m in _SENTENCE_END.finditer(text, b_start, b_end):
            word = re.search(r"([\w.]+)[.!?]+[\"')\]]*[ \t]+$", text[cut:m.end()])
            if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                continue
            if word and len(word.group(1)) == 1 and word.group(1).isupper():
                continue  # an initial: "J. Smith"
            if word and word.group(1).isdigit() and len(word.group(1)) <= 2:
                continue  # a list number: "1. Monday 10am"
            spans.append((cut, m.end()))
            cut = m.end()
        spans.append((cut, b_end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# ---- dates ---------------------------------------------------------------------------------------

_DEADLINE_CUE = re.compile(
    r"\b(?:by|before|within|no later than|deadline|expires?|expiry|due|valid|until|latest|respond|reply|return|"
    r"submit|send|complete|let us know|let me know|decision|answer|accept|sign|expired|paling lambat|sebelum|batas|tenggat|dalam|hingga|"
    r"sampai|selambat|maksimal|maks|kedaluwarsa|kadaluarsa|kirim|kirimkan|tanda tangan|penandatanganan|konfirmasi|jawaban|jawab|kabari|balas|berlaku)\b", re.I)
_START_CUE = re.compile(r"\b(?:start(?:ing|s)? (?:on|date)|first day|join(?:ing)? (?:us )?on|commence|mulai bekerja|"
                        r"tanggal mulai|hari pertama|bergabung pada|mulai pada|mulai tanggal)\b", re.I)
# The employer's own sending ("I'll send the contract tomorrow", "akan kami kirimkan besok"): its
# day is when they send, not when the candidate must answer.
_OUR_SENDING = re.compile(
    r"\b(?:i'll|i will|we'll|we will|will|i'm going to|we're going to|i am going to|we are going to)\s+(?:\w+\s+)?"
    r"(?:send|email|forward|share|get)\b|\b(?:akan|segera)\s+(?:kami|saya|aku|kita)?\s*(?:kirim|kirimkan|emailkan|teruskan)\b"
    r"|\b(?:kami|saya|aku) (?:akan )?(?:kirim|kirimkan|emailkan)\b", re.I)
_HEAR_BACK_CUE = re.compile(
    r"\b(?:hear|decision|decide|let you know|get back|come back|update|outcome|result|news|feedback|contact|touch|respond|"
    r"reply|replies|review|shortlist|inform|notify|call|reach|write to you|write back|answer|email you|be in touch|tell|"
    r"yes or no|verdict|give (?:us|me) until|"
    r"kabar|hasil|keputusan|pengumuman|dihubungi|menghubungi|hubungi|informasi|diumumkan|memutuskan|jawaban|"
    r"dikabari|kabari|mengabar|balas|respon|menerima|menginformasikan|diinformasikan|memberitahu|diberitahu|memberi tahu|"
    r"mengundang|diundang|invite)\w*", re.I)


# A sentence without a digit and without any of these words names no date: the resolver, the
# costliest step of reading, is not asked about it.
_MAYBE_DATE = re.compile(
    r"\d|\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|today|tomorrow|tmrw|"
    r"tonight|yesterday|week|fortnight|month|year|day|hour|eod|cob|noon|morning|afternoon|evening|arvo|midday|"
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|couple|few|"
    r"senin|selasa|rabu|kamis|jum|sabtu|minggu|ahad|hari|besok|lusa|bulan|pekan|jam|pagi|siang|sore|malam|"
    r"januari|februari|maret|mei|juni|juli|agustus|oktober|desember|dua|tiga|empat|lima|enam|tujuh|delapan|"
    r"sembilan|sepuluh|sebelas|belas|puluh|tahun|"
    r"lebaran|idul|eid|natal|christmas|xmas|easter|paskah|imlek|nyepi|waisak|vesak|thanksgiving|kemerdekaan)", re.I)


def _dates_in(text: str, ref: datetime | None):
    if ref is None or not text or not _MAYBE_DATE.search(text):
        return []
    try:
        from watcher.dates import find_dates
    except ImportError:  # the resolver is part of the package; a broken install reads no dates
        return []
    try:
        return find_dates(text, ref)
    except Exception:  # a resolver bug must not lose the label
        return []


# Days the resolver reads (`nextstep when` lists them) that still name no day to act on: LABELS.md
# asks for no key date rather than a guess. Each entry: the mentions it applies to, and what
# stands just before one of them in the sentence.
_VAGUE_BEFORE = [
    # A time after a holiday: "after Christmas", "setelah Lebaran", "pasca libur Idul Fitri",
    # "in the New Year". ("before Christmas", "sebelum Lebaran" are limits, and stay.)
    ("holiday", re.compile(
        r"\b(?:after|following|post|over|during|in|into|setelah|sesudah|pasca|selepas|usai|seusai|sehabis|"
        r"habis|selama)[\s-]+(?:the\s+)?(?:(?:libur(?:an)?|cuti(?:\s+bersama)?|holidays?|break|long\s+weekend)"
        r"\s+)?$", re.I)),
    # A hedged end of a period: "towards the end of the month", "sometime around the end of next
    # week", "menjelang akhir bulan", "sekitar akhir Maret".
    ("end", re.compile(
        r"\b(?:towards?|around|near|about|approximately|roughly|circa|sometime|some\s+time|menjelang|"
        r"sekitar|kira-kira|kurang\s+lebih|mendekati)\s+(?:the\s+)?$", re.I)),
    # After the end of a period: "setelah akhir pekan", "after the end of the month".
    ("end", re.compile(r"\b(?:after|following|setelah|sesudah|selepas|usai|seusai|pasca)\s+(?:the\s+)?$", re.I)),
    # A week named by one of its days: "in the week of 16 March" names no day, like "next week".
    ("any", re.compile(r"\bweek\s+(?:of|beginning|starting|commencing)\s+(?:the\s+)?(?:on\s+)?$", re.I)),
]
# A holiday with its day written beside it: "sebelum Lebaran, tanggal 28 Maret", "before the
# Easter break (2 April)". The day written is the one meant.
_DATE_BESIDE = re.compile(r"[\s,(\u2013\u2014-]*(?:(?:yaitu|yakni|pada|tanggal|tgl\.?|on|i\.e\.|which\s+is|that\s+is)[\s,]*)*", re.I)
# A day or its vague neighbour: "by the end of this week or early next week" promises no day.
_OR_VAGUE_AFTER = re.compile(r"[\s,]*(?:or|atau)\s+(?:(?:by|in|on|pada|paling\s+lambat)\s+)?(?:the\s+)?"
                             r"(?:early|mid|sometime|beginning|start|later|awal|pertengahan|sekitar|around)\b", re.I)
# A limit that is a whole period: "by next week", "paling lambat bulan depan" name no day, like
# "next week" itself (LABELS.md), though the resolver reads them as limits.
_BY_A_PERIOD = re.compile(
    r"(?:(?:by|before|until|till|no\s+later\s+than|paling\s+(?:lambat|telat)|selambat-lambatnya|sebelum|hingga|"
    r"sampai|maksimal)\s+)+(?:the\s+)?(?:(?:next|following|coming|this)\s+(?:week|month)(?:\s+after\s+next)?"
    r"|week\s+after\s+next|(?:minggu|pekan|bulan)\s+(?:depan|ini))", re.I)
_AND_BETWEEN = re.compile(r"\s*(?:,|and|dan|&|/|or|atau|serta)\s*(?:the\s+)?", re.I)
_END_WORD = re.compile(r"\b(?:end|akhir)\b", re.I)


@lru_cache(maxsize=1)
def _holiday_name() -> re.Pattern:
    """A mention that ends in a holiday's name (with its year, if written)."""
    from watcher.dates import HOLIDAYS

    names = "|".join(f"(?:{p})" for p, _ in HOLIDAYS)
    return re.compile(rf"\b(?:{names})(?:\s+(?:of\s+)?\d{{4}})?$", re.I)


def _vague_kind(mention) -> str:
    if _END_WORD.search(mention.text):
        return "end"
    if _holiday_name().search(mention.text):  # "Lebaran", "sebelum Lebaran", "Christmas 2026"
        return "holiday"
    return "other"


def _without_vague(sentence: str, found: list) -> list:
    """The mentions of `sentence` less those that name no day to act on (`_VAGUE_BEFORE`); a
    holiday joined to a vague one goes with it ("setelah libur Natal dan Tahun Baru"), and one
    with its day written beside it gives way to that day."""
    if not found:
        return found
    kept, previous = [], None
    for n, m in enumerate(found):
        kind = _vague_kind(m)
        head = sentence[max(0, m.start - 60):m.start]
        vague = any(applies in (kind, "any") and before.search(head) for applies, before in _VAGUE_BEFORE)
        if kind == "holiday" and n + 1 < len(found) and _DATE_BESIDE.fullmatch(sentence, m.end, found[n + 1].start):
            vague = True  # "sebelum Lebaran, tanggal 28 Maret": the day written beside it is meant
        if (not vague and kind == "holiday" and previous is not None and previous[1]
                and _AND_BETWEEN.fullmatch(sentence, previous[0].end, m.start)):
            vague = True
        if not vague and _OR_VAGUE_AFTER.match(sentence, m.end):
            vague = True
        previous = (m, vague and kind == "holiday")
        if vague:
            continue
        if m.kind == "by" and _BY_A_PERIOD.fullmatch(m.text):
            m = replace(m, kind="week")  # a period: see `_vague_week`
        kept.append(m)
    return kept


# Past this length a paragraph is read sentence by sentence: the resolver's cost grows with it.
_PARAGRAPH_LIMIT = 1200


# ---- the reading ---------------------------------------------------------------------------------


class _Message:
    """The parts of a parsed email the reader uses, with sentences and their normal forms."""

    def __init__(self, parsed):
        self.subject = (getattr(parsed, "subject", "") or "").strip()
        self.is_reply = bool(re.match(r"(?:re|aw|sv|balas)\s*:", self.subject, re.I))
        body = getattr(parsed, "new_text", "") or ""
        if not body.strip():
            body = getattr(parsed, "text", "") or ""
        self.body = body
        self.ref = getattr(parsed, "date", None)
        spans = split_sentences(body)
        self.sentences = [self.subject] + [body[s:e] for s, e in spans]
        self.spans = [(0, 0)] + spans
        self._paragraphs: dict[int, list] = {}
        self.normal = [rules.normalise(s) for s in self.sentences]
        self._dates: dict[int, list] = {}
        self._key_dates: dict[int, list] = {}
        self.rows: dict[str, set] = defaultdict(set)  # label -> every sentence a rule for it matched
        self.probs: dict[str, float] | None = None  # the classifier's answer, once asked

    def dates(self, i: int):
        """The date mentions of sentence `i` that may be a key date: without days already past
        when the mail was sent ("your interview yesterday" names no date to act on), nor those
        too vague to act on ("after Christmas", `_without_vague`)."""
        if i not in self._key_dates:
            self._key_dates[i] = _without_vague(self.sentences[i], self.mentions(i))
        return self._key_dates[i]

    def mentions(self, i: int):
        """The date mentions of sentence `i` not yet past, vague ones included: "we'll decide
        after Christmas" still says when, though it names no day."""
        if i not in self._dates:
            found = self._read_dates(i)
            if self.ref is not None:
                today = self.ref.date()
                found = [m for m in found if m.date > today or (m.date == today and not _EARLIER_TODAY.search(m.text))]
            self._dates[i] = found
        return self._dates[i]


    def _read_dates(self, i: int) -> list:
        """The resolver reads the sentence's whole paragraph, so that "the following day" can
        lean on a day named in the sentence before; the mentions inside the sentence are kept,
        with offsets into the sentence."""
        sentence = self.sentences[i]
        if i == 0 or not _MAYBE_DATE.search(sentence):
            return _dates_in(sentence, self.ref)
        start, end = self.spans[i]
        p_start = self.body.rfind("\n\n", 0, start)
        p_start = 0 if p_start < 0 else p_start + 2
        p_end = self.body.find("\n\n", end)
        p_end = len(self.body) if p_end < 0 else p_end
        if p_end - p_start > _PARAGRAPH_LIMIT or (p_start == start and p_end == end):
            return _dates_in(sentence, self.ref)
        if p_start not in self._paragraphs:
            self._paragraphs[p_start] = _dates_in(self.body[p_start:p_end], self.ref)
        shift = start - p_start
        return [replace(m, start=m.start - shift, end=m.end - shift) for m in self._paragraphs[p_start]
                if m.start >= shift and m.end <= shift + len(sentence)]


def _noisy_or(weights: Iterable[float]) -> float:
    miss = 1.0
    for w in weights:
        miss *= 1.0 - w
    return 1.0 - miss


def _vote(msg: _Message, language: str, parsed) -> tuple[dict, dict]:
    """Scores per label and, per label, the hits (weight, sentence index) that made them."""
    hits = rules.match_rules(msg.normal, language)
    if language == "id":  # Indonesian recruiters mix in English ("interview", "offering letter")
        hits += rules.match_rules(msg.normal, "en", skip_shared=True)
    # Whether a sentence names a date matters only below the labels that beat every dated one
    # (a rejection is a rejection, dated or not): the date resolver is asked only then.
    undated = _tally(msg, hits, parsed, dated=())
    scores = _scores(undated)
    first, _ = _decide(scores)
    if first in _ABOVE_DATED:
        return scores, undated
    # The resolver, the costliest step, is asked group by group in precedence order, only about
    # the hits that can change the labels decided so far: once a group holds a decisive label,
    # later groups can change neither the label nor its evidence.
    votes, dated = undated, set()
    for group in rules.PRECEDENCE:
        dated.update(group)
        if _DATED_LABELS.intersection(group):  # else no date touches this group: the last tally holds
            votes = _tally(msg, hits, parsed, dated=frozenset(dated))
            scores = _scores(votes)
        if any(scores.get(label, 0.0) >= rules.DECISIVE for label in group):
            break
    return scores, votes


def _scores(votes: dict) -> dict:
    return {label: _noisy_or(w for w, _ in v.values()) for label, v in votes.items()}


# Labels that outrank, in rules.PRECEDENCE, every label a dated rule can turn into.
_ABOVE_DATED = frozenset({rules.ASIDE, "rejection", "offer", "checkin_request", "recruiter_outreach"})
# Labels whose votes a date can change: those of dated rules and those they turn into.
_DATED_LABELS = frozenset({r.label for r in rules.RULES if r.dated_label} | {r.dated_label for r in rules.RULES if r.dated_label})


def _tally(msg: _Message, hits, parsed, dated) -> dict:
    """Votes per label; a dated rule whose sentence names a date votes for its dated label, when
    its label or its dated label is in `dated` (the resolver is not asked about the others)."""
    votes: dict[str, dict] = defaultdict(dict)  # label -> rule name -> (weight, index)
    msg.rows.clear()
    for hit in hits:
        label, weight = hit.rule.label, hit.rule.weight
        if (hit.rule.dated_label and (label in dated or hit.rule.dated_label in dated)
                and any(m.kind in ("day", "by", "within", "week") for m in msg.mentions(hit.index))):
            label, weight = hit.rule.dated_label, hit.rule.dated_weight or weight
        if hit.index == 0 and msg.is_reply:
            weight *= 0.45  # a reply's subject names the thread's topic, not what this message says
        key = hit.rule.name or hit.rule.patterns[0]
        best = votes[label].get(key)
        if best is None or weight > best[0]:
            votes[label][key] = (weight, hit.index)
        msg.rows[label].add(hit.index)
    events = [e for e in (getattr(parsed, "calendar_events", None) or []) if (e.method or "").upper() != "CANCEL"
              and not _EVENT_NOT_INTERVIEW.search(e.summary or "")]
    if events:
        about = " ".join([msg.normal[0]] + [rules.normalise(e.summary or "") for e in events])
        interview = re.search(r"interview|wawancara|call|chat|screen|panel|onsite|on-site|meet|conversation|temu", about)
        votes["interview_invite"]["calendar invite"] = (0.9 if interview else 0.5, 0)
    return votes


# Calendar invitations that are not to an interview, whatever their title says of interviews.
_EVENT_NOT_INTERVIEW = re.compile(r"\b(?:webinar|workshop|seminar|masterclass|bootcamp|course|kursus|kelas|"
                                  r"open house|career fair|job fair|bursa kerja)\b", re.I)


def _decide(scores: dict) -> tuple[str | None, float]:
    for group in rules.PRECEDENCE:
        strong = [(scores[l], l) for l in group if scores.get(l, 0.0) >= rules.DECISIVE]
        if strong:
            score, label = max(strong)
            # "Thanks for applying; you'll hear from us within two weeks" acknowledges an
            # application: its hear-back promise does not make it a status message.
            if label in rules.ACKNOWLEDGED and scores.get("application_received", 0.0) >= rules.ACKNOWLEDGEMENT:
                return "application_received", max(score, scores["application_received"])
            # "We got your resume. Are you free for a call next week?" asks for the call.
            if label == "application_received" and scores.get("interview_invite", 0.0) >= rules.ASKED_INVITE:
                return "interview_invite", scores["interview_invite"]
            return label, score
    return None, 0.0


def _evidence_index(label: str, votes: dict) -> int | None:
    hits = votes.get(label)
    if not hits:
        return None
    weight, index = max(hits.values(), key=lambda wi: (wi[0], -wi[1]))
    return index


def _interview_date(msg: _Message, votes: dict, parsed) -> tuple[date | None, datetime | None]:
    events = [e for e in (getattr(parsed, "calendar_events", None) or []) if (e.method or "").upper() != "CANCEL"]
    if len(events) == 1 and (events[0].start or events[0].day):
        start = events[0].start
        if start is not None and msg.ref is not None:
            start = start.astimezone(msg.ref.tzinfo)  # the day on the sender's calendar
        return (start.date() if start else events[0].day), start
    hit_rows = sorted(msg.rows.get("interview_invite", ()))
    moved = _RESCHEDULE.search(msg.body)
    every = range(len(msg.sentences))
    for rows in ((every,) if moved else (hit_rows, every)):
        days, where = {}, {}
        for i in rows:
            if _PAST_CUE.search(msg.sentences[i]):
                continue  # "great speaking with you today" is not the interview's day
            for m in msg.dates(i):
                if m.kind == "day":
                    days.setdefault(m.date, m)
                    where.setdefault(m.date, i)
        if moved and len(days) > 1:
            # "we need to move your interview from Thursday to Friday": the new day comes last,
            # unless it is one of new options ("could we push our call? Monday or Tuesday?").
            last = max((m for m in days.values()), key=lambda m: (where[m.date], m.start))
            if _among_options(msg, where[last.date], last):
                return None, None
            days = {last.date: last}
        if len(days) == 1:
            (day, mention), = days.items()
            if _put_off_after(msg.sentences[where[day]], mention):
                return None, None  # "our interview on Tuesday has to be postponed": no new day yet
            if not moved and _other_days_offered(msg, where[day], mention):
                return None, None  # "Would Monday work? If not, Tuesday or Wednesday": options
            clock, place = _clock_of(msg, day, where[day])
            at = None
            if clock is not None:
                # A zone named next to the time ("2pm PT", "pukul 10.00 WIB") is the one meant;
                # without one, the recruiter's own, as the Date header says.
                zone = _zone_nearby(msg, place) or (msg.ref.tzinfo if msg.ref is not None else None)
                if zone is not None:
                    at = datetime.combine(day, clock, tzinfo=zone)
            return day, at
        if len(days) > 1:
            schedule = None if moved else _schedule(msg, days, where)
            if schedule is not None:
                return schedule  # several sessions, all set: the first day, and when the last starts
            return None, None  # a list of options to choose from
    return None, None


# Words that offer a choice of times ("which suits you", "pick a slot", "salah satu"): a list of
# days with them is options, not a schedule.
_CHOICE = re.compile(
    r"\b(?:which|whichever|pick|choose|choice|select|options?|slots?|availab\w*|propose|another time|waktu lain|preferred|"
    r"prefer|suits? you|works? (?:best|better|for you)|convenient|either|alternatively|(?:some|a few|these|the "
    r"following|several) (?:times|dates|days)|pilih\w*|salah satu|mana yang|opsi|alternatif|waktu luang|kosong)\b"
    r"|\b\w+day\b[^.\n]{0,30}\bor\b|\b(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu)\b[^.\n]{0,30}\batau\b",
    re.I)
# Words before a day that make it no session: the results announced then, a reply asked by then.
_NO_SESSION = re.compile(r"\b(?:results?|announc\w*|hasil|diumumkan|pengumuman|confirm\w*|konfirmasi|reply|"
                         r"respond|balas\w*|deadline|paling lambat|batas)\b", re.I)
_SESSIONS_MAX = 5  # more days than this is a calendar of events, not one candidate's interviews


def _schedule(msg: _Message, days: dict, where: dict) -> tuple[date, datetime] | None:
    """(first day, start of the last session) when the several days an invitation names are all
    sessions of one schedule ("Interview HR: Senin 10 November pukul 10.00 / Interview User: Rabu
    12 November pukul 14.00"): each with its own time, all ahead, and no word offering a choice.
    LABELS.md dates an invitation by "the date of the interview": the schedule's first day; the
    thank-you of check-in 1 waits for the last session."""
    if len(days) > _SESSIONS_MAX or msg.ref is None:
        return None
    # A word of choice anywhere makes the days options: slots offered are far more common than
    # a schedule, and an option dated as set misleads more than a schedule left undated.
    if _CHOICE.search(msg.body):
        return None
    # A day that announces or asks (the results, a reply by) is no session.
    days = {d: m for d, m in days.items()
            if not _NO_SESSION.search(msg.sentences[where[d]][max(0, m.start - _CLAUSE_REACH):m.start])}
    if len(days) < 2 or any(m.time is None for m in days.values()) or min(days) < msg.ref.date():
        return None
    last = max(days)
    zone = _zone_nearby(msg, where[last]) or msg.ref.tzinfo
    return min(days), datetime.combine(last, days[last].time, tzinfo=zone)


def _slot_picked(msg: _Message, parsed) -> datetime | None:
    """The interview time the user names in a reply ("Thursday 16 October at 14:00 works for
    me"): one day with its time, still ahead, else None (several days are options of the
    user's own; a day with no time says too little). The policy takes it as the interview's time
    when it answers an invitation that offered slots."""
    if not getattr(parsed, "in_reply_to", None) or msg.ref is None or not _TAKES_IT.search(msg.body):
        return None
    day, at = _interview_date(msg, {}, parsed)
    if day is None or at is None or at <= msg.ref:
        return None
    sentence = next((s for i, s in enumerate(msg.sentences) if any(m.date == day for m in msg.dates(i))), "")
    return at if _TAKES_IT.search(sentence) and not _DECLINES_IT.search(sentence) else None


# The user taking a slot, in the sentence that names it: "... works for me", "I'll take ...",
# "cocok untuk saya", "saya pilih ..."; and declining one there: "I can't make ...", "tidak bisa".
_TAKES_IT = re.compile(
    r"\b(?:works?(?: (?:for me|great|well|perfectly|fine|best))?|suits? me|(?:is|sounds) (?:perfect|great|fine|good)|"
    r"i(?:'ll| will) (?:take|go with|be there|join)|i (?:can|could) (?:do|make)|i(?:'d| would) (?:like|prefer)|"
    r"i confirm|confirmed|see you|let's (?:do|go with|say)|count me in|"
    r"cocok|saya (?:pilih|ambil|konfirmasi|bisa|bersedia|siap|hadir)|bisa hadir|sampai jumpa)\b", re.I)
_DECLINES_IT = re.compile(
    r"\b(?:can't|cannot|can not|couldn't|unable|not|won't|unfortunately|clash\w*|conflict\w*|another commitment|"
    r"appointment|tidak|tak|belum|berhalangan|maaf|sayangnya|bentrok)\b", re.I)


# Words that put off or call off the interview on the day named before them.
_PUT_OFF = re.compile(
    r"\b(?:(?:has|have|had|needs?|will) to be (?:postponed|rescheduled|cancell?ed|pushed back)|"
    r"(?:is|was|has been|have been|must be) (?:postponed|cancell?ed|called off|put on hold|rescheduled)|"
    r"(?:perlu|harus|terpaksa|akan|sudah|telah)? ?(?:di(?:undur|tunda|batalkan|jadwal(?:kan)? ulang)))\b",
    re.I)
# ...unless a new day follows them ("postponed to Friday", "diundur menjadi hari Kamis")...
_TO_A_NEW_DAY = re.compile(r"^\W*(?:to|until|till|ke|menjadi|jadi|hingga|sampai)\b", re.I)
# ...or they are only a possibility or denied: "if it needs to be rescheduled, let us know",
# "jadwal tidak dapat diundur".
_ONLY_IF_OR_NOT = re.compile(r"\b(?:if|should|in case|whether|unless|jika|apabila|bila|kalau|seandainya|"
                             r"not|cannot|can't|won't|tidak|tak|bukan|belum)\b", re.I)


# Words that call the interview off, wherever they stand in the day's sentence: "I've cancelled
# Thursday", "jadwal hari Rabu sudah kami batalkan".
_CALLS_OFF = re.compile(r"\b(?:cancel(?:l?ed|l?ing|s)?|called off|(?:kami|saya|sudah|telah) batalkan|"
                        r"dibatalkan|membatalkan)\b", re.I)
_CLAUSE_REACH = 40  # characters between the day and the words that call it off
_CLAUSE_BREAK = re.compile(r"[;,()]|\b(?:so|and|but|dan|tetapi|namun|lalu|kemudian)\b", re.I)
# Only a possibility, a request not to, or how to: "to cancel, reply", "please don't cancel".
_NOT_CALLING_OFF = re.compile(r"(?:\b(?:if|should|in case|whether|unless|jika|apabila|bila|kalau|jangan|"
                              r"tidak perlu|don't|do not|not|never|how)\b[^.]*|(?<!had )(?<!have )(?<!has )\bto )$",
                              re.I)


def _put_off_after(sentence: str, mention) -> bool:
    """Whether the interview day `mention` is put off or called off by its own sentence, with no
    new day given there: "our interview on Tuesday has to be postponed", "interview hari Selasa
    terpaksa diundur", "I've cancelled Thursday"."""
    for off in _CALLS_OFF.finditer(sentence):
        # In the day's own clause ("I've cancelled Thursday", "hari Rabu sudah kami batalkan"),
        # not in another one ("cancelled Tuesday; could we do Thursday?", "to cancel, reply").
        between = sentence[off.end():mention.start] if off.end() <= mention.start else sentence[mention.end:off.start()]
        if len(between) <= _CLAUSE_REACH and not _CLAUSE_BREAK.search(between) \
                and not _NOT_CALLING_OFF.search(sentence[max(0, off.start() - 30):off.start()]):
            return True
    found = _PUT_OFF.search(sentence, mention.end)
    return (bool(found) and not _TO_A_NEW_DAY.search(sentence, found.end())
            and not _ONLY_IF_OR_NOT.search(sentence, mention.end, found.end()))


_OR = re.compile(r"\b(?:or|atau|either)\b|/", re.I)


def _among_options(msg: _Message, i: int, last) -> bool:
    """Whether the day `last` is the second of alternatives: "Monday at 10am or Tuesday at 3pm"."""
    earlier = [m for m in msg.dates(i) if m.kind == "day" and m.date != last.date and m.end <= last.start]
    return any(_OR.search(msg.sentences[i][m.end:last.start]) for m in earlier)


# Words that offer another day besides the one named: "Would Monday work? If not, Tuesday or
# Wednesday", "Alternatively, Thursday morning", "Jika berhalangan, Selasa atau Rabu juga bisa".
_ALTERNATIVE = re.compile(
    r"\b(?:or|atau|alternatively|alternatif\w*|otherwise|failing that|if not|"
    r"if (?:that|this|it|the \w+|\w+day) (?:doesn't|does not|won't|can't|isn't|is not|no longer)|"
    r"(?:jika|kalau|apabila|bila) (?:tidak|berhalangan|belum|kurang)|juga bisa|"
    r"also (?:possible|available|works?|fine|an option|open))\b", re.I)
# A day already agreed: its alternatives are a fallback, not options to choose from.
_AGREED = re.compile(r"\b(?:confirmed|dikonfirmasi|(?:is|has been|are|have been) (?:scheduled|booked|set)|"
                     r"(?:telah|sudah) (?:dijadwalkan|terjadwal|dikonfirmasi)|terjadwal|see you)\b", re.I)
_OPTIONS_REACH = 2  # sentences after the day's own where another day may be offered
_CHOICE_REACH = 30  # characters: the word of choice stands just before the other day


def _other_days_offered(msg: _Message, i: int, mention) -> bool:
    """Whether the interview day `mention` (sentence `i`) is one of several offered: another day,
    or a week ("Monday or sometime next week"), follows it after a word of choice, in its
    sentence or the next two. A day already agreed ("confirmed for Tuesday") is not one."""
    if _AGREED.search(msg.sentences[i]):
        return False
    today = msg.ref.date() if msg.ref is not None else None
    for j in range(i, min(i + 1 + _OPTIONS_REACH, len(msg.sentences))):
        sentence = msg.sentences[j]
        start = mention.end if j == i else 0
        if not _ALTERNATIVE.search(sentence, start):
            continue  # before the resolver is asked: most sentences offer no choice
        for other in msg.dates(j):
            if other.start < start or other.kind not in ("day", "week"):
                continue
            if (other.kind == "day" and other.date == mention.date) or (today is not None and other.date < today):
                continue
            if _ALTERNATIVE.search(sentence, max(start, other.start - _CHOICE_REACH), other.start):
                return True
    return False


def _clock_of(msg: _Message, day: date, first: int):
    """The interview's clock time and the sentence it was read at: near the first sentence
    naming the day, else near a later one naming it again. A scheduling tool's subject names the
    day ("Confirmed: Interview on Thursday, November 13, 2025") and its body the day again with
    the time ("9:00am - 9:30am, Thursday, November 13, 2025 (Central Time)")."""
    for i in range(first, len(msg.sentences)):
        if i != first and not any(m.kind == "day" and m.date == day for m in msg.dates(i)):
            continue  # the resolver is asked about the later sentences only when no time is found
        timed = [m.time for m in msg.dates(i) if m.kind == "day" and m.date == day and m.time is not None]
        clock = timed[0] if timed else _clock_nearby(msg, i)
        if clock is not None:
            return clock, i
    return None, first


_CLOCK = re.compile(r"\b(?:at |pukul |jam |time: ?|waktu: ?)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?=\s*(?:-|–|to|until|sampai|s\.d\.|wib|wita|wit|\(|$|,|\.|\s))", re.I)


def _around(msg: _Message, i: int) -> list[int]:
    """The date's own line, the two after, then the one before if it is a "Time:" line (the
    order of a meeting block varies: "Time: 11am ET" / "Date: Wednesday 18 September")."""
    rows = list(range(i, min(i + 3, len(msg.sentences))))
    if i > 1 and _TIME_LABEL.match(msg.sentences[i - 1]):
        rows.append(i - 1)
    return rows


_TIME_LABEL = re.compile(r"\s*(?:[-*\u2022]\s*)?(?:time|start time|waktu|jam|pukul)\s*:", re.I)


def _clock_nearby(msg: _Message, i: int | None):
    """A clock time on the date's own line or the two after ("Date: Tuesday 16 September" /
    "Time: 9:30-10:30"), or a "Time:" line just before, when the resolver found none next to
    the date."""
    if i is None:
        return None
    from datetime import time as clock_time

    for j in _around(msg, i):
        for m in _CLOCK.finditer(msg.sentences[j]):
            hour, minute, half = int(m.group(1)), int(m.group(2) or 0), (m.group(3) or "").lower()
            if not (m.group(2) or half) or hour > 23 or minute > 59:
                continue  # a bare number is not a time
            if half.startswith("p") and hour < 12:
                hour += 12
            elif half.startswith("a") and hour == 12:
                hour = 0
            return clock_time(hour, minute)
    return None


# Time zones as recruiters name them next to a time. A named region ("PT", "PST" all year) is
# read as that region's clock, daylight saving included: "10am PST" in July means Pacific time.
_ZONE_NAMES = {
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles", "pacific": "America/Los_Angeles",
    "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver", "mountain": "America/Denver",
    "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago", "central": "America/Chicago",
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York", "eastern": "America/New_York",
    "wib": "Asia/Jakarta", "jakarta": "Asia/Jakarta", "wita": "Asia/Makassar", "wit": "Asia/Jayapura",
    "sgt": "Asia/Singapore", "singapore": "Asia/Singapore", "myt": "Asia/Kuala_Lumpur", "hkt": "Asia/Hong_Kong",
    "jst": "Asia/Tokyo", "ist": "Asia/Kolkata", "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "sydney": "Australia/Sydney",
    "bst": "Europe/London", "london": "Europe/London", "uk": "Europe/London", "cet": "Europe/Berlin", "cest": "Europe/Berlin",
    "gmt": "UTC", "utc": "UTC",
}
# Upper-case abbreviations only ("ET", not the "et" of a Latin phrase), right after a clock time
# or in "time zone: ..."; spelled names with "time" ("Pacific Time", "Jakarta time", "waktu Jakarta").
_ZONE = re.compile(
    r"(?:\d(?:[:.]\d\d)?\s*(?:[aApP]\.?[mM]\.?)?\s*\(?|\b[Tt]ime ?zone:?\s*)"
    r"(?-i:(PT|PST|PDT|MT|MST|MDT|CT|CST|CDT|ET|EST|EDT|WIB|WITA|WIT|SGT|MYT|HKT|JST|IST|AEST|AEDT|BST|CET|CEST|GMT|UTC))\b"
    r"(?:\s*([+-]\d{1,2})(?::?(\d\d))?)?"
    r"|\b(pacific|mountain|central|eastern|jakarta|singapore|sydney|london|uk)(?: standard| daylight)? time\b"
    r"|\bwaktu (jakarta|singapura|singapore)\b", re.I)


def _zone_nearby(msg: _Message, i: int | None):
    """The time zone named on the date's line or the two after (where `_clock_nearby` looks):
    "Thursday 12 September" / "Time: 10:00-11:00 WIB". None when no zone is named."""
    if i is None:
        return None
    from datetime import timedelta
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    for j in _around(msg, i):
        m = _ZONE.search(msg.sentences[j])
        if m is None:
            continue
        name = (m.group(1) or m.group(4) or m.group(5)).lower()
        if m.group(2):  # "GMT+7", "UTC+07:00": the offset itself
            hours = int(m.group(2))
            return timezone(timedelta(hours=hours, minutes=int(m.group(3) or 0) * (1 if hours >= 0 else -1)))
        try:
            return ZoneInfo(_ZONE_NAMES.get(name, {"singapura": "Asia/Singapore"}.get(name, "UTC")))
        except ZoneInfoNotFoundError:  # a system without time zone data reads the time as sent
            return None
    return None


_PAST_CUE = re.compile(r"\b(?:thanks? (?:you )?for (?:your time|taking the time|speaking|meeting|coming|the chat|the call|attending)|"
                       r"great (?:speaking|talking|meeting|chatting)|nice (?:speaking|talking|meeting)|enjoyed|earlier|"
                       r"yesterday|kemarin|tadi)\b", re.I)

_RESCHEDULE = re.compile(r"\b(?:reschedul\w*|move[ds]? (?:it|your|the|our)|moving (?:it|your|the|our)|push(?:ed)? (?:back )?(?:it|your|the|our)|"
                         r"instead|postpone|change (?:the|your) (?:date|time)|dijadwal ulang|diundur|(?:di)?pindah\w*|diganti|ganti jadwal|"
                         r"perubahan jadwal|menjadi)\b", re.I)


_POSTPONED = re.compile(r"\b(?:postponed|pushed (?:back|out)?|moved|delayed|rescheduled|shifted|instead of|"
                        r"ditunda|diundur|dimundurkan|dipindah|bergeser|menjadi)\b", re.I)

# Parts of the mail's own day that have passed by the time it is written.
_EARLIER_TODAY = re.compile(r"\b(?:this morning|this afternoon|earlier today|tadi|pagi ini|siang ini|hari ini)\b", re.I)

_CHECKIN_CUE = re.compile(
    r"\b(?:follow|check|touch base|ping|nudge|chase|ring|call|email|contact|reach|remind|drop|heard|hear|bell|bug|shout|"
    r"text|message|whatsapp|wa\b|chat|"
    r"hubungi|menghubungi|kabar|tanya|ingatkan|mengingatkan|kabari|telepon|menindaklanjuti|tindak)\w*", re.I)


def _vague_week(mention) -> bool:
    """ "next week" names no day (LABELS.md); "the end of next week" does: its Friday."""
    return mention.kind == "week" and not re.search(r"\b(?:end|akhir)\b", mention.text, re.I)


# What may stand between a day and the hear-back words it leads: "Senin nanti aku kabarin",
# "hari Selasa kami kabari", "on Tuesday we'll let you know", "Monday, I will update you".
_JUST_BEFORE = re.compile(r"[\s,]*(?:(?:nanti|ini|depan)\s+)?(?:(?:kami|saya|aku|kita|we|i|we'll|i'll)\s+)?"
                          r"(?:(?:akan|will|segera|shall)\s+)?", re.I)


def _nearest_after(msg: _Message, i: int, cue: re.Pattern, kinds: tuple[str, ...], skip=None, before=False,
                   meetings=True):
    """The date mention of sentence `i` nearest after a `cue` word (before it, if none after);
    mentions of the day `skip` are left out, and with `meetings=False` the days of meetings
    ("cancel Thursday's interview")."""
    sentence = msg.sentences[i]
    found = list(cue.finditer(sentence))
    if not found:
        return None  # before the resolver is asked: most sentences hold no cue
    cues = [c.end() for c in found]
    mentions = [m for m in msg.dates(i) if m.kind in kinds and m.date != skip
                and (meetings or not _meeting_day(sentence, m))]
    if not mentions:
        return None
    # A day before the cue counts only as a stated limit ("by Friday, I'll have an answer") or
    # right before it ("hari Selasa kami kabari", "on Tuesday we'll let you know"): "still
    # interviewing through Friday, so no decision yet" names no day for the decision.
    mentions = [m for m in mentions if before or m.kind in ("by", "within") or any(m.end > c for c in cues)
                or any(_JUST_BEFORE.fullmatch(sentence[m.end:c.start()]) for c in found if c.start() >= m.end)]
    if not mentions:
        return None
    return min(mentions, key=lambda m: min((m.start - c if m.start >= c else 1000 + c - m.start) for c in cues))


# A meeting named by its day: "Thursday's interview", "the call on Friday", "our interview
# scheduled for Monday", "wawancara hari Senin", "jadwal interview pada hari Kamis". Its day is
# when they meet, not when they will get back ("give you a call on Friday", with "a", still is).
_MEETING = (r"(?:interview|call|meeting|chat|panel|session|conversation|onsite|on-site|screen|"
            r"wawancara|interviu|pertemuan|jadwal)")
_MEETING_BEFORE = re.compile(r"(?:\b(?:the|our|your|this|that|tomorrow's|upcoming)\s+(?:\w+\s+){0,2}" + _MEETING +
                             r"(?:\s+(?:scheduled|planned|set|booked))?\s+(?:on|for)|\b" + _MEETING +
                             r"(?:\s+yang)?(?:\s+(?:dijadwalkan|direncanakan|pada|untuk|hari|tanggal))+)\s*$", re.I)
_MEETING_AFTER = re.compile(r"^(?:'s|\u2019s)\s+(?:\w+\s+)?" + _MEETING + r"\b", re.I)


def _meeting_day(sentence: str, mention) -> bool:
    """Whether `mention` is the day of a meeting, not of a reply (see `_MEETING_BEFORE`). A limit
    ("an invitation to interview by Friday") is no meeting's day."""
    if mention.kind != "day":
        return False
    if _MEETING_AFTER.match(sentence[mention.end:mention.end + 40]):
        return True
    head = sentence[max(0, mention.start - 60):mention.start]
    if re.match(r"(?:hari|tanggal)\b", mention.text, re.I):
        head += mention.text[:mention.text.find(" ") + 1] if " " in mention.text else ""
    return bool(_MEETING_BEFORE.search(head))


def _wrapped(pattern: re.Pattern) -> re.Pattern:
    """The same cue, matching across a hard line wrap ("get\nback to you")."""
    return re.compile(pattern.pattern.replace(" ", r"\s+"), pattern.flags)


_HEAR_BACK_CUE = _wrapped(_HEAR_BACK_CUE)
_DEADLINE_CUE = _wrapped(_DEADLINE_CUE)
_START_CUE = _wrapped(_START_CUE)
_OUR_SENDING = _wrapped(_OUR_SENDING)
# Days that are not the candidate's deadline: a start date, the employer's own sending.
_NOT_A_DEADLINE = re.compile(f"(?:{_START_CUE.pattern})|(?:{_OUR_SENDING.pattern})", re.I)
_CHECKIN_CUE = _wrapped(_CHECKIN_CUE)
_PAST_CUE = _wrapped(_PAST_CUE)
_RESCHEDULE = _wrapped(_RESCHEDULE)
_EARLIER_TODAY = _wrapped(_EARLIER_TODAY)
_POSTPONED = _wrapped(_POSTPONED)


def _first_date(msg: _Message, rows: Iterable[int], kinds: tuple[str, ...], cue=None, avoid=None):
    """The first date of `kinds` in `rows` (sentences holding `cue`, if given); a date led by an
    `avoid` word ("start on 1 October") is skipped, not the whole sentence: "please confirm by
    Monday so you can start on 1 October" still names Monday."""
    for i in rows:
        sentence = msg.sentences[i]
        if cue is not None and not cue.search(sentence):
            continue
        # An avoided phrase counts from its end: "I'll send" holds the deadline word "send".
        avoided = [a.end() for a in avoid.finditer(sentence)] if avoid is not None else []
        deadlines = [d.start() for d in _DEADLINE_CUE.finditer(sentence)] if avoided else []
        for m in msg.dates(i):
            if not (m.kind in kinds or ("by" in kinds and m.kind == "week" and not _vague_week(m))):
                continue
            if avoided and not _led_by(m, deadlines, avoided):
                continue
            return m.date
    return None


def _led_by(mention, wanted: list[int], other: list[int]) -> bool:
    """Whether the cue nearest before `mention` is one of `wanted` rather than `other`. The
    mention's own first word ("by Monday", "dalam 2 minggu") is no cue: "you can start within
    two weeks" is a start. With no cue before it, a "by"/"within" mention stands for itself."""
    before_wanted = max((c for c in wanted if c < mention.start), default=-1)
    before_other = max((c for c in other if c <= mention.start), default=-1)
    if before_wanted == before_other == -1:
        return mention.kind in ("by", "within")
    return before_wanted > before_other


# A line that gives an event's day in a notice: "Hari/Tanggal : Sabtu, 24 Januari 2026", "Date: ...".
_DATE_LINE = re.compile(r"^\s*(?:[-*\u2022]\s*)?(?:hari\s*/\s*tanggal|hari,? tanggal|tanggal|tgl\.?|date|day|when|"
                        r"waktu pelaksanaan|pelaksanaan)\s*:", re.I)


def _key_date(label: str, msg: _Message, votes: dict, parsed) -> tuple[date | None, datetime | None]:
    hit_rows = sorted(msg.rows.get(label, ()))
    if label == "interview_invite":
        return _interview_date(msg, votes, parsed)
    if label in ("assessment", "offer"):
        every = range(len(msg.sentences))
        day = (_first_date(msg, hit_rows, ("by", "within"), avoid=_NOT_A_DEADLINE)
               or _first_date(msg, every, ("by", "within"), cue=_DEADLINE_CUE, avoid=_NOT_A_DEADLINE)
               or _first_date(msg, hit_rows, ("day",), avoid=_NOT_A_DEADLINE)
               or _first_date(msg, every, ("day",), cue=_DEADLINE_CUE, avoid=_NOT_A_DEADLINE)
               # a test or check held on a set day: "Hari/Tanggal : Sabtu, 24 Januari 2026"
               or (_first_date(msg, every, ("day",), cue=_DATE_LINE, avoid=_NOT_A_DEADLINE)
                   if label == "assessment" else None))
        return day, None
    if label == "checkin_request":
        # Read by the classifier, the label has no sentence of its own: any sentence asking to
        # follow up names the date.
        for i in hit_rows or range(1, len(msg.sentences)):
            m = _nearest_after(msg, i, _CHECKIN_CUE, ("by", "within", "day", "week"), before=True)
            if m is not None:
                return (None if _vague_week(m) else m.date), None
        return None, None
    if label in ("decision_timeline", "application_received", "still_deciding"):
        # The label's own sentences first, then any sentence that speaks of hearing back.
        rows = hit_rows + [i for i in range(1, len(msg.sentences)) if i not in hit_rows]
        if label == "still_deciding":
            # A delay names the old date first and the new one last ("we'd hoped to decide by
            # Friday ... you should hear from me within two weeks"): the last one holds.
            rows = sorted(rows, reverse=True)
        today = msg.ref.date() if msg.ref else None
        for i in rows:
            sentence = msg.sentences[i]
            if _START_CUE.search(sentence):
                continue
            # The date nearest after a hear-back word: "the panel meets on Monday, and we'll let
            # you know on Tuesday" is Tuesday. A week without a day ("next week") names no date.
            m = _nearest_after(msg, i, _HEAR_BACK_CUE, ("by", "within", "day", "week"), skip=today, meetings=False)
            if m is not None and _POSTPONED.search(sentence):
                # "planned for 12 August, postponed to 26 August": the later date is meant.
                later = [d for d in msg.dates(i) if d.kind in ("by", "within", "day") and d.start > m.start]
                m = later[-1] if later else m
            if m is not None:
                return (None if _vague_week(m) else m.date), None
        return None, None
    return None, None


def _model_probs(text: str) -> dict[str, float]:
    """The classifier's probabilities for one text; {} without a trained model or spaCy."""
    return _model_probs_many([text])[0]


def _model_probs_many(texts: list[str]) -> list[dict[str, float]]:
    """The classifier's probabilities for many texts in one pass (spaCy reads them in batches,
    several times faster than one by one); a {} for each when there is no model."""
    try:
        from watcher import textcat
    except ImportError:
        return [{} for _ in texts]
    try:
        return textcat.predict_many(texts)
    except Exception:  # no trained model, or spaCy missing: rules alone
        if len(texts) > 1:  # or one text the model chokes on: it alone goes without
            return [_model_probs(text) for text in texts]
        return [{}]


# Mail sent to a list: its headers say so, or its footer offers a way out.
_BULK_WORDS = re.compile(r"unsubscribe|berhenti berlangganan|email preferences|preferensi email|"
                         r"view (?:this email )?in (?:your )?browser|webinar", re.I)
# How sure the classifier must be that bulk mail is `other` (5-fold cross-validation on the
# training sets: 0.4 turns three wrong readings right and none wrong).
BULK_OTHER = 0.4


def _is_bulk(parsed) -> bool:
    """Whether the mail was sent to a list (List-Unsubscribe, Precedence: bulk, an unsubscribe footer).

    >>> from types import SimpleNamespace as NS
    >>> _is_bulk(NS(headers={"list-unsubscribe": "<mailto:x@y>"}, text="", signature=""))
    True
    """
    headers = getattr(parsed, "headers", None) or {}
    if "list-unsubscribe" in headers or "list-id" in headers:
        return True
    if re.match(r"\s*(?:bulk|list|junk)", headers.get("precedence", ""), re.I):
        return True
    text = (getattr(parsed, "text", "") or "") + "\n" + (getattr(parsed, "signature", "") or "")
    return bool(_BULK_WORDS.search(text))


def _best(probs: dict[str, float]) -> tuple[str, float] | None:
    if not probs:
        return None
    label = max(probs, key=probs.get)
    return label, probs[label]


_WORD = re.compile(r"\b[^\W\d_]{2,20}\b")


def _has_words(text: str, count: int) -> bool:
    """Whether `text` holds `count` different words; stops as soon as it does.

    >>> _has_words("ok ok ok", 3), _has_words("We will call you", 3)
    (False, True)
    """
    seen = set()
    for m in _WORD.finditer(text):
        seen.add(m.group().lower())
        if len(seen) >= count:
            return True
    return False


# The people of a message not asked about (`people=False`).
_NOBODY = extract.People(company=None, role=None, recruiter_name=None)


def read_message(parsed, *, me: Iterable[str] = (), use_model: bool = True, people: bool = True) -> Reading:
    """Read one parsed email (`watcher.mime.ParsedEmail`); `me` are the user's own addresses.
    `people=False` leaves out the company, role and recruiter's name (a caller that shows only
    labels and dates saves a sixth of the reading).

    Never raises on strange input: an empty or unreadable message is `other` with low confidence.
    """
    steps = reading_steps(parsed, me=me, use_model=use_model, people=people)
    try:
        text = next(steps)
        while True:
            text = steps.send(_model_probs(text))
    except StopIteration as done:
        return done.value


def read_messages(parsed: list, *, me: Iterable[str] = (), use_model: bool = True, people: bool = True) -> list:
    """Read many parsed emails, as `read_message` reads each: the same readings, but the
    classifier reads every message that needs it in one batch. A message whose reading fails
    comes back as the exception, in its place, so that one bad message cannot lose the others.

    >>> from watcher.mime import parse_message
    >>> [r.label for r in read_messages([parse_message(b"Subject: Hi\\n\\nSee you.")], use_model=False)]
    ['other']
    """
    me = list(me)
    out: list = [None] * len(parsed)
    waiting: dict[int, tuple] = {}  # message index -> (its reading, the text it asks about)

    def step(i, steps, probs=None):
        try:
            text = next(steps) if probs is None else steps.send(probs)
        except StopIteration as done:
            out[i] = done.value
        except Exception as exc:
            out[i] = exc
        else:
            waiting[i] = (steps, text)

    for i, one in enumerate(parsed):
        step(i, reading_steps(one, me=me, use_model=use_model, people=people))
    while waiting:
        asked = list(waiting.items())
        waiting.clear()
        for (i, (steps, _)), probs in zip(asked, _model_probs_many([text for _, (_, text) in asked])):
            step(i, steps, probs)
    return out


def reading_steps(parsed, *, me: Iterable[str] = (), use_model: bool = True, people: bool = True):
    """`read_message` as a generator: it yields the text the classifier must read, when the
    rules leave the label open (at most once), is sent the probabilities, and returns the
    Reading. `read_messages` drives many at once, so the classifier reads them in batches."""
    defects = list(getattr(parsed, "defects", None) or [])
    msg = _Message(parsed)
    language = detect_language(msg.subject + "\n" + msg.body)
    sender = (getattr(parsed, "sender", "") or "").lower()
    mine = {a.strip().lower() for a in me if a and a.strip()}
    people = extract.read_people(parsed, msg.body, language) if people else _NOBODY
    if sender and sender in mine:
        return Reading(direction="out", label=None, confidence=1.0, language=language, defects=defects,
                       company=people.company, role=people.role, interview_at=_slot_picked(msg, parsed))

    if not _has_words(msg.subject + " " + msg.body[:5000], 3):  # empty, binary junk, or a bare link: nothing to read
        return Reading(direction="in", label="other", confidence=0.1, evidence=msg.subject or None,
                       language=language, defects=defects, company=people.company, role=people.role,
                       recruiter_name=people.recruiter_name)
    scores, votes = _vote(msg, language, parsed)
    label, confidence = _decide(scores)
    if label == rules.ASIDE:  # about someone else's hiring: `other`, with its own evidence
        label, votes = "other", {"other": votes[rules.ASIDE]}
    if label is None:
        best = max(scores.items(), key=lambda kv: kv[1], default=(None, 0.0))
        ask = use_model and best[1] < MODEL_SKIP
        if ask and msg.probs is None:
            msg.probs = yield msg.subject + "\n" + msg.body
        model = _best(msg.probs) if ask else None
        if model and model[1] >= CLASSIFIER_FLOOR and (best[0] is None or model[1] >= best[1]):
            label, confidence = model[0], round(min(model[1], 0.9), 3)
        elif best[0] is not None and best[1] >= RULE_FLOOR:
            label, confidence = best
        elif model:
            label, confidence = model[0], min(model[1], 0.5)
        else:
            label, confidence = "other", 0.2 if msg.body.strip() else 0.1

    if label == rules.STILL_MEETING:  # others still to meet, and no decision date: still deciding
        label = "still_deciding"
        votes = {**votes, label: {**votes.get(rules.STILL_MEETING, {}), **votes.get(label, {})}}
        msg.rows[label] |= msg.rows.get(rules.STILL_MEETING, set())

    if use_model and label not in ("other", "rejection") and _is_bulk(parsed):
        # Newsletters, job alerts and webinars are full of hiring words; sent in bulk, they are
        # `other` when the classifier, which reads the whole message, leans that way.
        if msg.probs is None:
            msg.probs = yield msg.subject + "\n" + msg.body
        if msg.probs.get("other", 0.0) >= BULK_OTHER:
            label, confidence = "other", msg.probs["other"]
            votes = {}

    key_date, interview_at = _key_date(label, msg, votes, parsed)
    if label == "interview_invite" and interview_at is None:
        interview_at = _interview_date(msg, votes, parsed)[1]
    index = _evidence_index(label, votes)
    evidence = msg.sentences[index].strip() if index is not None else None
    if not evidence:
        evidence = msg.subject or (msg.sentences[1].strip() if len(msg.sentences) > 1 else None)
    return Reading(
        direction="in",
        label=label,
        confidence=round(min(max(confidence, 0.0), 0.99), 3),
        key_date=key_date,
        key_date_kind=KEY_DATE_KIND_OF.get(label) if key_date else None,
        evidence=evidence,
        language=language,
        interview_at=interview_at if label == "interview_invite" else None,
        company=people.company,
        role=people.role,
        recruiter_name=people.recruiter_name,
        signals=rules.find_signals(msg.normal, language),
        defects=defects,
    )
