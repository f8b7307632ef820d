"""Find the dates a recruiter's email names, and the day each one points to.

    >>> from datetime import datetime, timedelta, timezone
    >>> ref = datetime(2025, 10, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))  # a Wednesday
    >>> [(m.text, m.date.isoformat(), m.kind)
    ...  for m in find_dates("We will decide by the end of next week.", ref)]
    [('by the end of next week', '2025-10-10', 'by')]

Every phrase is read against `ref`, the email's own `Date:` header, on the calendar of that
header's own UTC offset: "tomorrow" written at 23:30 -08:00 is the next day in California, even
though it is already the day after in UTC.

How it works: the project's own rules (an ordered table of patterns, `_rules()`) find and resolve
the phrases recruiters use in English and Indonesian ("within 3 business days", "akhir minggu
depan", "paling lambat hari Jumat"). For a sentence that still holds a date-looking piece that no
rule read, `dateparser` (languages `en` and `id`, never auto-detected) gets one try at that
sentence, and only its hits that look like real dates are kept.

Conventions (DESIGN.md, LABELS.md, the Recognizers-Text specs):
- A bare weekday ("Tuesday", "hari Senin", "by Thursday") is the first such day strictly after
  the reference day; "this Friday" is the Friday of the current Monday-to-Sunday week; "next
  Friday", "Jumat depan", "Friday next week" the Friday of the next week; "last Wednesday" the
  Wednesday of the previous week; "this past Wednesday" the most recent one before today.
- "next week" / "minggu depan" is that week's Monday; "the weekend" its Saturday; "next
  month" / "bulan depan" that month's first day. All of these are kind "week": a period, not a
  set day. "end of (next) week" / "akhir minggu (depan)" / "akhir pekan (depan)" is that
  week's Friday, of kind "by": it names a day, and the day by which something happens (a
  recruiter's "akhir pekan" is the end of the working week; "selamat akhir pekan" no date).
- "end of the month" / "akhir bulan" is the month's last day; "end of October" likewise.
- "within N days", "in two weeks", "in a fortnight", "in approximately two weeks", "dalam 2
  minggu", "3 hari lagi", "1x24 jam", "valid for 7 days", "within 48 hours of this email"
  add calendar days (an estimate counts as the amount it names);
  "N business/working days", "N hari kerja" add Monday-to-Friday days (the reference day itself
  is not counted). A range ("3-5 business days") takes its upper end: the latest day promised.
  Also read as limits from the email: "within 3 days of receiving this email", "of receipt",
  "sejak email ini diterima", "dari hari ini", "you have 5 days to", "punya waktu 5 hari",
  "diberi waktu 3 hari", "open for 7 days", and a number written twice, "5 (lima) hari kerja",
  "five (5) business days" (where the two differ, the words govern).
- A limit longer than two months (`LONGEST_LIMIT_DAYS`: "within 12 months", "valid for a
  year", "over the next six months", "dalam 2 tahun") gives nothing: in recruiter mail it says
  how long a CV is kept or a result holds, not a deadline. A moment that far ("in 6 months",
  "after 6 months", "setahun lagi") is still read.
- A date without a year is the next such date on or after the reference day.
- A numeric date whose order is ambiguous (05/04/2026) is read day first, as in Indonesia and
  the UK, unless a weekday written with it agrees only with one reading, or the text is English
  and the reference says month first: a North American offset (UTC-04:00 to UTC-10:00), no
  offset at all, or UTC when the month-first reading is the nearer one to come
  (`_Context.numeric_order`).
- Vague phrases give nothing: "soon", "segera", "early next week", "in the coming weeks",
  "awal bulan depan", "a week or two", "a few days ago". So do story-telling durations ("3
  weeks later", "two Mondays later", "sebulan kemudian"), and "the day" / "my day", which in
  mail name no date.
- A day beside another one ("the next day", "the following day", "the day after", "the day
  before", "keesokan harinya", "H-1") counts from the day named just before it in the same
  paragraph ("on Wednesday ... the following day" is Thursday); with none, from the reference
  day, except "H-1" (the day before an event), which then gives nothing. "the day before
  Friday", "sehari sebelum tanggal 12", "2 days before 10 October" count from the day named.
- "two Sundays from now", "in three Fridays": the n-th such day after the reference day.
- "by COB Friday", "tomorrow EOD": one mention, of that day. "the 14th or 15th": both days.
- A duration counted from an event ("2 minggu setelah wawancara", "within 3 days of the
  interview") gives nothing; one counted from the email ("of this email") is read.
- Short weekdays stand alone when they are no other word: "tues", "thurs", "Fri", "Wed.";
  "Mon"/"Wed" capitalised or after "on"/"by"; "Sat"/"Sun" never alone.
- How dates are written: "on 4.22" (English, a dotted month and day that cannot be a clock
  time there), "08/12,2015", an ISO date inside a file name, "January first 12" (a two-digit
  year after an ordinal).
- A day told as past is the one just gone: "Thanks for Friday's conversation", "thank you for
  the interview on Tuesday", "we spoke on Monday", "the round held on 3rd June", "terima
  kasih atas wawancara hari Senin", "tanggal 6 Januari lalu" (`_told_as_past`; a future word
  in between, as in "thanks, I've moved it to Thursday", keeps the next one). Greetings
  ("Happy Monday", "have a good Friday evening") name no date; "Black Friday" and "Cyber
  Monday" are the days after Thanksgiving; "on 4th and Alder" is a street corner. "expires
  (on) Friday" is a limit, kind "by".
- "on the 5th" may be followed by a new clause ("on the 5th when I'm back"); a bare "the 3rd"
  may not ("the 3rd you sent"). "next week, maybe on Thursday" is one day; "next week, so we'll
  decide on Monday" two mentions: only a hedge may stand between a week and its weekday.
- Also read: holidays ("after Christmas", "setelah Lebaran": moving Indonesian holidays come
  from the `holidays` package), "3 days from Friday", "next week, maybe on Thursday" (that
  Thursday), "1 month and 10 days ago", years in words, and a range's shared year ("February
  23 to February 24, 2027").
"""
from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterable

# The domain's business-day arithmetic (Mon-Fri, `day` itself not counted, optional holidays),
# re-exported so that callers of the resolver need one import.
from models.business_days import add_business_days

__all__ = ["DateMention", "find_dates", "add_business_days"]


@dataclass(frozen=True)
class DateMention:
    """One date phrase found in a text.

    Example: "Tuesday at 2 pm" in mail sent on Friday 2025-11-07 gives
    DateMention(text="Tuesday", start=.., end=.., date=date(2025, 11, 11),
    time=time(14, 0), kind="day").
    """

    text: str  # the span as written, e.g. "by the end of next week"
    start: int  # character offsets in the input text
    end: int
    date: _dt.date  # the day it points to
    time: _dt.time | None  # a clock time stated with it ("at 2 pm", "pukul 10.00"), else None
    kind: str  # "day" | "by" | "within" | "week" (a period: next week, next month, end of week)


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "januari": 1,
    "february": 2, "feb": 2, "februari": 2, "pebruari": 2, "peb": 2,
    "march": 3, "mar": 3, "maret": 3,
    "april": 4, "apr": 4,
    "may": 5, "mei": 5,
    "june": 6, "jun": 6, "juni": 6,
    "july": 7, "jul": 7, "juli": 7,
    "august": 8, "aug": 8, "agustus": 8, "agu": 8, "agt": 8, "ags": 8,
    "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "oktober": 10, "okt": 10,
    "november": 11, "nov": 11, "nopember": 11, "nop": 11,
    "december": 12, "dec": 12, "desember": 12, "des": 12,
}
# English words that are also verbs: only a capitalised "May"/"March" is a month.
MONTH_VERBS = {"may", "march"}

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}
# Short forms are read only next to a date or with "next"/"this"/"last": "Sun", "Sat" and
# "Wed" alone are too often something else.
WEEKDAY_ABBREVIATIONS = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}

CARDINALS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
    "a": 1, "an": 1,
    # Indonesian
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
# "seminggu" = one week, "sehari" = one day: the Indonesian "se-" prefix means "one".
ONE_UNIT_WORDS = {
    "sehari": "day", "seminggu": "week", "sepekan": "week", "sebulan": "month",
    "setahun": "year",
}

UNITS = {
    "day": "day", "days": "day", "hari": "day",
    "week": "week", "weeks": "week", "wk": "week", "wks": "week", "minggu": "week",
    "pekan": "week",
    "month": "month", "months": "month", "bulan": "month",
    "year": "year", "years": "year", "tahun": "year",
    "hour": "hour", "hours": "hour", "hrs": "hour", "jam": "hour",
    "fortnight": "fortnight", "fortnights": "fortnight",
}


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation that tries longer words first ("sept" before "sep")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# ---------------------------------------------------------------------------------------------
# Regex building blocks (plain strings, compiled once in `_rules()`)
# ---------------------------------------------------------------------------------------------

def _mon(group: str = "m") -> str:
    """Any month name or abbreviation, English or Indonesian, captured as `group`."""
    return rf"(?P<{group}>{_alternation(MONTHS)})(?![a-z])\.?"


_MON = _mon()


def _month_full(group: str) -> str:
    """A full month name (English or Indonesian) captured as `group`."""
    return (rf"(?P<{group}>january|february|march|april|may|june|july|august|september|"
            r"october|november|december|januari|februari|maret|mei|juni|juli|agustus|oktober|"
            r"nopember|desember)(?![a-z])")


_WD_FULL = (r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            r"senin|selasa|rabu|kamis|jum['’]?at|sabtu|ahad")
_WD_SHORT = _alternation(WEEKDAY_ABBREVIATIONS)
# A weekday written in front of a date: "Wednesday 19 November", "Tue, May 9", "Minggu (28/12)".
_WD_PREFIX = (rf"(?:(?:this|next|coming)\s+)?(?:hari\s+)?(?P<wd>{_WD_FULL}|minggu|{_WD_SHORT})"
              r"(?![a-z])\.?(?:\s*,\s*|\s*\(\s*|\s*-\s*|\s+)")
_ORD_WORD = (r"(?:(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|"
             r"eighth|ninth)|" + _alternation(ORDINALS) + r")")
_CARD_10_31 = (r"(?:(?:twenty|thirty)[\s-](?:one|two|three|four|five|six|seven|eight|nine)|"
               r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
               r"nineteen|twenty|thirty)")
_DAY_DIGITS = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d)"
_NUM_WORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty)[\s-](?:one|two|three|four|five|six|seven|"
             r"eight|nine)|(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\s+"
             r"(?:puluh(?:\s+(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?|belas)|"
             + _alternation(CARDINALS) + r")")
# "5 (lima) hari kerja", "five (5) business days": a number written twice, in digits and in
# words, one of them in brackets (Indonesian letters and legal English do this).
_NUM = (rf"(?:\d{{1,3}}(?!\d)(?:\s*\(\s*{_NUM_WORD}\s*\))?"
        rf"|{_NUM_WORD}(?![\w])(?:\s*\(\s*\d{{1,3}}\s*\))?)")
_TENS_WORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|"
              r"three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|"
              r"fifteen|sixteen|seventeen|eighteen|nineteen)")
# A year in words: "two thousand and eighteen", "nineteen seventy eight", "nineteen oh one",
# "twenty twenty-five".
_YEAR_WORDS = (rf"(?:two\s+thousand(?:\s+and)?(?:\s+(?:{_TENS_WORD}|one|two|three|four|five|six|"
               rf"seven|eight|nine))?|(?:nineteen|twenty)\s+(?:hundred|(?:oh|zero)\s+(?:one|two|"
               rf"three|four|five|six|seven|eight|nine)|{_TENS_WORD}))")
_NUM_RANGE = (rf"(?P<n>{_NUM})(?:\s*(?:-|–|—|to|or|atau|sampai|hingga|s\.?/?d\.?)\s*"
              rf"(?P<n2>{_NUM}))?")
_TIME = (r"(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.])(?P<mi>[0-5]\d))?\s*"
         r"(?P<ap>a\.?\s?m\.?|p\.?\s?m\.?)?(?![\w])")
