"""Which application a message belongs to.

In order: Gmail's thread id when known; else the References / In-Reply-To chain; else the
employer plus the role and time. ATS relays (Greenhouse, Lever, Workday, SmartRecruiters, Ashby,
iCIMS, ...) send on the employer's behalf, so the employer is taken from the display name, the
body or the reply-to, never from the relay's domain.
"""
from __future__ import annotations

import re
from datetime import timedelta
from functools import lru_cache

from .message import message_id_key

# Domains that send for many employers: their name is never the employer.
RELAY_DOMAINS = (
    "greenhouse.io", "greenhouse-mail.io", "lever.co", "hire.lever.co", "myworkday.com", "workday.com",
    "smartrecruiters.com", "ashbyhq.com", "icims.com", "jobvite.com", "bamboohr.com", "recruitee.com",
    "teamtailor.com", "workable.com", "breezy.hr", "jazzhr.com", "successfactors.com", "taleo.net",
    "personio.de", "hackerrank.com", "codility.com", "hirevue.com", "linkedin.com", "jobstreet.com",
    "jobstreet.co.id", "kalibrr.com", "glints.com", "indeed.com", "gmail.com", "googlemail.com",
    "yahoo.com", "outlook.com", "hotmail.com", "icloud.com",
)
_RELAY_NAMES = re.compile(
    r"\b(greenhouse|lever|workday|smartrecruiters|ashby|icims|jobvite|bamboohr|recruitee|teamtailor|workable|"
    r"taleo|successfactors|hackerrank|codility|hirevue|linkedin|jobstreet|kalibrr|glints|indeed)\b", re.I)
# Words around an employer's name in a sender's display name: "Acme Careers", "Talent Team at Acme".
_TEAM_WORDS = re.compile(
    r"\b(careers?|jobs?|recruiting|recruitment|recruiter|talent( acquisition| team)?|hiring( team)?|hr|people( team)?|"
    r"human resources|no-?reply|notifications?|team|tim rekrutmen|rekrutmen|karier|karir|hrd)\b", re.I)
_COMPANY_SUFFIX = re.compile(r"[,\s]+(inc|ltd|llc|plc|gmbh|bv|b\.v|pte|co|corp|corporation|limited|tbk)\.?$", re.I)
_COMPANY_PREFIX = re.compile(r"^(pt|cv)\.?\s+", re.I)


def is_relay(domain: str) -> bool:
    domain = (domain or "").lower()
    return any(domain == d or domain.endswith("." + d) for d in RELAY_DOMAINS)


def employer_from_sender(name: str, address: str) -> str | None:
    """The employer a sender writes for, from its display name or, failing that, its domain.

    >>> employer_from_sender("Orrery Payments via Skillcheck", "no-reply@skillcheck.example")
    'Orrery Payments'
    >>> employer_from_sender("Talent Team at Harbour Bank", "jobs@greenhouse.io")
    'Harbour Bank'
    >>> employer_from_sender("Hannah Okafor", "hannah@fernhillrobotics.example")
    'Fernhillrobotics'
    """
    name = (name or "").strip().strip('"')
    via = re.split(r"\s+(?:via|melalui|through)\s+", name, maxsplit=1, flags=re.I)
    if len(via) == 2:
        return via[0].strip() or None
    at = re.split(r"\s+(?:at|@|di)\s+", name, maxsplit=1, flags=re.I)
    if len(at) == 2 and _TEAM_WORDS.search(at[0]):
        return at[1].strip() or None
    if name and _TEAM_WORDS.search(name) and not _RELAY_NAMES.search(name):
        stripped = _TEAM_WORDS.sub(" ", name)
        stripped = re.sub(r"[\s\-–|:,]+", " ", stripped).strip()
        if stripped:
            return stripped
    domain = address.rsplit("@", 1)[-1].lower() if "@" in (address or "") else ""
    if not domain or is_relay(domain):
        return None
    labels = [p for p in domain.split(".") if p not in ("mail", "email", "careers", "jobs", "hr", "recruiting", "talent")]
    if len(labels) >= 2:
        base = labels[-2] if labels[-2] not in ("co", "com", "ac", "or", "go") or len(labels) < 3 else labels[-3]
        return base.replace("-", " ").title()
    return None