_TIME_WORDS = r"(?:at|@|from|around|pukul|pkl\.?|jam)"
# "the 2nd and 3rd round": a pair of ordinals before a noun counts rounds, not days.
_PAIRED_ORDINAL_NOUN = (r"\s*(?:or|and|to|-|–|/)\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+(?!(?:at|of"
                        r"|or|and|to|until|till|from|morning|afternoon|evening|pukul|jam|if|works?"
                        r"|would|could|is)\b)[a-z]")
# "in approximately two weeks": an estimate, read as the amount it names.
_APPROX = (r"(?:(?:approximately|approx\.?|about|around|roughly|some|sekitar|kurang\s+lebih"
           r"|kira-kira|kurang\s+dari|less\s+than)\s+)?")
# "within 48 hours of this email", "7 days from the date of this invitation": counted from the
# email itself, the reference.
_MAIL_NOUN = (r"(?:e-?mail|message|invitation|invite|letter|note|notice|notification|announcement"
              r"|link)")
_THIS_EMAIL = (rf"(?:(?:receiving|getting|opening|the\s+date\s+of|(?:the\s+)?receipt\s+of)\s+)?"
               rf"(?:this|the|our|my|that)\s+{_MAIL_NOUN}|(?:receiving|getting|opening)\s+(?:it|this)"
               rf"|(?:the\s+time|when)\s+you\s+(?:receive|get|open)\s+(?:it|this(?:\s+{_MAIL_NOUN})?)"
               r"|receipt")
# "sejak email ini diterima", "terhitung dari tanggal pengumuman ini", "dari hari ini": counted
# from the email, in Indonesian.
_ID_FROM_THIS_EMAIL = (r"\s+(?:terhitung\s+)?(?:sejak|semenjak|dari|setelah|sesudah|mulai)\s+"
                       r"(?:(?:tanggal\s+)?(?:(?:diterimanya|dikirimnya|menerima|penerimaan)\s+)?"
                       r"(?:e-?mail|surel|pesan|undangan|surat|pengumuman|tautan)\s+ini"
                       r"(?:\s+(?:diterima|dikirim(?:kan)?|disampaikan|diterbitkan|dibuka))?"
                       r"|hari\s+ini|sekarang)")
_OF_THIS_EMAIL = rf"(?:\s+(?:of|from|after|upon)\s+(?:{_THIS_EMAIL})|{_ID_FROM_THIS_EMAIL})"
_FROM_THIS_EMAIL = rf"(?:\s+(?:from|after|upon)\s+(?:{_THIS_EMAIL})|{_ID_FROM_THIS_EMAIL})"


# ---------------------------------------------------------------------------------------------
# Small pure helpers
# ---------------------------------------------------------------------------------------------

def _number(words: str) -> int | None:
    """'3' -> 3, 'twenty-one' -> 21, 'dua puluh lima' -> 25, 'tiga belas' -> 13, 'a' -> 1."""
    words = words.strip().lower()
    if words.isdigit():
        return int(words)
    twice = re.fullmatch(r"(.+?)\s*\(\s*(.+?)\s*\)", words)
    if twice:  # "5 (lima)", "five (5)": where they differ, the words govern (as in UCC 3-114)
        digits, spelled = sorted(twice.groups(), key=lambda part: not part.isdigit())
        spelled_value = _number(spelled)
        return spelled_value if spelled_value is not None else _number(digits)
    parts = re.split(r"[\s-]+", words)
    if len(parts) >= 2 and parts[1] in ("puluh", "belas"):
        head = CARDINALS.get(parts[0])
        if head is None:
            return None
        if parts[1] == "belas":
            return 10 + head
        tail = CARDINALS.get(parts[2], 0) if len(parts) > 2 else 0
        return head * 10 + tail
    total = 0
    for part in parts:
        value = CARDINALS.get(part)
        if value is None:
            return None
        total += value
    return total


def _ordinal(word: str) -> int | None:
    """'21st' -> 21, 'twenty-first' -> 21, 'eleventh' -> 11, 'twenty two' -> 22, 'thirty' -> 30."""
    word = word.strip().lower()
    digits = re.match(r"(\d{1,2})(?:st|nd|rd|th)?$", word)
    if digits:
        return int(digits.group(1))
    parts = re.split(r"[\s-]+", word)
    total = 0
    for part in parts:
        value = ORDINALS.get(part, CARDINALS.get(part))
        if value is None:
            return None
        total += value
    return total


def _month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _add_months(day: _dt.date, n: int) -> _dt.date:
    """Calendar months, clamped: 31 January + 1 month = 28 (or 29) February."""
    index = day.year * 12 + day.month - 1 + n
    year, month = divmod(index, 12)
    month += 1
    return _dt.date(year, month, min(day.day, _month_days(year, month)))


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _next_on_or_after(ref: _dt.date, month: int, day: int) -> _dt.date | None:
    """The first `month`/`day` on or after `ref` (29 February waits for a leap year)."""
    for year in range(ref.year, ref.year + 9):
        found = _safe_date(year, month, day)
        if found and found >= ref:
            return found
    return None