def normalise_company(name: str | None) -> str:
    """A key for comparing employers: case, punctuation, "PT"/"Inc." and spaces removed.

    >>> normalise_company("PT Rimbun Data Kreasi") == normalise_company("Rimbun Data Kreasi, Tbk.")
    True
    """
    if not name:
        return ""
    name = _COMPANY_PREFIX.sub("", name.strip())
    name = _COMPANY_SUFFIX.sub("", name)
    return re.sub(r"[^0-9a-z]+", "", name.lower())


def same_company(a: str | None, b: str | None) -> bool:
    ka, kb = normalise_company(a), normalise_company(b)
    if not ka or not kb:
        return False
    return ka == kb or (min(len(ka), len(kb)) >= 5 and (ka.startswith(kb) or kb.startswith(ka)))


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=4096)
def normalise_role(role: str | None) -> str:
    """A role as a key: lower case, words only ("Sr. Data-Analyst" -> "sr data analyst").
    Remembered, since a thread compares the same few roles many times."""
    return _NOT_ALNUM.sub(" ", (role or "").lower()).strip()


def same_role(a: str | None, b: str | None) -> bool:
    ka, kb = normalise_role(a), normalise_role(b)
    return bool(ka and kb) and (ka == kb or ka in kb or kb in ka)


# How long an application stays open to mail that only names its employer.
EMPLOYER_MATCH_WINDOW = timedelta(days=180)


def pick_application(candidates, company: str | None, role: str | None, when):
    """Among `candidates` (objects with `company`, `role`, `last_message_at`, `closed`), the one a
    message from `company` about `role` at `when` belongs to, or None.

    A role that differs means another application at the same employer; an unknown role joins the
    employer's most recent open application.
    """
    best = None
    for app in candidates:
        if not same_company(app.company, company):
            continue
        if app.last_message_at and abs(when - app.last_message_at) > EMPLOYER_MATCH_WINDOW:
            continue
        if role and app.role and not same_role(app.role, role):
            continue
        score = (2 if role and same_role(app.role, role) else 1, not app.closed, app.last_message_at or when)
        if best is None or score > best[0]:
            best = (score, app)
    return best[1] if best else None


def describe(timeline) -> dict:
    """What an application's messages say about it: company, role, recruiter, Gmail thread.

    `timeline` is the application's messages in time order; later messages win, inbound
    messages name the employer. Only the conversation counts (`conversation`): an
    out-of-office reply or another role's acknowledgement names nothing of this application.
    """
    timeline = conversation(timeline)
    inbound = [m for m in timeline if m.is_inbound and m.label != "other"]
    company = next((m.company for m in reversed(inbound) if m.company), None) or next(
        (c for c in (employer_from_sender(m.sender_name, m.sender) for m in reversed(inbound)) if c), None)
    if company is None:  # only the user's own mail: the employer it was sent to
        company = next((m.company for m in reversed(timeline) if m.company), None)
    person = next((m for m in reversed(inbound) if m.recruiter_name), None)
    return {
        "company": company,
        "role": next((m.role for m in reversed(timeline) if m.role), None),
        "recruiter_name": person.recruiter_name if person else None,
        "recruiter_email": person.sender if person else (inbound[-1].sender if inbound else None),
        "gmail_thrid": next((m.gmail_thrid for m in timeline if m.gmail_thrid), None),
    }


# Mail that no person wrote: out-of-office replies and delivery failures. They are not an answer,
# not a contact and name no date for the application (an absence's "back on Monday" is no
# check-in date); a bounce also means the user's message it returns never arrived.
_AUTO_REPLY_SUBJECT = re.compile(
    r"^\s*(automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|out of (the )?office|ooo\b|abwesenheitsnotiz|"
    r"r[ée]ponse automatique|respuesta autom[áa]tica|risposta automatica|balasan otomatis|balasan otomatik|"
    r"di luar kantor|sedang cuti)", re.I)
_AUTO_REPLY_OPENING = re.compile(
    r"^(i am|i'm|i will be|i'll be) (currently )?(out of (the )?office|away from (the )?office|on (annual |parental )?leave|"
    r"on vacation|on holiday|travell?ing with limited access)|^saya sedang (cuti|tidak berada di kantor|di luar kantor)|"
    # Vacation responders in the languages an international employer's staff often use.
    r"^ich bin (derzeit |zurzeit |aktuell )?(bis [^\n]{1,40}? )?(nicht im b(ü|ue)ro|abwesend|im urlaub)|"
    r"^je suis (actuellement )?(absente?|en cong[ée]s?)|^estoy (fuera de la oficina|de vacaciones)|"
    r"^ik ben (momenteel )?(afwezig|niet op kantoor)",
    re.I)
_BOUNCE_SENDER = re.compile(r"^(mailer-daemon|postmaster|mail-daemon)@", re.I)
_BOUNCE_SUBJECT = re.compile(
    r"(undeliver(ed|able)|delivery status notification \(failure\)|mail delivery (failed|failure)|"
    r"returned mail|failure notice|delivery has failed|pesan tidak terkirim|tidak dapat dikirim)", re.I)


def is_bounce(message) -> bool:
    """A delivery failure returning one of the user's messages."""
    return bool((message.sender and _BOUNCE_SENDER.match(message.sender))
                or (message.subject and _BOUNCE_SUBJECT.search(message.subject)))


# A message's signal for "its headers say it is an automatic answer" (watcher.pipeline sets it).
AUTO_REPLIED = "auto_replied"
# What a careers mailbox's autoresponder may say with those headers: it speaks for the employer.
_SPEAKS_FOR_THE_EMPLOYER = frozenset({"application_received", "interview_invite", "assessment", "rejection", "offer",
                                      "checkin_request", "recruiter_outreach"})


def is_auto_reply(message) -> bool:
    """An out-of-office answer: by its headers (RFC 3834), its subject, or an opening that says
    the person is away.

    >>> from datetime import datetime, timezone
    >>> from models.message import Message
    >>> when = datetime(2025, 10, 14, tzinfo=timezone.utc)
    >>> is_auto_reply(Message("a", "in", "k@x.example", when, subject="Automatic reply: Re: Mobile Engineer"))
    True
    >>> is_auto_reply(Message("b", "in", "k@x.example", when, subject="Re: Mobile Engineer",
    ...                       text="We will decide by Friday. I'm out of office next week, though."))
    False
    """
    if AUTO_REPLIED in message.signals and message.label not in _SPEAKS_FOR_THE_EMPLOYER:
        return True
    if message.subject and _AUTO_REPLY_SUBJECT.search(message.subject):
        return True
    return bool(message.text) and bool(_AUTO_REPLY_OPENING.search(_opening(message.text)))


_GREETING = re.compile(r"^\s*((hi|hello|dear|halo|hai|yth\.?)\b[^\n]*\n|thank you for your (e-?mail|message)[.!]?|"
                       r"terima kasih (atas|untuk) (e-?mail|pesan) (anda|bapak/ibu)[.!]?|"
                       r"vielen dank f(ü|ue)r ihre (e-?mail|nachricht)[.!]?|merci (pour|de) votre (message|e-?mail|courriel)[.!]?|"
                       r"gracias por su (mensaje|correo)[.!]?|bedankt voor (uw|je) (bericht|e-?mail)[.!]?)\s*", re.I)


def _opening(text: str) -> str:
    """The message's first words after a greeting and a 'thank you for your email'."""
    text = text[:1000].strip()  # a greeting is a line or two: no need to copy a long message
    while True:
        cut = _GREETING.sub("", text, count=1)
        if cut == text:
            return text[:160]
        text = cut