def _year_in_words(text: str) -> int | None:
    """'two thousand and eighteen' -> 2018, 'nineteen seventy eight' -> 1978."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        rest = _number(" ".join(words[2:])) if words[2:] else 0
        return None if rest is None else 2000 + rest
    head = {"nineteen": 1900, "twenty": 2000}.get(words[0])
    if head is None:
        return None
    rest = words[1:]
    if rest == ["hundred"]:
        return head
    if rest and rest[0] in ("oh", "zero"):
        rest = rest[1:]
    tail = _number(" ".join(rest))
    return None if tail is None else head + tail


def _full_year(text: str, ref: _dt.date) -> int | None:
    """'2026' -> 2026; '26' or "'26" -> 2026; '89' -> 1989 (more than 20 years ahead)."""
    if re.search(r"[a-z]", text, re.I):
        return _year_in_words(text)
    digits = text.lstrip("'’")
    year = int(digits)
    if len(digits) <= 2:
        century = ref.year - ref.year % 100
        year += century
        if year > ref.year + 20:
            year -= 100
    return year


def _week_monday(day: _dt.date, weeks: int = 0) -> _dt.date:
    return day - _dt.timedelta(days=day.weekday()) + _dt.timedelta(weeks=weeks)


def _weekday_date(ref: _dt.date, weekday: int, mode: str) -> _dt.date:
    """Resolve a weekday against `ref`.

    mode: "after" (first strictly after ref), "this" (in ref's Monday-to-Sunday week),
    "next" (in the following week), "last" (in the previous week), "past" (the most recent
    strictly before ref).
    """
    if mode == "after":
        return ref + _dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
    if mode == "past":
        return ref - _dt.timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)
    weeks = {"this": 0, "next": 1, "last": -1}[mode]
    return _week_monday(ref, weeks) + _dt.timedelta(days=weekday)


def _weekday_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    word = re.sub(r"^hari\s+", "", word)
    if word in WEEKDAYS:
        return WEEKDAYS[word]
    return WEEKDAY_ABBREVIATIONS.get(word)


def _is_english(text: str) -> bool:
    """A rough test used only to order ambiguous numeric dates."""
    lowered = f" {text.lower()} "
    indonesian = sum(lowered.count(f" {w} ") for w in ("dan", "yang", "akan", "kami", "anda",
                                                      "untuk", "pada", "dengan", "ini"))
    english = sum(lowered.count(f" {w} ") for w in ("the", "and", "you", "we", "will", "to",
                                                    "on", "for", "is"))
    return english >= indonesian


# ---------------------------------------------------------------------------------------------
# Rules: (name, pattern, resolver). A resolver returns (date, kind), or None when the match is
# not a date after all (the span is then free for other rules), or VAGUE when the phrase is a
# vague one that must hide the dates inside it ("early next week" hides "next week").
# ---------------------------------------------------------------------------------------------

VAGUE = ("vague", None)


@dataclass
class _Context:
    text: str
    ref: _dt.datetime
    day: _dt.date  # the reference day on ref's own calendar

    def numeric_order(self, day_first: _dt.date, month_first: _dt.date) -> _dt.date:
        """The reading of an ambiguous numeric date (05/04/2026) this email means.

        - A North American offset (UTC-04:00 to UTC-10:00) and English text: month first.
        - No offset at all (a naive `ref`; RFC 5322's "-0000", "zone unknown") and English
          text: month first, the en-US default of English, as nothing says otherwise.
        - UTC itself (+00:00, also the UK's winter offset) and English text: month first only
          when that reading is the nearer one still to come (or the only one to come).
        - Anything else (Europe, Asia, Africa, Oceania, and all Indonesian text): day first.

        >>> ctx = _Context("Your test is on 05/04/2026.", _dt.datetime(2026, 1, 10), _dt.date(2026, 1, 10))
        >>> ctx.numeric_order(_dt.date(2026, 4, 5), _dt.date(2026, 5, 4))
        datetime.date(2026, 5, 4)
        """
        offset = self.ref.utcoffset()
        if not _is_english(self.text):
            return day_first
        if offset is None:
            return month_first
        hours = offset.total_seconds() / 3600
        if -10 <= hours <= -4:
            return month_first
        if hours == 0 and month_first >= self.day and (day_first < self.day
                                                       or month_first < day_first):
            return month_first
        return day_first


Resolver = Callable[[re.Match, _Context], "tuple | None"]


def _relative_day(match: re.Match, ctx: _Context):
    word = re.sub(r"\s+", " ", match.group(0).lower())
    if word.startswith(("the day after", "day after")):
        return ctx.day + _dt.timedelta(days=2), "day"
    offsets = {
        "besok lusa": 2, "lusa": 2,
        "the day before yesterday": -2, "day before yesterday": -2, "kemarin lusa": -2,
        "tomorrow": 1, "tmrw": 1, "tomorow": 1, "besok": 1, "esok": 1, "esok hari": 1,
        "yesterday": -1, "kemarin": -1,
    }
    return ctx.day + _dt.timedelta(days=offsets.get(word, 0)), "day"


# Short weekdays that are no other word ("ping me thurs", "by Fri"); "Mon" and "Wed" only
# capitalised or after a preposition ("c'mon", "wed"); "Sat" and "Sun" never alone.
_SHORT_ALONE = {"tue", "tues", "thu", "thur", "thurs", "weds", "fri"}
_SHORT_CAPITALISED = {"mon", "wed"}
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|by|until|till|before|from|to)\s+$", re.IGNORECASE)


def _short_weekday_alone(match: re.Match, ctx: _Context) -> bool:
    word = match.group("wd")
    short = word.lower().rstrip(".")
    if short in _SHORT_ALONE:
        return True
    if short in _SHORT_CAPITALISED:
        before = ctx.text[max(0, match.start() - 10):match.start()]
        return word[0].isupper() or _PREPOSITION_BEFORE.search(before) is not None
    return False


def _context_offset(phrase: str) -> tuple[int, bool]:
    """(days from the anchor, whether the reference may stand in for a missing anchor).

    >>> _context_offset("the day before"), _context_offset("H-3")
    ((-1, True), (-3, False))
    """
    phrase = phrase.lower()
    counted = re.fullmatch(r"h\s?([-−–+])\s?(\d{1,2})", phrase)
    if counted:  # "H-1": the day before an event, meaningless without it
        return (1 if counted.group(1) == "+" else -1) * int(counted.group(2)), False
    return (-1 if re.search(r"before|sebelum", phrase) else 1), True


def _context_day(match: re.Match, ctx: _Context):
    if match.group(0)[:1] == "h":
        return None  # "h-1" is no event countdown; "H-1" is
    return ctx.day + _dt.timedelta(days=_context_offset(match.group(0))[0]), "day"


# A day told as past: "Thanks for Friday's conversation", "thank you for the interview on
# Tuesday", "we spoke on Monday", "the round held on 3rd June", "terima kasih atas wawancara
# hari Senin", "tanggal 6 Januari lalu". Mail names such a day without "last", and reading it
# as the next one puts a thank-you a week (or a year) ahead.
_PAST_BEFORE = re.compile(
    r"""(?:\bthank(?:s|\s+you)(?:\s+(?:so|very)\s+much|\s+again)?\s+for\s+
          (?:(?:the|your|our|a|my)\s+(?:\w+\s+)?(?:time|chat|call|conversation|interview|meeting|visit
            |discussion|session|talk|catch-?up|coffee|lunch|round|presentation|onsite)s?\b
          |(?:coming|meeting|attending|visiting|speaking|talking|chatting|joining|interviewing
            |taking|doing|presenting|sitting)\b)
        |\bthank(?:s|\s+you)(?:\s+(?:so|very)\s+much|\s+again)?\s+for\s+$
        |\benjoyed\b|\bit\s+was\s+(?:great|nice|lovely|good|a\s+pleasure)\b
        |\b(?:we|i|you|he|she|they)\s+(?:met|spoke|talked|chatted|interviewed|told|said|mentioned
          |wrote|emailed|called|rang|sent|promised|visited|came)\b
        |\b(?:held|took\s+place|sent|submitted|shared)\s+(?:\w+\s+){0,4}?on\s+$
        |\bterima\s+kasih\s+(?:atas|telah|sudah|untuk)\b|\b(?:telah|sudah)\s+(?:dilaksanakan|mengikuti
          |bertemu|diadakan|dikirim)\b)
        [^.!?;:,\n]{0,60}$""",
    re.IGNORECASE | re.VERBOSE)
_FUTURE_BETWEEN = re.compile(
    r"\b(?:will|shall|going\s+to|next|coming|upcoming|tomorrow|confirm\w*|agree\w*|accept\w*"
    r"|book\w*|schedul\w*|reschedul\w*|mov(?:e|ed|ing)|postpon\w*|see\s+you|looking\s+forward|akan"
    r"|besok|nanti|depan|dijadwalkan|diundur|dipindah)\b|['’]ll\b",
    re.IGNORECASE)
_PAST_AFTER = re.compile(r"\s*(?:\)\s*)?(?:lalu|kemarin|yang\s+lalu)\b", re.IGNORECASE)


def _told_as_past(text: str, start: int, end: int) -> bool:
    """Whether the date at text[start:end] is told as a past one (see `_PAST_BEFORE`)."""
    if _PAST_AFTER.match(text, end):
        return True
    window = max(0, start - 160)
    before = _PAST_BEFORE.search(text, window, start)
    return before is not None and not _FUTURE_BETWEEN.search(text, before.start(), start)


# "Happy Friday!", "Have a good Monday": a greeting, not a date anyone acts on.
_GREETING_BEFORE = re.compile(r"\b(?:happy|have\s+a\s+(?:good|great|nice|lovely|wonderful)"
                              r"|enjoy\s+(?:your|the\s+rest\s+of\s+your))\s+$", re.IGNORECASE)


def _weekday_rule(match: re.Match, ctx: _Context):
    if not match.group("pre") and _GREETING_BEFORE.search(ctx.text, max(0, match.start() - 40),
                                                          match.start()):
        return None
    wd_word = match.group("wd").lower()
    pre = (match.group("pre") or "").lower().split()
    post = re.sub(r"\s+", " ", (match.group("post") or "").lower()).strip()
    has_hari = bool(match.group("hari"))
    if wd_word in WEEKDAY_ABBREVIATIONS and not (pre or post or _short_weekday_alone(match, ctx)):
        return None
    if wd_word == "minggu" and not has_hari:
        return None  # "minggu" alone is "week"; Sunday is "hari Minggu"
    weekday = _weekday_number(wd_word)
    mode = "after"
    if not pre and not post and _told_as_past(ctx.text, match.start(), match.end()):
        mode = "past"
    if pre:
        if pre[-1] == "past":
            mode = "past"
        elif pre[-1] in ("coming", "upcoming"):
            mode = "after"
        elif pre[-1] == "this":
            mode = "this"
        elif pre[-1] in ("next", "following"):
            mode = "next"
        elif pre[-1] in ("last", "previous"):
            mode = "last"
    if post:
        if re.search(r"depan|next|following", post):
            mode = "next"
        elif re.search(r"lalu|kemarin|last|previous", post):
            mode = "last"
        elif re.search(r"ini|this", post):
            mode = "this"
    return _weekday_date(ctx.day, weekday, mode), "day"


def _week_then_weekday(match: re.Match, ctx: _Context):
    which = match.group("which").lower()
    mode = {"next": "next", "following": "next", "this": "this", "last": "last",
            "previous": "last", "depan": "next", "ini": "this", "lalu": "last"}[which]
    return _weekday_date(ctx.day, _weekday_number(match.group("wd")), mode), "day"


def _next_week(match: re.Match, ctx: _Context):
    weeks = 2 if re.search(r"after\s+next", match.group(0), re.I) else 1
    return _week_monday(ctx.day, weeks), "week"


def _next_month(match: re.Match, ctx: _Context):
    return _add_months(ctx.day.replace(day=1), 1), "week"


def _weekday_count(match: re.Match, ctx: _Context):
    direction = (match.group("dir") or "").strip().lower()
    if direction in ("later", "after"):
        return VAGUE
    if not direction and not match.group("in"):
        return None
    count = _number(match.group("n"))
    weekday = _weekday_number(match.group("wd").lower().rstrip("s"))
    if not count or count > 52 or weekday is None:
        return None
    return _weekday_date(ctx.day, weekday, "after") + _dt.timedelta(weeks=count - 1), "day"


# "Selamat (menikmati) akhir pekan", "enjoy the weekend": a wish, not a date anyone acts on.
_WEEKEND_WISH = re.compile(r"\b(?:selamat|nikmati|menikmati|enjoy|have\s+a\s+\w+)\s+(?:(?:your|the)\s+)?$",
                           re.IGNORECASE)


def _end_of_week(match: re.Match, ctx: _Context):
    phrase = match.group(0).lower()
    weeks = 1 if re.search(r"next|following|coming|depan", phrase) else 0
    if "after next" in phrase:
        weeks = 2
    if _WEEKEND_WISH.search(ctx.text, max(0, match.start() - 30), match.start()):
        return None
    if "weekend" in phrase:  # a period of two days, like "next week"
        return _week_monday(ctx.day, weeks) + _dt.timedelta(days=5), "week"
    # "end of next week" names a day, its Friday, and means "by then": kind "by", so that a
    # caller tells it from a bare "next week", which names no day. "akhir pekan (depan)" is
    # written for it as often as "akhir minggu (depan)": recruiters date replies by the end of
    # their working week, not by a day they do not work.
    return _week_monday(ctx.day, weeks) + _dt.timedelta(days=4), "by"


def _end_of_month(match: re.Match, ctx: _Context):
    phrase = match.group(0).lower()
    if re.search(r"year|tahun", phrase):
        year = ctx.day.year + (1 if re.search(r"next|depan", phrase) else 0)
        return _dt.date(year, 12, 31), "day"
    month_word = match.groupdict().get("m")
    if month_word:
        month = MONTHS[month_word.lower()]
        year = ctx.day.year if month >= ctx.day.month else ctx.day.year + 1
        if match.groupdict().get("y"):
            year = int(match.group("y"))
        return _dt.date(year, month, _month_days(year, month)), "day"
    first = ctx.day.replace(day=1)
    if re.search(r"next|following|depan", phrase):
        first = _add_months(first, 1)
    return first.replace(day=_month_days(first.year, first.month)), "day"


def _amount(match: re.Match) -> int | None:
    first = _number(match.group("n"))
    second = _number(match.group("n2")) if match.groupdict().get("n2") else None
    if first is None:
        return None
    return max(first, second) if second is not None else first


def _shift(ctx: _Context, amount: int, unit: str, business: bool, sign: int = 1):
    """(the reference day moved by amount units) or None for nonsense such as 400 days."""
    if business:
        if amount > 260:
            return None
        return add_business_days(ctx.day, sign * amount)
    if unit == "day":
        if amount > 3660:
            return None
        return ctx.day + _dt.timedelta(days=sign * amount)
    if unit == "week":
        if amount > 520:
            return None
        return ctx.day + _dt.timedelta(weeks=sign * amount)
    if unit == "month":
        if amount > 240:
            return None
        return _add_months(ctx.day, sign * amount)
    if unit == "year":
        if amount > 50:
            return None
        return _add_months(ctx.day, sign * 12 * amount)
    if unit == "fortnight":
        return _shift(ctx, 2 * amount, "week", False, sign)
    if unit == "hour":
        if amount > 24 * 60:
            return None
        moved = ctx.ref + _dt.timedelta(hours=sign * amount)
        return moved.date()
    return None


def _unit_of(word: str) -> tuple[str, bool]:
    """('day', True) for 'business days' / 'hari kerja'; ('week', False) for 'minggu'."""
    word = re.sub(r"\s+", " ", word.lower())
    business = bool(re.search(r"business|working|work|kerja", word))
    if re.search(r"24\s*jam", word):
        return "day", False
    last = word.split()[-1]
    if last in ("kerja",):
        return "day", True
    return UNITS.get(last.rstrip("."), "day"), business


# A limit ("within 12 months", "valid for a year", "dalam 2 tahun") longer than this many days
# is a retention or validity period, or a plan, not a deadline to act on: recruiter mail names
# such limits for how long a CV is kept or a test result holds. It gives nothing. A moment that
# far ("in 6 months", "after 6 months", "2 years from now", "setahun lagi") is still read.
LONGEST_LIMIT_DAYS = 62
_LIMIT_START = re.compile(
    r"""(?:within|inside|up\s+to|(?:over\s+|during\s+|in\s+)?the\s+next|no\s+later|dalam|maks
        |paling|selambat|berlaku|valid|open|active|live|available|accessible|punya|mempunyai
        |memiliki|diberi|diberikan|mendapat|you|candidates?|applicants?)\b""",
    re.IGNORECASE | re.VERBOSE)
_MOMENT_START = re.compile(r"(?:in|after|setelah|sesudah)\b", re.IGNORECASE)
_MOMENT_END = re.compile(r"\b(?:now|today|lagi|sekarang|time)$", re.IGNORECASE)


def _is_limit(phrase: str) -> bool:
    """'within 3 months', '3 hari kerja', 'sebulan ke depan': a limit; 'in 3 months',
    '3 months from now', 'sebulan lagi': a moment."""
    if _LIMIT_START.match(phrase):
        return True
    return not (_MOMENT_START.match(phrase) or _MOMENT_END.search(phrase))


def _within(found: _dt.date | None, phrase: str, ctx: _Context):
    """(found, "within"), or VAGUE for a limit too long to be a deadline (LONGEST_LIMIT_DAYS)."""
    if found is None:
        return None
    if (found - ctx.day).days > LONGEST_LIMIT_DAYS and _is_limit(phrase.strip()):
        return VAGUE
    return found, "within"


def _duration(match: re.Match, ctx: _Context):
    amount = _amount(match)
    if amount is None:
        return None
    unit, business = _unit_of(match.group("unit"))
    return _within(_shift(ctx, amount, unit, business), match.group(0), ctx)


def _one_unit(match: re.Match, ctx: _Context):
    found = _shift(ctx, 1, ONE_UNIT_WORDS[match.group("one").lower()], False)
    return _within(found, match.group(0), ctx)


def _from_anchor(match: re.Match, ctx: _Context):
    """'two weeks from tomorrow', '3 days after today', '2 weeks before yesterday'."""
    amount = _amount(match)
    if amount is None:
        return None
    unit, business = _unit_of(match.group("unit"))
    anchor = match.group("anchor").lower()
    base = ctx.day + _dt.timedelta(days={"tomorrow": 1, "yesterday": -1}.get(anchor, 0))
    sign = -1 if match.group("dir").lower() == "before" else 1
    shifted = _shift(_Context(ctx.text, ctx.ref, base), amount, unit, business, sign)
    if shifted is None:
        return None
    return shifted, ("within" if sign > 0 and anchor in ("now", "today") else "day")


_PART = re.compile(rf"(?P<n>{_NUM})\s*(?P<unit>days?|weeks?|months?|years?|hari|minggu|pekan"
                   r"|bulan|tahun)", re.IGNORECASE)


def _ago(match: re.Match, ctx: _Context):
    """'3 days ago', '1 month and 21 days ago', '2 years 1 month from now', '2 minggu lagi'.

    "3 weeks later" is left out on purpose: in mail it tells a story ("got a reply 3 weeks
    later") and is counted from some other moment, not from the email's date."""
    sign = 1 if re.match(r"from|lagi", match.group("dir"), re.I) else -1
    day = ctx.day
    parts = list(_PART.finditer(match.group("parts")))
    # Larger units first, as people say them: "2 years 1 month 21 days".
    order = {"year": 0, "month": 1, "week": 2, "day": 3}
    for part in sorted(parts, key=lambda p: order[_unit_of(p.group("unit"))[0]]):
        amount = _number(part.group("n"))
        unit, _ = _unit_of(part.group("unit"))
        if amount is None:
            return None
        day = _shift(_Context(ctx.text, ctx.ref, day), amount, unit, False, sign)
        if day is None:
            return None
    if sign > 0:
        return day, "within"
    return day, "day"


def _month_ok(match: re.Match) -> bool:
    """'may' and 'march' are months only when capitalised ("May 5", not "you may 5...")."""
    word = match.group("m")
    return not (word.lower().rstrip(".") in MONTH_VERBS and word[0].islower())


def _with_year(match: re.Match, ctx: _Context, month: int, day: int):
    year_text = match.groupdict().get("y")
    if year_text:
        year = _full_year(year_text, ctx.day)
        found = _safe_date(year, month, day) if year else None
    else:
        found = _agreeing_with_weekday(ctx, [(month, day)], match.groupdict().get("wd"))
        found = found or _next_on_or_after(ctx.day, month, day)
        if found and found > ctx.day and _told_as_past(ctx.text, match.start(), match.end()):
            # "the round held on 3rd June", written on 6 June: the day just gone, not next year's.
            found = _safe_date(found.year - 1, month, day) or found
    return (found, "day") if found else None


def _agreeing_with_weekday(ctx: _Context, readings, weekday_word) -> _dt.date | None:
    """For a year-less date written with a weekday ("Friday 7/6", "this Friday, Jun 15"): the
    earliest reading, from two weeks back on, that falls on that weekday; None if none does.
    A just-passed day stays in the past only when its weekday says so."""
    weekday = _weekday_number(weekday_word) if weekday_word else None
    if weekday is None:
        return None
    window = ctx.day - _dt.timedelta(days=14)
    agreeing = sorted(
        found
        for month, day in readings
        for year in (ctx.day.year - 1, ctx.day.year, ctx.day.year + 1)
        if (found := _safe_date(year, month, day)) and found >= window
        and found.weekday() == weekday
    )
    return agreeing[0] if agreeing else None


def _day_month(match: re.Match, ctx: _Context):
    if not _month_ok(match):
        return None
    day = _ordinal(match.group("d"))
    if day is None:
        return None
    return _with_year(match, ctx, MONTHS[match.group("m").lower().rstrip(".")], day)


def _numeric_date(match: re.Match, ctx: _Context):
    """12/10/2025, 2025-10-14, 14.10.25, 4/22, 22/04 (see the module docstring for order)."""
    a, b = match.group("a"), match.group("b")
    c = match.group("c") or match.group("c2") or match.group("c3")
    if (match.group("c2") or match.group("c3")) and (match.group("s") == "." or len(a) == 4):
        return None  # a year after a comma follows a month and a day: "08/12, 2015"
    if len(a) == 4:  # year first: 2025-10-14, 2015/08/12, 2015.5.13
        if not c:
            return None
        found = _safe_date(int(a), int(b), int(c))
        return (found, "day") if found else None
    if c and len(c) == 1:
        return None  # "3/4/5" is no date
    if c and len(c) == 2 and match.group("s") == "." and int(b) > 12:
        return None  # "03.22.46" is a coordinate or a clock: dotted dates are day first
    first, second = int(a), int(b)
    if not c:
        separator = match.group("s")
        context = match.group("ctx") or match.groupdict().get("wd")
        if separator != "/" and not context:
            return None  # "8-10 projects", "4.5 million": not dates without a hint
        if separator == "/" and not context and (first, second) == (24, 7):
            return None  # "24/7 support"
        if separator == "/" and not context and first < second <= 10:
            return None  # a fraction such as 1/2 or 3/4
        if separator == "." and second > 12:
            return None  # "9.30" is a clock time (Indonesian writes "pukul 9.30")
    if not c:
        agreeing = _agreeing_with_weekday(ctx, [(second, first), (first, second)],
                                          match.groupdict().get("wd"))
        if agreeing:
            return agreeing, "day"
    readings = []
    for month, day in ((second, first), (first, second)):  # day first, then month first
        if 1 <= month <= 12 and 1 <= day <= 31:
            if c:
                found = _safe_date(_full_year(c, ctx.day), month, day)
            else:
                found = _next_on_or_after(ctx.day, month, day)
            if found and found not in readings:
                readings.append(found)
    if not readings:
        return None
    if len(readings) == 2:
        wd = match.groupdict().get("wd")
        weekday = _weekday_number(wd) if wd else None
        agreeing = [r for r in readings if weekday is not None and r.weekday() == weekday]
        if len(agreeing) == 1:
            return agreeing[0], "day"
        return ctx.numeric_order(readings[0], readings[1]), "day"
    return readings[0], "day"


def _dotted_month_day(match: re.Match, ctx: _Context):
    """'on 4.22' in English: 22 April (a day-first reading is impossible)."""
    month, day = int(match.group("a")), int(match.group("b"))
    if not (1 <= month <= 12 and 12 < day <= 31) or not _is_english(ctx.text):
        return None
    found = _next_on_or_after(ctx.day, month, day)
    return (found, "day") if found else None


def _iso_date(match: re.Match, ctx: _Context):
    found = _safe_date(int(match.group("y")), int(match.group("mo")), int(match.group("d")))
    return (found, "day") if found else None


def _weekday_and_day(match: re.Match, ctx: _Context):
    """'Friday the 22nd', 'Monday 21': the first month, from this one on, where they agree."""
    weekday = _weekday_number(match.group("wd"))
    day = _ordinal(match.group("d"))
    if weekday is None or day is None or not 1 <= day <= 31:
        return None
    # The reference month when they agree there (people name a day of the current month this
    # way, past or coming), else the first later month where they agree.
    first = ctx.day.replace(day=1)
    for step in range(0, 15):
        month = _add_months(first, step)
        found = _safe_date(month.year, month.month, day)
        if found and found.weekday() == weekday:
            return found, "day"
    return None


def _day_of_month(match: re.Match, ctx: _Context):
    """'the 27th', 'on the 4th', 'the 20th of next month', 'tanggal 14'."""
    day = _ordinal(match.group("d"))
    if day is None or not 1 <= day <= 31:
        return None
    which = (match.groupdict().get("which") or "").lower()
    first = ctx.day.replace(day=1)
    if match.groupdict().get("past"):  # "tanggal 24 kemarin": the 24th just gone
        if day >= ctx.day.day:
            first = _add_months(first, -1)
        found = _safe_date(first.year, first.month, day)
        return (found, "day") if found else None
    if which in ("next", "following", "depan"):
        first = _add_months(first, 1)
    elif which in ("last", "previous", "lalu"):
        first = _add_months(first, -1)
    elif not which and day < ctx.day.day:
        first = _add_months(first, 1)
    found = _safe_date(first.year, first.month, day)
    return (found, "day") if found else None


# "Could you email me on the 5th when I'm back?": after "on the 5th" a new clause or a pronoun
# may follow. After a bare "the 3rd" they may not: "the 3rd you sent" is the third one of
# something.
_AFTER_ON_THE_NTH = ("when", "once", "as", "so", "because", "since", "but", "then", "please",
                     "instead", "unless", "while", "after", "before", "we", "i", "you", "they", "he",
                     "she", "it", "let", "let's", "for", "in", "with", "via", "over", "maybe",
                     "perhaps", "ok", "okay", "right", "yes")
_AFTER_ON_THE_NTH_ONLY = re.compile(rf"\s+(?:{_alternation(_AFTER_ON_THE_NTH)})\b", re.IGNORECASE)


# "the roastery on 4th and Alder": a street corner, not the 4th (a day is "the 4th and 5th").
_STREET_CORNER = re.compile(r"\s+(?:and|&)\s+(?!(?:the\s+)?\d)[A-Z][a-z]+")


def _day_of_month_after_on(match: re.Match, ctx: _Context):
    """`_day_of_month` for the 'day of month' rule, where the words of `_AFTER_ON_THE_NTH` may
    follow only "on the 5th"."""
    if (match.group("d") and not match.group("ctx")
            and _AFTER_ON_THE_NTH_ONLY.match(ctx.text, match.end())):
        return None
    if (match.group("d") and not re.search(r"\bthe\s", match.group(0), re.IGNORECASE)
            and _STREET_CORNER.match(ctx.text, match.end())):
        return None
    aliases = {"d2": "d", "d3": "d", "which2": "which", "which3": "which"}
    return _day_of_month(_Renamed(match, aliases), ctx)


def _nth_weekday(match: re.Match, ctx: _Context):
    """'the first Friday of July', 'the second Monday of next month', 'last Friday in May'."""
    nth_word = match.group("nth").lower()
    weekday = _weekday_number(match.group("wd"))
    if weekday is None:
        return None
    which = (match.group("which") or "").lower()
    if nth_word == "last" and not (match.group("m") or match.group(0).lower().endswith("month")):
        return None  # "last Friday" alone is the weekday rule's
    if match.group("m"):
        if not _month_ok(match):
            return None
        month = MONTHS[match.group("m").lower().rstrip(".")]
        year = int(match.group("y")) if match.group("y") else ctx.day.year
        first = _dt.date(year, month, 1)
    else:
        first = ctx.day.replace(day=1)
        if which in ("next", "following"):
            first = _add_months(first, 1)
        elif which in ("last", "previous"):
            first = _add_months(first, -1)

    def pick(first_of_month: _dt.date) -> _dt.date | None:
        days = [first_of_month + _dt.timedelta(days=i)
                for i in range(_month_days(first_of_month.year, first_of_month.month))]
        matching = [d for d in days if d.weekday() == weekday]
        if nth_word == "last":
            return matching[-1]
        n = _ordinal(nth_word)
        return matching[n - 1] if n and n <= len(matching) else None

    found = pick(first)
    if found and match.group("m") and not match.group("y") and found < ctx.day:
        found = pick(_dt.date(first.year + 1, first.month, 1))
    return (found, "day") if found else None


# Holidays people date things by: (pattern, how to find its day in a given year).
# ("fixed", month, day) | ("easter", days after Easter Sunday) | ("nth", month, weekday, n; -1 =
# the last; optionally days after it) | ("indonesia", the name the `holidays` package gives a
# moving Indonesian holiday).
HOLIDAYS = [
    (r"christmas\s+eve|malam\s+natal", ("fixed", 12, 24)),
    (r"christmas(?:\s+day)?|xmas|(?:hari\s+)?natal", ("fixed", 12, 25)),
    (r"new\s+year['’]?s?\s+eve|malam\s+tahun\s+baru", ("fixed", 12, 31)),
    (r"new\s+year['’]?s?(?:\s+day)?|tahun\s+baru(?!\s+(?:imlek|islam|hijriah|cina))", ("fixed", 1, 1)),
    (r"good\s+friday|jum['’]?at\s+agung", ("easter", -2)),
    (r"easter\s+monday", ("easter", 1)),
    (r"easter(?:\s+sunday)?|(?:hari\s+)?paskah", ("easter", 0)),
    (r"thanks\s?giving(?:\s+day)?", ("nth", 11, 3, 4)),
    # Shopping days after Thanksgiving: "Black Friday" is no plain Friday.
    (r"black\s+friday", ("nth", 11, 3, 4, 1)),
    (r"cyber\s+monday", ("nth", 11, 3, 4, 4)),
    (r"(?:martin\s+luther\s+king|mlk)(?:\s+jr\.?)?\s+day", ("nth", 1, 0, 3)),
    (r"presidents['’]?\s+day", ("nth", 2, 0, 3)),
    (r"memorial\s+day", ("nth", 5, 0, -1)),
    (r"labou?r\s+day", ("nth", 9, 0, 1)),
    (r"hari\s+buruh", ("fixed", 5, 1)),
    (r"halloween", ("fixed", 10, 31)),
    (r"valentine['’]?s?\s+day", ("fixed", 2, 14)),
    (r"(?:saint|st\.?)\s+patrick(?:['’]?s)?(?:\s+day)?", ("fixed", 3, 17)),
    (r"hari\s+kemerdekaan|hut\s+ri", ("fixed", 8, 17)),
    (r"(?:hari\s+raya\s+)?idul\s*fitri|lebaran|eid\s+(?:al|ul)[\s-]fitr", ("indonesia", "Eid al-Fitr")),
    (r"(?:hari\s+raya\s+)?idul\s*adha|eid\s+(?:al|ul)[\s-]adha", ("indonesia", "Eid al-Adha")),
    (r"(?:tahun\s+baru\s+)?imlek|chinese\s+new\s+year|lunar\s+new\s+year", ("indonesia", "Lunar New Year")),
    (r"(?:hari\s+raya\s+)?nyepi", ("indonesia", "Day of Silence")),
    (r"(?:hari\s+raya\s+)?waisak|vesak(?:\s+day)?", ("indonesia", "Vesak Day")),
]


def _holiday_in(year: int, spec: tuple) -> _dt.date | None:
    kind = spec[0]
    if kind == "fixed":
        return _dt.date(year, spec[1], spec[2])
    if kind == "easter":
        from dateutil.easter import easter  # installed with dateparser

        return easter(year) + _dt.timedelta(days=spec[1])
    if kind == "nth":
        month, weekday, n = spec[1:4]
        after = spec[4] if len(spec) > 4 else 0
        days = [_dt.date(year, month, d) for d in range(1, _month_days(year, month) + 1)]
        matching = [d for d in days if d.weekday() == weekday]
        return matching[n if n < 0 else n - 1] + _dt.timedelta(days=after)
    try:
        import holidays  # only when a moving Indonesian holiday is named

        calendar_ = holidays.country_holidays("ID", years=year)
        return min((d for d, name in calendar_.items() if name == spec[1]), default=None)
    except Exception:  # an unknown year or an older table: no date rather than a wrong one
        return None


# "Have a good Friday evening": a wish for the day, not Good Friday (which is capitalised).
_GOOD_DAY_WISH = re.compile(r"good\s+friday\s+(?:morning|afternoon|evening|night|everyone|all)\b",
                            re.IGNORECASE)


def _holiday(match: re.Match, ctx: _Context):
    phrase = match.group("name")
    if phrase[:4] == "good" or _GOOD_DAY_WISH.match(ctx.text, match.start()):
        return None
    spec = next(spec for pattern, spec in HOLIDAYS if re.fullmatch(pattern, phrase, re.I))
    if match.group("y"):
        found = _holiday_in(int(match.group("y")), spec)
    elif match.group("next"):
        found = _holiday_in(ctx.day.year + 1, spec)
    else:
        found = _holiday_in(ctx.day.year, spec)
        if found is None or found < ctx.day:
            found = _holiday_in(ctx.day.year + 1, spec)
    return (found, "day") if found else None


def _vague(match: re.Match, ctx: _Context):
    return VAGUE


@functools.lru_cache(maxsize=1)
def _rules() -> list[tuple[str, re.Pattern, Resolver]]:
    """The ordered rule table. On overlapping matches the longest wins, then the earliest rule."""
    flags = re.IGNORECASE | re.VERBOSE
    wd_any = rf"(?P<wd>{_WD_FULL}|minggu|{_WD_SHORT})(?![a-z])\.?"
    table = [
        # Vague phrases first: they hide the dates they contain.
        ("vague", r"""\b(?:(?:early|mid|late|later)[\s-]+(?:(?:this|next|the)\s+)?
                          (?:week|month|year)
                        |(?:the\s+)?(?:beginning|start|middle|(?:early|earlier|later|latter|first
                          |second)\s+(?:part|half))\s+of\s+(?:(?:this|next|the)\s+)?(?:week|month|year)
                        |(?:the\s+)?next\s+(?:week|month)\s+or\s+(?:so|two)
                        |(?:awal|pertengahan|pertengahan|medio)\s+(?:minggu|pekan|bulan|tahun)
                          (?:\s+(?:ini|depan))?
                        |(?:in\s+|over\s+|during\s+|within\s+)?the\s+(?:coming|next\s+few|next\s+couple\s+of)
                          \s+(?:days|weeks|months)
                        |(?:within|in)\s+(?:a|one|\d+)\s+(?:day|week|month)s?\s+or\s+(?:two|so|\d+)
                        |(?:a|the)\s+(?:few|couple\s+of)\s+(?:days|weeks|months)
                        |beberapa\s+(?:hari|minggu|pekan|bulan)(?:\s+(?:ke\s*depan|lagi))?
                        )\b""", _vague),
        ("holiday", rf"""\b(?P<name>{"|".join(p for p, _ in HOLIDAYS)})\b
                        (?:\s+(?:of\s+)?(?P<y>\d{{4}})\b|\s+(?:of\s+)?(?P<next>next\s+year|tahun\s+depan)\b)?""",
         _holiday),
        ("relative day", r"""\b(?:(?:the\s+)?day\s+after\s+(?:tomorrow|tmrw|tomorow)
                        |(?:the\s+)?day\s+before\s+yesterday
                        |(?<!of\s)(?:today|tomorrow)(?!['’]s\s+(?:world|leaders|candidates|market))
                        |tonight|tmrw|tomorow|yesterday
                        |this\s+(?:morning|afternoon|evening)|later\s+today
                        |(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+)?day|eod|cob
                        |hari\s+ini|besok\s+lusa|besok|esok\s+hari|esok|kemarin\s+lusa|kemarin
                        |lusa|malam\s+ini|nanti\s+malam|sore\s+ini|siang\s+ini)\b""",
         _relative_day),
        # "the next day", "the day before", "keesokan harinya", "H-1": a day beside another one
        # (the date named just before it, else the reference; see `_anchor_context_days`).
        ("context day", r"""(?:\b(?:the\s+(?:next|following)\s+day(?!\s+(?:of|or)\b|\s*['’]s|-)
                        |next\s+day(?=\s*(?:[.!?;,)]|$)|\s+(?:at|by|morning|afternoon|evening)\b)
                        |the\s+day\s+(?:after|before)(?=\s*(?:[.!?;,)]|$|\s+that\b))
                        |keesokan\s+hari(?:nya)?|esok\s+harinya|hari\s+berikutnya
                        |sehari\s+(?:sesudahnya|setelahnya|sebelumnya))\b
                        |(?<![\w-])H\s?[-−–+]\s?\d{1,2}(?![\w-]))""", _context_day),
        ("weekday", rf"""\b(?P<pre>(?:this\s+(?:coming|upcoming|past)|coming|upcoming|past|this|
                        next|(?:the\s+)?following|last|previous)\s+)?
                        (?P<hari>hari\s+)?{wd_any}
                        (?P<post>\s+(?:depan|ini|lalu|kemarin|(?:minggu|pekan)\s+(?:depan|ini|lalu)
                        |(?:of\s+)?(?:next|this|last|previous)\s+week
                        |of\s+the\s+(?:following|next|previous)\s+week))?(?![a-z])""",
         _weekday_rule),
        ("week then weekday", rf"""\b(?:(?P<which>next|following|this|last|previous)\s+week
                        |(?:minggu|pekan)\s+(?P<which2>depan|ini|lalu))\s*(?:,\s*|-\s*|\s)
                        (?:on\s+|pada\s+)?(?:hari\s+)?{wd_any}(?![a-z])""", None),
        ("next week", r"""\b(?:(?:the\s+)?(?:next|following|coming)\s+week(?:\s+after\s+next)?
                        |the\s+week\s+after\s+next|week\s+after\s+next
                        |(?:minggu|pekan)\s+depan)\b(?!\s*(?:'s|’s))""", _next_week),
        # "next month" names the month, like "next week" names the week: its first day, kind
        # "week" (a period, not a day). "in the next month" is a duration, left to "vague".
        ("next month", r"""(?<!the\s)\b(?:(?:next|coming)\s+month|bulan\s+depan)\b(?!\s*(?:'s|’s))""",
         _next_month),
        # "two Sundays from now", "in three Fridays": the n-th such day after the reference.
        # "two Mondays later" tells a story counted from elsewhere, like "3 weeks later".
        ("weekday count", rf"""\b(?P<in>in\s+)?(?P<n>{_NUM})\s+(?P<wd>(?:monday|tuesday|wednesday|thursday
                        |friday|saturday|sunday)s?)(?P<dir>\s+(?:from\s+(?:now|today)|away|later|after))?\b""",
         _weekday_count),
        ("end of week", r"""\b(?:(?:the\s+)?end\s+of\s+the\s+week\s+after\s+next
                        |(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week
                        |(?:the\s+)?end\s+of\s+(?:the\s+)?(?:next|following|coming)\s+week
                        |akhir\s+(?:minggu|pekan)(?:\s+(?:ini|depan))?
                        |(?:this|the|next)\s+weekend)\b""", _end_of_week),
        ("end of month", rf"""\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:month|year)
                        |(?:the\s+)?end\s+of\s+(?:the\s+)?(?:next|following)\s+(?:month|year)
                        |akhir\s+(?:bulan|tahun)(?:\s+(?:ini|depan))?
                        |(?:the\s+)?end\s+of\s+{_month_full("m")}(?:\s+(?P<y>\d{{4}}))?
                        |akhir\s+{_month_full("m2")}(?:\s+(?P<y2>\d{{4}}))?)\b""", None),
        ("duration", rf"""\b(?:within|in|after|inside\s+of|up\s+to|(?:within\s+|in\s+|over\s+|during\s+)?the\s+next
                        |no\s+later\s+than|dalam(?:\s+(?:waktu|jangka\s+waktu))?|maksimal|maks\.?
                        |paling\s+lambat|selambat-lambatnya|setelah|berlaku(?:\s+selama)?
                        |(?:valid|open|active|live|available|accessible)\s+for
                        |(?:punya|mempunyai|memiliki|diberi|diberikan|mendapat)\s+waktu(?:\s+selama)?)\s+
                        {_APPROX}{_NUM_RANGE}\s*
                        (?P<unit>(?:business|working|work)\s+days?|hari\s+kerja|x\s*24\s*jam
                        |days?|weeks?|months?|years?|hours?|hrs|fortnights?|hari|minggu|pekan|bulan|tahun|jam)
                        (?:\s*['’]s?\s+time|\s+time|\s+from\s+(?:now|today)|\s+lagi|\s+ke\s*depan
                        |\s+dari\s+sekarang|{_OF_THIS_EMAIL})?\b
                        (?!\s+(?:of|experience|pengalaman|ago|before|after|from|since|following|yang\s+lalu|lalu
                        |setelah|sesudah|sebelum|sejak|dari)\b)""", _duration),
        # "You have 5 days to complete it", "you'll have 48 hours to": the time given, from now.
        ("time given", rf"""(?P<ctx>\b(?:you|candidates?|applicants?)(?:\s+will|['’]ll)?\s+)(?:have|get
                        |are\s+given|will\s+be\s+given|are\s+allowed)\s+{_APPROX}{_NUM_RANGE}\s*
                        (?P<unit>(?:business|working|work)\s+days?|days?|weeks?|hours?|hrs)
                        (?=\s+(?:left\s+|remaining\s+|in\s+total\s+)?(?:to|in\s+which)\b)""",
         _duration),
        ("duration after", rf"""\b{_NUM_RANGE}\s*
                        (?P<unit>(?:business|working|work)\s+days?|hari\s+kerja|x\s*24\s*jam
                        |days?|weeks?|months?|years?|hours?|fortnights?|hari|minggu|pekan|bulan|tahun|jam)
                        (?:\s*(?:'s|’s)\s+time|\s+from\s+(?:now|today)|\s+lagi|\s+ke\s*depan
                        |\s+dari\s+sekarang|{_FROM_THIS_EMAIL})\b""", _duration),
        # "1x24 jam" is always a limit in Indonesian mail, with or without "dalam".
        # ... but "two business days prior to the interview" counts from the interview.
        ("business days", rf"""\b{_NUM_RANGE}(?:\s+(?P<unit>(?:business|working)\s+days?|hari\s+kerja)
                        |\s*(?P<unit2>x\s*24\s*jam))\b
                        (?!\s+(?:prior|before|after|following|of|from|since|setelah|sesudah|sebelum
                        |sejak|dari|menjelang)\b)""", None),
        ("one unit", r"""\b(?:(?:dalam(?:\s+waktu)?|maksimal|paling\s+lambat)\s+(?P<one>sehari|seminggu|sepekan|sebulan|setahun)
                        (?:\s+(?:lagi|ke\s*depan))?
                        |(?P<one2>sehari|seminggu|sepekan|sebulan|setahun)\s+(?:lagi|ke\s*depan))\b""",
         None),
        ("from anchor", rf"""\b{_NUM_RANGE}\s+
                        (?P<unit>(?:business|working)\s+days?|days?|weeks?|months?|years?)\s+
                        (?P<dir>from|after|before)\s+(?P<anchor>now|today|tomorrow|yesterday)\b""",
         _from_anchor),
        ("ago", rf"""\b(?P<parts>(?:{_NUM}\s*(?:days?|weeks?|months?|years?|hari|minggu|pekan
                        |bulan|tahun)(?:\s*,\s*|\s+and\s+|\s+dan\s+|\s+)){{1,4}})
                        (?P<dir>ago|from\s+now|yang\s+lalu|lalu|sebelumnya|lagi)\b""", _ago),
        # Explicit dates. The weekday written before a date belongs to its span.
        ("day month year", rf"""(?<![\w.,/$€£-])(?<![$€£]\s)(?:{_WD_PREFIX})?(?:the\s+)?
                        (?P<d>{_DAY_DIGITS}|{_ORD_WORD})\.?\s*(?:of\s+|[-/]\s*)?{_MON}
                        (?:(?:\s*,\s*|\s+|\s*[-/]\s*)(?:in\s+)?(?P<y>\d{{4}}|['’]\d{{2}}|{_YEAR_WORDS}
                        |\d{{2}}(?=\s*(?:[.!?;,)]|$)|\s+(?:at|pukul|jam)\b)))?
                        (?![\w])(?!\s*[:.]\d)""", _day_month),
        ("month day year", rf"""(?<![\w.,/-])(?:{_WD_PREFIX})?{_MON}(?:\s*[-/]\s*|\s*)(?:the\s+)?
                        (?P<d>{_DAY_DIGITS}|{_ORD_WORD}|{_CARD_10_31})
                        (?:\s*,\s*(?P<y>\d{{4}}|['’]\d{{2}}|{_YEAR_WORDS})|\s+(?P<y3>\d{{4}}|{_YEAR_WORDS})
                        |(?<=st|nd|rd|th)\s+(?P<y4>\d{{2}})(?=\s*(?:[.!?;,)]|$)|\s+(?:was|is|were|will)\b))?
                        (?![\w])(?!\s*[:.]\d|\s*(?:am|pm|a\.m|p\.m)\b)""", None),
        ("year month day", rf"""(?<![\w.-])(?P<y>\d{{4}})(?:\s*[-/.]\s*|\s+){_MON}(?:\s*[-/.]\s*|\s+)
                        (?P<d>{_DAY_DIGITS})(?![\w])(?!\s*[:.]\d)""", _day_month),
        ("numeric date", rf"""(?:(?P<ctx>\b(?:on|by|until|till|before|date:?|dated|due
                        |tanggal|tgl\.?|pada|hingga|sampai|sebelum|deadline:?)\s*(?:the\s+)?)
                        |(?:{_WD_PREFIX}))?
                        (?<![\w./:-])(?P<a>\d{{1,2}}|\d{{4}})(?P<s>[/.-])(?P<b>\d{{1,2}})
                        (?:(?P=s)(?P<c>\d{{4}}|\d{{1,2}})|,(?P<c2>\d{{2}}|\d{{4}})|,\s(?P<c3>\d{{4}}))?
                        (?![\w/]|[.:,-]\d)""", _numeric_date),
        # "on 4.22": a dotted month and day in English, when the day cannot be a month (a clock
        # time is written "at 4.22"; "on 4.22 points" goes on and is no date; "written in 3.13"
        # is a version, so "in" is no cue).
        ("dotted month day", r"""(?P<ctx>\b(?:on|by|until|till|before)\s+)(?P<a>\d{1,2})\.(?P<b>\d{2})
                        (?=\s*(?:[!?;,)]|\.(?!\d)|$))""", _dotted_month_day),
        # "sales_report-2002-10-09.xlsx": a full ISO date also inside a name.
        ("iso date in a name", r"""(?<![\d./:])(?<!\d-)(?P<y>(?:19|20)\d\d)-(?P<mo>0[1-9]|1[0-2])
                        -(?P<d>0[1-9]|[12]\d|3[01])(?!\d|-\d)""", _iso_date),
        ("weekday and day", rf"""\b(?:(?:this|next|coming)\s+)?(?:hari\s+)?{wd_any},?\s+(?:the\s+)?
                        (?P<d>{_DAY_DIGITS}|{_ORD_WORD}|{_CARD_10_31})(?![\w/:-]|\.\d)
                        (?!\s*(?:am|pm|a\.m|p\.m|o'clock|hours?|hrs|minutes?|jam|pukul|days?|
                        weeks?|months?|years?|hari|minggu|bulan|tahun|[-–]\s*\d))""",
         _weekday_and_day),
        # "the 4th" is a day only where a day can stand: "on the 4th.", "the 21st at 10",
        # "the 20th of next month"; "the 4th floor" and "the 3rd round" are no dates.
        ("day of month", rf"""(?:(?:(?P<ctx>\bon\s+)(?:the\s+)?|\bthe\s+)(?P<d>\d{{1,2}}(?:st|nd|rd|th)
                        |{_ORD_WORD}(?=\s+of\s+(?:this|next|last|previous|the\s+following)\s+month))
                        (?:\s+(?:of\s+)?(?P<which>this|next|last|previous|following)\s+month
                        |(?=\s*(?:[.!?;,:)]|$)|\s+(?:at|or|and|to|until|till|through|from|between
                        |morning|afternoon|evening|pukul|jam|@|if|works?|would|could|is
                        |{_alternation(_AFTER_ON_THE_NTH)})\b)
                        (?!{_PAIRED_ORDINAL_NOUN}))
                        |\b(?P<d3>\d{{1,2}}(?:st|nd|rd|th)|{_ORD_WORD})\s+of\s+(?:the\s+)?
                        (?P<which3>this|next|last|previous|following)\s+month
                        |\b(?:tanggal|tgl\.?)\s*(?P<d2>\d{{1,2}})(?:\s+bulan\s+(?P<which2>ini|depan)
                        |\s+(?P<past>kemarin|lalu))?)
                        (?![\w/:-]|\.\d)(?!\s*(?:{_alternation(MONTHS)})\b)""", None),
        # "the 14th or 15th": the second day of a pair takes the first one's standing.
        ("second day of a pair", rf"""(?P<ctx>\b(?:on\s+)?the\s+\d{{1,2}}(?:st|nd|rd|th)\s*(?:or|and|to|-|–|/)\s*
                        (?:the\s+)?)(?P<d>\d{{1,2}}(?:st|nd|rd|th))(?![\w/:-]|\.\d)
                        (?=\s*(?:[.!?;,:)]|$)|\s+(?:at|or|and|to|until|till|from|morning|afternoon
                        |evening|pukul|jam|@|if|works?|would|could|is)\b)
                        (?!\s*(?:of\s+)?(?:{_alternation(MONTHS)})\b)""", _day_of_month),
        # "Let's meet on the 27." / "for the second": a bare day number only right after a
        # preposition and right before the end of the clause, so "the 3 candidates" is no date.
        ("day at clause end", rf"""(?P<ctx>\b(?:on|for|by|until|till)\s+)(?:the\s+)?
                        (?P<d>\d{{1,2}}|{_ORD_WORD}|{_CARD_10_31})(?=\s*(?:[.!?;](?!\d)|$))""", _day_of_month),
        ("nth weekday", rf"""\b(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th)
                        \s+{wd_any}(?:\s+(?:of|in)\s+(?:(?:the\s+)?(?:(?P<which>this|next|last|previous
                        |following)\s+)?month|{_MON}(?:\s+(?P<y>\d{{4}}))?))?(?![\w])""",
         _nth_weekday),
    ]
    compiled = []
    for name, pattern, resolver in table:
        resolver = resolver or _ADAPTERS[name]
        compiled.append((name, re.compile(pattern, flags), resolver))
    return compiled


# Speed: most emails hold few dates, so each costly rule first asks one cheap question of the
# whole text (a single search), and is skipped when the answer is no.
_WEEKDAY_WORDS = (r"mon|tue|wed|thu|fri|sat|sun|senin|selasa|rabu|kamis|jum|sabtu|minggu|ahad")
_NEEDS = {
    "holiday": r"black|cyber|christmas|xmas|natal|new\s+year|tahun\s+baru|good\s+friday|agung|easter|paskah"
               r"|thanks\s?giving|king|mlk|president|memorial|labou?r|buruh|halloween|valentine"
               r"|patrick|kemerdekaan|hut\s+ri|fitri|lebaran|eid|adha|imlek|lunar|nyepi|waisak|vesak",
    "weekday": _WEEKDAY_WORDS,
    "week then weekday": r"week|minggu|pekan",
    "next month": r"month|bulan",
    "weekday count": r"(?:day|days)\s+(?:from|away|later|after)|\bin\s+\w+\s+\w+days\b",
    "end of week": r"end|akhir|weekend",
    "end of month": r"end|akhir",
    "time given": r"\b(?:have|get|given|allowed)\s",
    "duration after": r"time|from\s+now|from\s+today|lagi|depan|sekarang|from\s+(?:the|this|our|my|receipt)"
                      r"|after\s+(?:the|this|our|my|that|receiv|getting|opening)|upon|ini\b",
    "business days": r"business|working|kerja|24\s*jam",
    "one unit": r"\bse(?:hari|minggu|pekan|bulan|tahun)",
    "from anchor": r"(?:from|after|before)\s+(?:now|today|tomorrow|yesterday)",
    "ago": r"\b(?:ago|lalu|sebelumnya|lagi|from\s+now)\b",
    "day month year": rf"(?<![a-z])(?:{_alternation(MONTHS)})",
    "month day year": rf"(?<![a-z])(?:{_alternation(MONTHS)})",
    "year month day": r"\d{4}",
    "numeric date": r"\d[/.-]\d",
    "dotted month day": r"\d\.\d",
    "iso date in a name": r"\d-\d\d-\d",
    "weekday and day": _WEEKDAY_WORDS,
    "day of month": r"\d(?:st|nd|rd|th)\b|tanggal|tgl|\bmonth\b",
    "second day of a pair": r"\d(?:st|nd|rd|th)\s*(?:or|and|to|-|–|/)",
    "nth weekday": _WEEKDAY_WORDS,
    "context day": r"(?:next|following)\s+day|day\s+(?:after|before)|keesokan|harinya|berikutnya"
                   r"|sehari\s+se|H\s?[-−–+]\s?\d",
}


@functools.lru_cache(maxsize=1)
def _prefilters() -> dict[str, re.Pattern]:
    return {name: re.compile(needs, re.IGNORECASE) for name, needs in _NEEDS.items()}


@functools.lru_cache(maxsize=1)
def _lowercase_prefilters() -> dict[str, re.Pattern]:
    """`_prefilters()` for the lowercased text: a case-blind pattern scans several times slower
    than a plain one. (No `_NEEDS` entry has an escape that lowercasing would change, as \\S.)"""
    assert not any(re.search(r"\\[A-Z]", needs) for needs in _NEEDS.values())
    return {name: re.compile(needs.lower()) for name, needs in _NEEDS.items()}


# Speed, a step before `_NEEDS`: each rule can match only where the text holds one of a few words
# (a clause below: any one of its words), and a substring test of the lowercased text is many
# times cheaper than a regex scan. Every clause is implied by the rule or by its `_NEEDS` entry,
# so a rule skipped here would have found nothing. `_DIGIT` stands for any digit (`\d`).
_DIGIT = "0-9"
_WEEKDAY_PARTS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun", "senin", "selasa", "rabu",
                  "kamis", "jum", "sabtu", "minggu", "ahad")
# A day number, in digits or words (`_DAY_DIGITS`, `_ORD_WORD`, `_CARD_10_31`).
_NUMBER_PARTS = (_DIGIT, "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                 "eighth", "ninth", "ten", "eleven", "twelf", "twelve", "teen", "twent", "thirt")
# Every month name begins with one of these (the shortest names of `MONTHS`).
_MONTH_PARTS = tuple(sorted(w for w in MONTHS if not any(o != w and w.startswith(o) for o in MONTHS)))
_UNIT_PARTS = ("day", "week", "month", "year", "hour", "hrs", "fortnight", "hari", "minggu",
               "pekan", "bulan", "tahun", "jam")
_WEEK_PARTS = ("week", "minggu", "pekan")
_GATES: dict[str, tuple[tuple[str, ...], ...]] = {
    "vague": (("week", "month", "year", "minggu", "pekan", "bulan", "tahun", "day", "hari"),),
    "holiday": (("black", "cyber", "christmas", "xmas", "natal", "year", "baru", "friday", "agung",
                 "easter", "paskah", "giving", "king", "mlk", "president", "memorial", "labo",
                 "buruh", "halloween", "valentine", "patrick", "kemerdekaan", "hut", "fitri",
                 "lebaran", "eid", "adha", "imlek", "lunar", "nyepi", "waisak", "vesak"),),
    "relative day": (("day", "tomor", "tonight", "tmrw", "morning", "afternoon", "evening", "eod",
                      "cob", "hari", "esok", "kemarin", "lusa", "malam", "sore", "siang"),),
    "context day": (("next", "following", "after", "before", "keesokan", "harinya", "berikutnya",
                     "sehari", "-", "\u2212", "\u2013", "+"),
                    ("day", "keesokan", "harinya", "berikutnya", "sehari", _DIGIT)),
    "weekday": (_WEEKDAY_PARTS,),
    "week then weekday": (_WEEK_PARTS, _WEEKDAY_PARTS),
    "next week": (_WEEK_PARTS,),
    "next month": (("month", "bulan"),),
    "weekday count": (("day",),),
    "end of week": (("end", "akhir"),),
    "end of month": (("end", "akhir"),),
    "duration": (_UNIT_PARTS,),
    "time given": (("have", "get", "give", "allowed"), _UNIT_PARTS),
    "duration after": (_UNIT_PARTS, ("time", "from", "lagi", "depan", "sekarang", "after", "upon",
                                     "ini")),
    "business days": (("business", "working", "kerja", "jam"),),
    "one unit": (("sehari", "seminggu", "sepekan", "sebulan", "setahun"),),
    "from anchor": (("now", "today", "tomorrow", "yesterday"), ("from", "after", "before")),
    "ago": (("ago", "lalu", "sebelumnya", "lagi", "now"),),
    "day month year": (_MONTH_PARTS, _NUMBER_PARTS),
    "month day year": (_MONTH_PARTS, _NUMBER_PARTS),
    "year month day": ((_DIGIT,), _MONTH_PARTS),
    "numeric date": ((_DIGIT,),),
    "dotted month day": ((_DIGIT,), (".",)),
    "iso date in a name": ((_DIGIT,), ("-",)),
    "weekday and day": (_WEEKDAY_PARTS, _NUMBER_PARTS),
    "day of month": ((_DIGIT, "tanggal", "tgl", "month"),),
    "second day of a pair": ((_DIGIT,), ("st", "nd", "rd", "th")),
    "day at clause end": (_NUMBER_PARTS, ("on", "for", "by", "til")),
    "nth weekday": (_WEEKDAY_PARTS, ("first", "second", "third", "fourth", "fifth", "last", "1st",
                                     "2nd", "3rd", "4th")),
}
_GATE_SETS = {rule: tuple(frozenset(clause) for clause in clauses)
              for rule, clauses in _GATES.items()}
_GATE_WORDS = frozenset(word for clauses in _GATES.values() for clause in clauses
                        for word in clause if word != _DIGIT)
# Rules whose `_NEEDS` entry says no more than their first clause here: it need not be asked.
_GATE_IS_NEEDS = {"weekday", "week then weekday", "next month", "end of week", "end of month",
                  "weekday and day", "nth weekday"}
# `_NEEDS["month day year"]` asked of the lowercased text: a month name at the start of a word.
_MONTH_WORD_START = re.compile(rf"(?<![a-z])(?:{'|'.join(_MONTH_PARTS)})")
_ANY_DIGIT = re.compile(r"\d")
# Letters that `re.IGNORECASE` equates with an ASCII letter but `str.lower()` does not turn into
# one ("ſ" is an "s" to a pattern, "İ" lowercases to two characters): a text holding one is
# read without the gates.
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


class _Gates:
    """Which rules can match in one text (see `_GATES`).

    >>> gates = _Gates("Let's talk on Friday.")
    >>> gates.open("weekday"), gates.open("numeric date")
    (True, False)
    """

    def __init__(self, text: str):
        self.text = text
        self.lowered = lowered = text.lower()
        self.everything = _ODD_CASE.search(text) is not None
        # Every gate word the text holds, found once: a clause is then one set operation.
        self.present = {word for word in _GATE_WORDS if word in lowered}
        if _ANY_DIGIT.search(text):
            self.present.add(_DIGIT)
        self._month: bool | None = None

    def has_digit(self) -> bool:
        return _DIGIT in self.present

    def open(self, rule: str) -> bool:
        """Whether `rule` can match: its clauses all hold, and then its `_NEEDS` entry."""
        if not self.everything:
            present = self.present
            for clause in _GATE_SETS.get(rule, ()):
                if present.isdisjoint(clause):
                    return False
            if rule in _GATE_IS_NEEDS:
                return True
        if rule in ("day month year", "month day year"):
            return self.month_named()
        if self.everything:
            needs = _prefilters().get(rule)
            return needs is None or needs.search(self.text) is not None
        needs = _lowercase_prefilters().get(rule)
        return needs is None or needs.search(self.lowered) is not None

    def month_named(self) -> bool:
        """`_NEEDS["month day year"]`: a word of the text begins with a month name."""
        if self._month is None:
            if self.everything:
                self._month = _prefilters()["month day year"].search(self.text) is not None
            else:
                self._month = (not self.present.isdisjoint(_MONTH_PARTS)
                               and _MONTH_WORD_START.search(self.lowered) is not None)
        return self._month


class _Renamed:
    """A view of a match that reads alternative group names ("which2" as "which")."""

    def __init__(self, match: re.Match, aliases: dict[str, str]):
        self._match = match
        self._aliases = aliases

    def group(self, name=0):
        if isinstance(name, str) and self._match.groupdict().get(name) is None:
            for alias, target in self._aliases.items():
                if target == name and self._match.groupdict().get(alias) is not None:
                    return self._match.group(alias)
        return self._match.group(name)

    def start(self, group=0):
        return self._match.start(group)

    def end(self, group=0):
        return self._match.end(group)

    def groupdict(self):
        merged = dict(self._match.groupdict())
        for alias, target in self._aliases.items():
            if merged.get(target) is None and merged.get(alias) is not None:
                merged[target] = merged[alias]
        return merged


_ADAPTERS: dict[str, Resolver] = {
    "week then weekday": lambda m, ctx: _week_then_weekday(_Renamed(m, {"which2": "which"}), ctx),
    "one unit": lambda m, ctx: _one_unit(_Renamed(m, {"one2": "one"}), ctx),
    "business days": lambda m, ctx: _duration(_Renamed(m, {"unit2": "unit"}), ctx),
    "end of month": lambda m, ctx: _end_of_month(_Renamed(m, {"m2": "m", "y2": "y"}), ctx),
    "month day year": lambda m, ctx: _day_month(_Renamed(m, {"y3": "y", "y4": "y"}), ctx),
    "day of month": _day_of_month_after_on,
}


# ---------------------------------------------------------------------------------------------
# Spans: deadline words before a date, clock times around it
# ---------------------------------------------------------------------------------------------

# Words that make a date a limit and belong to its span ("by Friday", "paling lambat Jumat")...
_DEADLINE_BEFORE = re.compile(
    r"""\b(?:by|no\s+later\s+than|not\s+later\s+than|before|until|till|due(?:\s+by|\s+on)?
        |paling\s+lambat|paling\s+telat|selambat-lambatnya|sebelum|hingga|sampai(?:\s+dengan)?)
        \s+(?:(?:the|on|pada|tanggal|tgl\.?)\s+)*$""",
    re.IGNORECASE | re.VERBOSE,
)
# ...and labels that make it a limit but stay out of it ("Deadline: 14/10/2025", "until 11:59 PM
# EST Tuesday": the clock time stays out of the span).
_DEADLINE_LABEL = re.compile(
    r"""(?:\b(?:deadline|due\s+date|closing\s+date|batas\s+waktu(?:nya)?|tenggat(?:\s+waktu)?)
        (?:\s+is)?\s*:?\s*
        |\b(?:expires?|expiring|expiry\s+date:?|kedaluwarsa|kadaluarsa)(?:\s+(?:on|at|pada))?\s+
        |\b(?:deadline|batas\s+waktu|tenggat)(?:\s+[^\s:.,;!?]+){1,3}\s*:\s*
        |\b(?:by|until|till|before|no\s+later\s+than|paling\s+lambat|sebelum|hingga|sampai)\s+
        (?:(?:at|pukul|jam)\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,5}\s+)?
        (?:,\s*)?(?:on\s+|pada\s+)?)(?:(?:the|on|pada|tanggal|tgl\.?)\s+)*$""",
    re.IGNORECASE | re.VERBOSE,
)
_TIME_AFTER = re.compile(
    rf"""\s*,?\s*(?:(?P<kw>{_TIME_WORDS})\s*)?{_TIME}
        |\s*,?\s*(?:at\s+)?(?P<noon>noon|midday)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_TIME_BEFORE = re.compile(
    rf"""(?P<kw>{_TIME_WORDS}|by|until|till|before|paling\s+lambat)\s*{_TIME}\s*
        (?:(?:[a-z]{{2,5}}|wib|wita|wit)\s*)??(?:,\s*)?(?:(?:on|pada)\s+)?(?:hari\s+)?$""",
    re.IGNORECASE | re.VERBOSE,
)


def _clock(match: re.Match | None) -> _dt.time | None:
    """A clock time from a `_TIME` match, or None when it is just a number."""
    if match is None:
        return None
    if match.groupdict().get("noon"):
        return _dt.time(12, 0)
    hour, minutes, ampm = match.group("h"), match.group("mi"), match.group("ap")
    if hour is None or not (minutes or ampm or match.group("kw")):
        return None
    h = int(hour)
    if ampm:
        if h > 12 or h == 0:
            return None
        pm = ampm.lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
    elif 1 <= h <= 6 and not hour.startswith("0"):
        h += 12  # "at 3" in a working day is 3 pm; 03:00 is written with its zero
    return _dt.time(h, int(minutes or 0))


# ---------------------------------------------------------------------------------------------
# The fallback: dateparser, once per sentence that still holds an unread date-looking piece
# ---------------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n+|$)")
_UNREAD_HINT = re.compile(
    rf"(?:\d{{1,2}}\s*(?:st|nd|rd|th)?\.?\s*(?:of\s+)?{_MON}|{_mon('m2')}\s*\d{{1,2}}(?!\d))",
    re.IGNORECASE,
)


def _dateparser_hits(text: str, ref: _dt.datetime, taken: list[tuple[int, int]],
                     gates: _Gates | None = None):
    """Dates dateparser finds in sentences where a month-and-day piece is still unread."""
    hits = []
    gates = gates or _Gates(text)
    if not gates.month_named() or not gates.has_digit():
        return hits
    for sentence in _SENTENCE.finditer(text):
        hints = [h for h in _UNREAD_HINT.finditer(sentence.group(0))
                 if _month_ok(_Renamed(h, {"m2": "m"})) and not _overlaps(sentence.start() + h.start(),
                                                    sentence.start() + h.end(), taken)]
        if not hints:
            continue
        from dateparser.search import search_dates  # lazy: a cold start matters

        settings = {"RELATIVE_BASE": ref.replace(tzinfo=None), "PREFER_DATES_FROM": "future",
                    "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY"}
        found = search_dates(sentence.group(0), languages=["en", "id"], settings=settings) or []
        cursor = 0
        for span_text, when in found:
            offset = sentence.group(0).find(span_text, cursor)
            if offset < 0:
                continue
            cursor = offset + len(span_text)
            start = sentence.start() + offset
            end = start + len(span_text)
            if not any(h.start() + sentence.start() < end and start < h.end() + sentence.start()
                       for h in hints):
                continue  # only the unread month-and-day pieces, never "now" or "second"
            if _overlaps(start, end, taken):
                continue
            hits.append((start, end, when.date(), "day"))
    return hits


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


# ---------------------------------------------------------------------------------------------
# The public entry point
# ---------------------------------------------------------------------------------------------

def find_dates(text: str, ref: _dt.datetime) -> list[DateMention]:
    """Every date phrase of `text`, in order of appearance, resolved against `ref`.

    `ref` is the email's `Date:` header as an aware datetime; the phrases are read on its own
    calendar (its own UTC offset). A naive `ref` is taken as it is.

    >>> from datetime import datetime, timezone
    >>> ref = datetime(2025, 11, 7, 16, 45, tzinfo=timezone.utc)  # a Friday
    >>> [(m.text, str(m.date), m.kind, m.time)
    ...  for m in find_dates("Your onsite is Tuesday at 2 pm; we decide by Friday.", ref)]
    [('Tuesday', '2025-11-11', 'day', datetime.time(14, 0)), ('by Friday', '2025-11-14', 'by', None)]
    """
    if not text:
        return []
    ctx = _Context(text=text, ref=ref, day=ref.date())
    candidates = []
    gates = _Gates(text)
    for order, (name, pattern, resolver) in enumerate(_rules()):
        if not gates.open(name):
            continue
        for match in pattern.finditer(text):
            if match.end() == match.start():
                continue
            resolved = resolver(match, ctx)
            if resolved is None:
                continue
            start = match.start()
            if "ctx" in pattern.groupindex and match.group("ctx"):
                start = match.end("ctx")  # "on", "by": read for context, not part of the date
            candidates.append((start, match.end(), order, name, resolved))
    # Longest first, then the earlier rule, then the earlier position.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[_Found] = []
    for start, end, _order, name, resolved in candidates:
        if not _overlaps(start, end, [(f.start, f.end) for f in chosen]):
            chosen.append(_Found(start, end, resolved[0], resolved[1], name))
    taken = [(f.start, f.end) for f in chosen]
    found = [f for f in chosen if (f.day, f.kind) != VAGUE and f.day is not None]
    found += [_Found(*hit, rule="dateparser") for hit in _dateparser_hits(text, ref, taken, gates)]
    found.sort(key=lambda f: f.start)
    found = _join_end_of_day(text, found)
    found = _join_week_and_weekday(text, ctx, found)
    found = _share_year(text, found)
    found = [f for i, f in enumerate(found) if not _qualifies_previous(text, found[:i], f)]
    found = [_counted_from(text, ctx, f) for f in found]
    found = _anchor_context_days(text, ctx, found)
    return [_mention(text, f.start, f.end, f.day, f.kind) for f in found]


@dataclass
class _Found:
    start: int
    end: int
    day: _dt.date | None
    kind: str | None
    rule: str


_BARE_WEEKDAY = re.compile(rf"(?:hari\s+)?(?:{_WD_FULL})\.?$", re.IGNORECASE)
# Between "next week" and the weekday that narrows it only a hedge may stand ("next week, maybe
# on Thursday", "minggu depan, mungkin hari Kamis"), never a clause of its own ("next week, so
# we'll let you know on Monday" names two things).
_BETWEEN_WEEK_AND_DAY = re.compile(
    r"""\s*[,(–—-]?\s*(?:(?:maybe|perhaps|probably|possibly|likely|most\s+likely|ideally|preferably
        |hopefully|(?:let['’]s\s+)?say|either|around|(?:how|what)\s+about|mungkin|kemungkinan
        |sekitar|tepatnya|yaitu|yakni|sepertinya|kira-kira|rencananya|bagaimana\s+kalau)
        \s*[,–—-]?\s*){0,3}(?:\b(?:on|pada)\s+)?$""",
    re.IGNORECASE | re.VERBOSE)


def _qualifies_previous(text: str, earlier: list[_Found], item: _Found) -> bool:
    """'Senin (29/12) kemarin', 'Friday 3 October this year': a word that only says the
    previous date is past or present, not a date of its own."""
    if not earlier or item.rule != "relative day":
        return False
    word = text[item.start:item.end].lower()
    gap = text[earlier[-1].end:item.start]
    return word in ("kemarin", "hari ini") and re.fullmatch(r"[\s)\]]*", gap) is not None


_END_OF_DAY = re.compile(r"(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+)?day|eod|cob",
                         re.IGNORECASE)
_EOD_THEN_DAY = re.compile(r"[\s,]*(?:on\s+)?", re.IGNORECASE)
_DAY_THEN_EOD = re.compile(r"\s*,?\s*(?:at\s+|by\s+)?", re.IGNORECASE)


def _join_end_of_day(text: str, found: list[_Found]) -> list[_Found]:
    """'by COB Friday', 'tomorrow EOD': the end of that day, one mention of that day."""
    joined: list[_Found] = []
    for item in found:
        previous = joined[-1] if joined else None
        if previous and previous.rule == "relative day" and _END_OF_DAY.fullmatch(
                text, previous.start, previous.end) and _EOD_THEN_DAY.fullmatch(
                text, previous.end, item.start):
            joined[-1] = _Found(previous.start, item.end, item.day, item.kind, item.rule)
            continue
        if previous and item.rule == "relative day" and _END_OF_DAY.fullmatch(
                text, item.start, item.end) and _DAY_THEN_EOD.fullmatch(
                text, previous.end, item.start):
            previous.end = item.end
            continue
        joined.append(item)
    return joined


def _join_week_and_weekday(text: str, ctx: _Context, found: list[_Found]) -> list[_Found]:
    """'next week, maybe on Wednesday' is one day: the Wednesday of next week."""
    joined: list[_Found] = []
    for item in found:
        previous = joined[-1] if joined else None
        if (previous and previous.rule == "next week" and item.rule == "weekday"
                and "after" not in text[previous.start:previous.end].lower()
                and _BARE_WEEKDAY.match(text, item.start, item.end)
                and _BETWEEN_WEEK_AND_DAY.fullmatch(text, previous.end, item.start)):
            weekday = _weekday_number(text[item.start:item.end].rstrip("."))
            day = _weekday_date(ctx.day, weekday, "next")
            joined[-1] = _Found(previous.start, item.end, day, "day", "week then weekday")
            continue
        joined.append(item)
    return joined


_RANGE_BETWEEN = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru|and|sampai|hingga|s\.?/?d\.?)\s*",
                            re.IGNORECASE)
_EXPLICIT_RULES = ("day month year", "month day year")


def _share_year(text: str, found: list[_Found]) -> list[_Found]:
    """'February 23 to February 24, 2021': the first day takes the year written with the second."""
    for first, second in zip(found, found[1:]):
        if (first.rule in _EXPLICIT_RULES and second.rule in _EXPLICIT_RULES
                and not re.search(r"\d{4}|['’]\d\d", text[first.start:first.end])
                and re.search(r"\d{4}", text[second.start:second.end])
                and _RANGE_BETWEEN.fullmatch(text, first.end, second.start)):
            year = second.day.year
            day = _safe_date(year, first.day.month, first.day.day)
            if day and day > second.day:
                day = _safe_date(year - 1, first.day.month, first.day.day)
            if day:
                first.day = day
    return found


_COUNTED_FROM = re.compile(
    rf"""(?:\b{_NUM_RANGE}\s+(?P<unit>(?:business|working)\s+days?|hari\s+kerja|days?|weeks?|months?
        |years?|hari|minggu|pekan|bulan|tahun)|(?P<one>\bthe\s+day|\bsehari))
        \s+(?P<dir>from|after|before|setelah|sesudah|sebelum)\s+(?:the\s+)?$""",
    re.IGNORECASE | re.VERBOSE,
)


def _counted_from(text: str, ctx: _Context, item: _Found) -> _Found:
    """'3 days from Tuesday', '2 weeks from January 15', 'the day before Friday', 'sehari
    sebelum tanggal 12': a duration counted from a named day."""
    if item.kind == "within":
        return item
    before = _COUNTED_FROM.search(text, max(0, item.start - 60), item.start)
    if not before:
        return item
    if before.group("one"):
        amount, unit, business = 1, "day", False
    else:
        amount = _amount(before)
        unit, business = _unit_of(before.group("unit"))
    sign = -1 if before.group("dir").lower() in ("before", "sebelum") else 1
    day = (_shift(_Context(ctx.text, ctx.ref, item.day), amount, unit, business, sign)
           if amount else None)
    if day is None:
        return item
    return _Found(before.start(), item.end, day, "day", "counted from")


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# "depart the same day as your interviews, or the following day": an event without a date
# anchors the day, so it is none the reference could stand in for.
_EVENT_BEFORE = re.compile(
    r"\b(?:interviews?|calls?|meetings?|onsite|on-site|visit|assessment|test|exam|presentation"
    r"|session|panel|event|wawancara|tes|ujian|presentasi|acara|rapat|pertemuan|kunjungan)\b"
    r"[^.!?\n]*$", re.IGNORECASE)
_ANCHOR_REACH = 300  # characters: "the following day" looks back about two sentences


def _anchor_context_days(text: str, ctx: _Context, found: list[_Found]) -> list[_Found]:
    """'Your interview is on Wednesday; we decide the following day': Thursday. Without a day
    named just before (same paragraph), "the next day" is the day after the reference; "H-1"
    (the day before an event) gives nothing."""
    kept: list[_Found] = []
    for item in found:
        if item.rule != "context day":
            kept.append(item)
            continue
        offset, from_reference = _context_offset(text[item.start:item.end])
        anchor = next((f for f in reversed(kept) if f.kind == "day"), None)
        if anchor and (item.start - anchor.end > _ANCHOR_REACH
                       or _PARAGRAPH_BREAK.search(text, anchor.end, item.start)):
            anchor = None
        if anchor is not None:
            item.day = anchor.day + _dt.timedelta(days=offset)
        elif from_reference and not _EVENT_BEFORE.search(
                text, text.rfind("\n", 0, item.start) + 1, item.start):
            item.day = ctx.day + _dt.timedelta(days=offset)
        else:
            continue
        kept.append(item)
    return kept


def _mention(text: str, start: int, end: int, day: _dt.date, kind: str) -> DateMention:
    """Trim the span, take in deadline words before it and a clock time next to it."""
    while end > start and text[end - 1] in " ,.;:(-":
        end -= 1
    if text.count("(", start, end) > text.count(")", start, end) and text[end:end + 1] == ")":
        end += 1  # "Minggu (28/12/2014)": close what the span opened
    before = _DEADLINE_BEFORE.search(text, max(0, start - 40), start)
    if before and before.end() == start:
        start = before.start()
        if kind != "within":
            kind = "by"
    elif kind != "within" and _DEADLINE_LABEL.search(text, max(0, start - 40), start):
        kind = "by"
    time = _clock(_TIME_AFTER.match(text, end))
    if time is None:
        time = _clock(_TIME_BEFORE.search(text, max(0, start - 30), start))
    return DateMention(text=text[start:end], start=start, end=end, date=day, time=time, kind=kind)