# A bounce returns the user's message within this long (servers retry for up to a few days).
BOUNCE_WINDOW = timedelta(days=5)


def without_automatic_mail(timeline) -> list:
    """The conversation a person had: `timeline` (time order) without out-of-office replies and
    bounces, and without the user's message each bounce returns (the latest one before it)."""
    dropped = set()
    for i, m in enumerate(timeline):
        if not m.is_inbound:
            continue
        if is_bounce(m):
            dropped.add(i)
            sent = [j for j in range(i) if not timeline[j].is_inbound and j not in dropped
                    and m.date - timeline[j].date <= BOUNCE_WINDOW]
            if sent:
                dropped.add(sent[-1])
        elif is_auto_reply(m):
            dropped.add(i)
    return [m for i, m in enumerate(timeline) if i not in dropped]


def person_name_key(name: str | None) -> str:
    """A sender's display name as a key for 'the same person writes again', from another
    address (a recruiter on a private address, an ATS sending as the recruiter): at least two
    words, none of them a team word or an ATS's name; "" otherwise.

    >>> person_name_key('"Tobias Brandt"'), person_name_key("Acme Careers"), person_name_key("Tobias")
    ('tobias brandt', '', '')
    """
    name = re.sub(r"\s+", " ", (name or "").strip().strip('"').lower())
    if len(name.split(" ")) < 2 or _TEAM_WORDS.search(name) or _RELAY_NAMES.search(name) or "@" in name:
        return ""
    return name


_FORWARD_SUBJECT = re.compile(r"^\s*(fwd?|fw|tr|wg|doorst|terusan|diteruskan)\s*:", re.I)


def _domain(address: str) -> str:
    return (address or "").rsplit("@", 1)[-1].lower()


def is_forward_elsewhere(message, correspondents: set[str]) -> bool:
    """The user forwarding their mail to someone outside the application (a mentor, a partner,
    their own other address): no message to the employer, so neither a thank-you nor a
    follow-up. `correspondents`: the addresses that wrote to the user in this thread."""
    if message.is_inbound or not _FORWARD_SUBJECT.match(message.subject or ""):
        return False
    theirs = {_domain(a) for a in correspondents if not is_relay(_domain(a))} | {a.lower() for a in correspondents}
    return not any(r.lower() in theirs or _domain(r) in theirs for r in message.recipients if r)


def _thread_role(inbound) -> str | None:
    """The role most of their messages name, when at least two do and no other role as often."""
    counts: list[list] = []  # [role, how many]
    for m in inbound:
        if not m.role:
            continue
        for group in counts:
            if same_role(group[0], m.role):
                group[1] += 1
                break
        else:
            counts.append([m.role, 1])
    counts.sort(key=lambda g: -g[1])
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return None
    return counts[0][0]


def without_other_applications(timeline) -> list:
    """`timeline` without their mail about another application: a message that names another
    role than the thread's (named by at least two of their messages) and replies to nothing in
    the thread, such as an ATS acknowledging the user's application for a second role."""
    theirs = [m for m in timeline if m.is_inbound and m.label and m.label != "other"]
    role = _thread_role(theirs)
    if role is None:
        return list(timeline)
    ids = {message_id_key(m.message_id) for m in timeline if m.message_id}

    def elsewhere(m) -> bool:
        replies = any(message_id_key(r) in ids for r in (m.in_reply_to, *m.references) if r)
        return m.is_inbound and bool(m.role) and not same_role(m.role, role) and not replies

    return [m for m in timeline if not elsewhere(m)]


def conversation(timeline) -> list:
    """The messages exchanged with the employer about this application, in time order:
    `timeline` without automatic mail (out-of-office replies, bounces and what they return),
    without the user's forwards to other people, and without their mail about another role."""
    kept = without_other_applications(without_automatic_mail(timeline))
    correspondents = {m.sender for m in kept if m.is_inbound and m.sender}
    return [m for m in kept if not is_forward_elsewhere(m, correspondents)]
