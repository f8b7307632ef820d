"""The follow-up policy of seed/CHECKINS.md: six check-ins as a table, plus pure functions.

`recommend(application, now, settings)` answers the one question the product exists for: what
should the user do next in this application, and by when. It never reads the clock (`now` is
passed in) and does no I/O.

Dates: a date the employer names (a message's key date) is a date on the sender's calendar, as
the reader resolved it; a message's own date is taken on the user's calendar (setting `tz`); the
due date is a plain calendar date in the user's time zone (CHECKINS.md, "Reading the table
precisely").
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from . import labels as L
from .business_days import add_business_days, public_holidays
from .message import Application, Message, message_id_key
from .threads import conversation

# The actions of the `advise` contract.
SEND_THANK_YOU = "send_thank_you"
FOLLOW_UP = "follow_up"
STAY_IN_TOUCH = "stay_in_touch"
SEND_FINAL_THANKS = "send_final_thanks"
PREPARE_FOR_INTERVIEW = "prepare_for_interview"
COMPLETE_ASSESSMENT = "complete_assessment"
RESPOND_TO_OFFER = "respond_to_offer"
WAIT = "wait"
NONE = "none"
ACTIONS = (SEND_THANK_YOU, FOLLOW_UP, STAY_IN_TOUCH, SEND_FINAL_THANKS, PREPARE_FOR_INTERVIEW,
           COMPLETE_ASSESSMENT, RESPOND_TO_OFFER, WAIT, NONE)


@dataclass(frozen=True)
class PolicySettings:
    """Every default of CHECKINS.md, by name. A change of a default is a one-line diff."""

    tz: str = "UTC"                        # the user's time zone (IANA name)
    thank_you_before_hour: int = 12        # #1: an interview started before this hour -> same day
    thank_you_by_hour: int = 17            # #1: ... in the afternoon, by this hour
    decision_grace_business_days: int = 2  # #2: business days after the named date has passed
    stay_in_touch_after_days: int = 14     # #3: days after the last contact
    stay_in_touch_every_days: int = 21     # #3: then every this many days
    checkin_after_business_days: int = 1   # #4: the first business day after the named date
    max_unanswered_followups: int = 2      # #5: the user's follow-ups in a row without an answer
    final_thanks_after_business_days: int = 1  # #6: the next business day after the rejection
    offer_reply_business_days: int = 2     # beyond the article: an offer that names no deadline
    holidays_country: str | None = None    # also skip this country's public holidays (ISO 3166)


# The six check-ins of the article, as the product reads them (CHECKINS.md's table).
@dataclass(frozen=True)
class CheckIn:
    number: int
    trigger: str
    step: str
    when: str
    stops: str


CHECKINS = {
    1: CheckIn(1, "an interview took place", "a thank-you email that mentions an idea from the talk",
               "interview before noon: the same afternoon; otherwise the next day",
               "you send a message in the thread after the interview"),
    2: CheckIn(2, "they named a day or time frame for their decision", "a polite follow-up asking about the status",
               "2 business days after the named date has passed", "any message from them, or you follow up"),
    3: CheckIn(3, "weeks pass with no decision", "stay in touch with something of value",
               "14 days after the last contact, then every 21 days", "a decision, or check-in 5 says stop"),
    4: CheckIn(4, "they asked you to check in", "follow up, as they asked",
               "the first business day after the named date", "any message from them, or you follow up"),
    5: CheckIn(5, "no answer, or 'we'll contact you'", "don't pester: wait", "—",
               "'we'll contact you', or 2 follow-ups in a row without an answer"),
    6: CheckIn(6, "a rejection", "a last, gracious thank-you", "the next business day", "sent once"),
}


@dataclass
class Draft:
    subject: str
    body: str


@dataclass
class NextStep:
    action: str
    checkin: int | None
    due: date | None
    reason: str
    evidence: str | None = None
    draft: Draft | None = None
    signals: tuple[str, ...] = ()
    named_date: date | None = None  # the date they named (or the interview's), for the draft's wording

    def to_json(self) -> dict:
        """The `next_step` object of the advise contract."""
        return {
            "action": self.action,
            "checkin": self.checkin,
            "due": self.due.isoformat() if self.due else None,
            "reason": self.reason,
            "evidence": self.evidence,
            "draft": asdict(self.draft) if self.draft else None,
        }


# ---------------------------------------------------------------------------------------------
# The thread as the policy sees it: messages plus what the user told us, as one timeline.

THANK_YOU, FOLLOW_UP_SENT, FINAL_THANKS, SENT, REPLY = "thank_you", "follow_up", "final_thanks", "sent", "reply"
INTERVIEW_DONE = "interview_done"  # the user's word that an interview took place
REPLY_BUSINESS_DAYS = 2  # a message sent this soon after theirs answers it; it is no follow-up
# Their messages that ask for an answer: the user's next message answers them, however late.
ASKS_FOR_AN_ANSWER = frozenset({L.INTERVIEW_INVITE, L.ASSESSMENT, L.OFFER, L.RECRUITER_OUTREACH})


@dataclass(slots=True)
class Entry:
    """One point of the thread: an inbound reading, or something the user sent."""

    at: datetime
    inbound: bool
    label: str | None = None
    key_date: date | None = None
    interview_start: datetime | None = None  # interviews: when it starts (aware)
    interview_time_known: bool = False
    evidence: str | None = None
    out_kind: str | None = None   # the user's messages: sent | reply | thank_you | follow_up | final_thanks
    message: Message | None = None
    answer_note: bool = False     # theirs, read as `other`, but a reply in the thread: a person answered

    @property
    def text(self) -> str:
        """The message's new text ("" for an event the user recorded)."""
        return (self.message.text or "") if self.message is not None else ""


@dataclass
class Thread:
    app: Application
    now: datetime
    settings: PolicySettings
    tz: ZoneInfo
    entries: list[Entry]
    holidays: frozenset = field(default_factory=frozenset)
    messages: list = field(default_factory=list)  # all of the application's mail, in time order

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.tz).date()

    def business_days_after(self, day: date, n: int) -> date:
        return add_business_days(day, n, self.holidays)

    @cached_property
    def inbound(self) -> list[Entry]:
        return [e for e in self.entries if e.inbound and e.label and e.label != L.OTHER]

    @cached_property
    def last_in(self) -> Entry | None:
        """The latest message from them that says something about the application."""
        found = [e for e in self.inbound if e.label != INTERVIEW_DONE]
        return found[-1] if found else None

    def sent_after(self, moment: datetime | None) -> list[Entry]:
        return [e for e in self.entries if not e.inbound and (moment is None or e.at > moment)]


def build_thread(app: Application, now: datetime, settings: PolicySettings, talk: list | None = None) -> Thread:
    """The application's messages and the user's events as one timeline, oldest first.
    `talk`: the conversation with the employer, when the caller has it already."""
    tz = ZoneInfo(settings.tz)
    entries = []
    messages = app.timeline()
    timeline = conversation(messages) if talk is None else talk
    ids = None  # the thread's Message-IDs, gathered only when a short note of theirs needs them
    for m in timeline:
        if m.is_inbound:
            e = Entry(at=m.date, inbound=True, label=m.label, key_date=m.key_date, evidence=m.evidence, message=m)
            if m.label in (None, L.OTHER) and (m.in_reply_to or m.references):
                if ids is None:
                    ids = {message_id_key(x.message_id) for x in timeline if x.message_id}
                e.answer_note = any(message_id_key(r) in ids for r in (m.in_reply_to, *m.references) if r)
            if m.label == L.INTERVIEW_INVITE:
                if m.interview_at:
                    e.interview_start, e.interview_time_known = m.interview_at, True
                elif m.key_date:
                    # A day with no time: taken as midday on the user's calendar.
                    e.interview_start = datetime.combine(m.key_date, time(12, 0), tz)
        else:
            e = Entry(at=m.date, inbound=False, out_kind=SENT, message=m)
            if m.interview_at is not None:
                _take_the_slot_picked(entries, m)
        entries.append(e)
    for ev in app.events:
        if ev.kind == "thank_you_sent":
            entries.append(Entry(at=ev.at, inbound=False, out_kind=THANK_YOU))
        elif ev.kind == "follow_up_sent":
            entries.append(Entry(at=ev.at, inbound=False, out_kind=FOLLOW_UP_SENT))
        elif ev.kind == "final_thanks_sent":
            entries.append(Entry(at=ev.at, inbound=False, out_kind=FINAL_THANKS))
        elif ev.kind == "they_said":
            # What the user heard outside the mailbox counts as a message from them.
            label = L.DECISION_TIMELINE if ev.date else L.STILL_DECIDING
            entries.append(Entry(at=ev.at, inbound=True, label=label, key_date=ev.date, evidence=ev.text))
        elif ev.kind == "interview_done":
            entries.append(Entry(at=ev.at, inbound=True, label=INTERVIEW_DONE, interview_start=ev.at,
                                 interview_time_known=True))
    entries.sort(key=lambda e: e.at)
    _name_what_the_user_sent(entries)
    holidays = frozenset()
    if settings.holidays_country:
        holidays = public_holidays(settings.holidays_country, tuple(range(now.year - 1, now.year + 2)))
    return Thread(app, now, settings, tz, entries, holidays, messages)


def _take_the_slot_picked(entries: list[Entry], mine: Message) -> None:
    """The user's reply to an invitation that offered slots, naming one ("Thursday at 14:00
    works for me"; the reader's `interview_at` of the user's mail, which the caller checks is
    set): that is the interview's time."""
    if mine.interview_at <= mine.date:
        return
    theirs = next((e for e in reversed(entries) if e.inbound), None)
    if theirs is not None and theirs.label == L.INTERVIEW_INVITE and theirs.interview_start is None:
        theirs.interview_start, theirs.interview_time_known = mine.interview_at, True


def _answers(theirs: Entry, mine: Entry) -> bool:
    """Whether the user's message answers theirs (rather than following up on a silence)."""
    if theirs.label in ASKS_FOR_AN_ANSWER:
        return True
    return add_business_days(theirs.at.date(), REPLY_BUSINESS_DAYS) >= mine.at.astimezone(theirs.at.tzinfo).date()


# Their messages whose date the user's next message may follow up on (rows 2 and 4).
NAMES_A_DATE_TO_FOLLOW_UP = frozenset({L.DECISION_TIMELINE, L.CHECKIN_REQUEST, L.STILL_DECIDING,
                                       L.APPLICATION_RECEIVED})


def _after_their_date(theirs: Entry | None, interview: datetime, mine: Entry) -> bool:
    """Whether the user's first message after an interview comes once a date they named after
    it has passed: then it follows up on that date (it still ends row 1) rather than thanking."""
    return (theirs is not None and theirs.at > interview and theirs.label in NAMES_A_DATE_TO_FOLLOW_UP
            and theirs.key_date is not None and mine.at.astimezone(theirs.at.tzinfo).date() > theirs.key_date)


def _name_what_the_user_sent(entries: list[Entry]) -> None:
    """Tell the user's messages apart (CHECKINS.md): the first one after an interview is the
    thank-you of #1 (it stops #1 and is not a follow-up), unless it comes after a date they named
    since; one sent soon after a message of theirs answers it; anything else after their first
    message is a follow-up."""
    interviews = sorted(e.interview_start for e in entries if e.inbound and e.interview_start)
    thanked_until = None
    last_inbound = None
    previous = None
    for e in entries:
        if e.inbound:
            if (e.label and e.label != L.OTHER) or e.answer_note:
                last_inbound = e
        elif e.out_kind == THANK_YOU:
            thanked_until = e.at
        elif e.out_kind == SENT:
            started = [s for s in interviews if s <= e.at]
            if started and (thanked_until is None or thanked_until < started[-1]):
                thanked_until = e.at
                e.out_kind = FOLLOW_UP_SENT if _after_their_date(last_inbound, started[-1], e) else THANK_YOU
            elif last_inbound is not None:  # before their first message, it stays SENT
                e.out_kind = REPLY if previous is last_inbound and _answers(last_inbound, e) else FOLLOW_UP_SENT
        previous = e


# ---------------------------------------------------------------------------------------------
# The rules, in order of precedence: the first that answers gives the step.

def recommend(app: Application, now: datetime, settings: PolicySettings = PolicySettings(), *,
              talk: list | None = None) -> NextStep:
    """The next step for `app` as of `now` (an aware datetime).

    >>> from datetime import timezone
    >>> from .message import Message
    >>> rejection = Message("r@x", "in", "hr@acme.example", datetime(2025, 10, 17, 15, tzinfo=timezone.utc),
    ...                     label="rejection", evidence="We will not move forward.")
    >>> step = recommend(Application(company="Acme", messages=[rejection]), datetime(2025, 10, 18, tzinfo=timezone.utc))
    >>> step.action, step.checkin, step.due
    ('send_final_thanks', 6, datetime.date(2025, 10, 20))

    `talk`: `models.threads.conversation(app.timeline())`, when the caller has computed it.
    """
    if now.tzinfo is None:
        raise ValueError("`now` must be timezone-aware")
    thread = build_thread(app, now, settings, talk)
    for rule in RULES:
        step = rule(thread)
        if step is not None:
            break
    step = _apply_snooze(thread, step)
    step.signals = _signals(thread)
    if step.draft is None and step.action not in (WAIT, NONE):
        from .drafts import draft_for

        step.draft = draft_for(step, app, thread)
    return step


# The user's own words withdrawing from the process (in their mail to the employer).
_WITHDRAWS = re.compile(
    r"\b((?:i(?:'d| would) like to|i(?:'ve| have)? decided to|i (?:must|need to|will)|i(?:'m| am)|please|kindly|"
    r"i hereby|i) withdraw(?:ing)? (?:my application|my candidacy|myself from|from (?:the|this|your) "
    r"(?:process|position|role|recruitment|selection|application|search))|"
    r"(?:remove|take) me (?:out of|from) (?:the|your) (?:process|consideration)|"
    r"(?:memutuskan|ingin|izin|ijin|bermaksud) (?:untuk )?mengundurkan diri dari (?:proses|seleksi|rekrutmen)|"
    r"(?:mencabut|menarik) lamaran saya)".replace(" ", r"\s+"), re.I)  # across a line's wrap too
_DENIED = re.compile(r"\b(?:tidak|tak|bukan|belum|not|never)\b|n't\b", re.I)


def _says_withdrawn(text: str) -> bool:
    """Whether the user's words withdraw them, not deny it ("saya tidak bermaksud mengundurkan
    diri", "I never said I'm withdrawing")."""
    return any(not _DENIED.search(text[max(0, m.start() - 25):m.start()]) for m in _WITHDRAWS.finditer(text))


def _withdrew_by_mail(t: Thread):
    """When the user's own mail withdrew the application, with nothing new from them since (an
    invitation, an assessment or an offer after it starts again); else None."""
    withdrew = None
    for e in t.entries:
        if not e.inbound:
            if e.message is not None and e.message.text and _says_withdrawn(e.message.text):
                withdrew = e.at
        elif withdrew and e.label in REOPENS and not _calls_off(e) \
                and not (e.label == L.INTERVIEW_INVITE and e.interview_start is None):
            withdrew = None
    return withdrew


def closed_by_user(t: Thread) -> NextStep | None:
    state = None
    for e in sorted(t.app.events, key=lambda e: e.at):
        if e.kind in ("archive", "withdraw"):
            state = e.kind
        elif e.kind == "reopen":
            state = None
    if state is None and _withdrew_by_mail(t):
        state = "withdraw"
    if state:
        what = "archived" if state == "archive" else "withdrew from"
        return NextStep(NONE, None, None, f"You {what} this application.")
    return None


# Their messages that start something new after a rejection (another round, another role).
REOPENS = frozenset({L.INTERVIEW_INVITE, L.ASSESSMENT, L.OFFER})


def rejection(t: Thread) -> NextStep | None:
    """#6: a last, gracious thank-you on the next business day after the rejection. It is sent
    once: what they write after it (kind words, "we'll keep your CV on file") reopens nothing."""
    since = None
    for e in t.inbound:
        if e.label == L.REJECTION and since is None:
            since = e
        elif e.label in REOPENS:
            since = None
    if since is None:
        return None
    last = [e for e in t.inbound if e.label == L.REJECTION][-1]
    if t.sent_after(since.at):
        return NextStep(NONE, None, None, "They declined, and you sent your last thank-you: this application is closed.",
                        last.evidence)
    due = t.business_days_after(t.local_date(last.at), t.settings.final_thanks_after_business_days)
    return NextStep(SEND_FINAL_THANKS, 6, due,
                    "They decided not to move forward. Check-in 6: a last, gracious thank-you — thank them for "
                    "their time, ask for feedback, and say you'd welcome future roles.", last.evidence)


# The user's answer to an offer, in their own words: accepting or declining it. A question about
# the start date or the salary ("before I confirm, ...") leaves the offer to respond to.
_OFFER_ANSWER = re.compile(
    r"\b(i( am|'m| would be|'d be)? (very )?(happy|pleased|delighted|glad|thrilled|excited) to (formally )?accept|i (hereby |gladly )?accept|"
    r"i would like to accept|i'd like to accept|i have decided to accept|i've decided to accept|"
    r"(i|i've|i have) (decided to |must |have to )?(respectfully |regretfully )?decline|"
    r"i (won't|am not able to|'m not able to|cannot|can't|will not) (be )?(able to )?accept|turn down|"
    r"(saya|aku) (dengan senang hati |bersedia )?menerima (tawaran|offer)|(saya|aku) terima (tawaran|offer)|"
    r"(saya|aku) (memutuskan untuk |harus )?menolak|tidak dapat menerima)", re.I)
_CONDITIONAL = re.compile(r"\b(before|once|if|whether|sebelum|jika|kalau)\b[^.?!\n]{0,20}$", re.I)


def _settles_offer(sent: Entry) -> bool:
    """Whether a message of the user's accepts or declines the offer (not merely asks about it)."""
    text = sent.text
    for found in _OFFER_ANSWER.finditer(text):
        if not _CONDITIONAL.search(text[max(0, found.start() - 40):found.start()]):
            return True
    return False


def offer(t: Thread) -> NextStep | None:
    last = t.last_in
    if not last or last.label != L.OFFER:
        return None
    if any(_settles_offer(e) for e in t.sent_after(last.at)):
        return NextStep(NONE, None, None, "You answered their offer: nothing left to chase here.", last.evidence)
    due = last.key_date or t.business_days_after(t.local_date(last.at), t.settings.offer_reply_business_days)
    return NextStep(RESPOND_TO_OFFER, None, due, "They made you an offer: respond before their deadline.", last.evidence)


def _latest_interview(t: Thread) -> Entry | None:
    """The latest interview the thread knows of (an invite with a date, or the user's word)."""
    found = [e for e in t.inbound if e.interview_start]
    return found[-1] if found else None


# Their words that call an interview off (a role on hold, a cancelled slot with none in its place).
_CALLED_OFF = re.compile(r"\b(cancel(l?ed|l?ing)?|put on hold|on hold|paused|dibatalkan|membatalkan|ditunda|ditangguhkan)\b",
                         re.I)


def _calls_off(e: Entry) -> bool:
    """A message of theirs, not itself an invitation, that cancels or pauses what was planned."""
    return e.label in (L.STILL_DECIDING, L.WILL_CONTACT_YOU, L.DECISION_TIMELINE) and bool(_CALLED_OFF.search(e.text))


# Their words that move an interview to another time (an undated invite that says so replaces
# the date known before).
_MOVES_IT = re.compile(
    r"\b(re-?schedul\w*|postpon\w*|cancel\w*|push (it|this|our \w+|the \w+) back|move (it|our|the|your)\b|"
    r"(another|a different|a new|new) (time|day|date|slot)|no longer (works|possible)|instead|taken|after all|"
    r"change the (time|date|day)|bring (it|this|our \w+|the \w+) forward|dimajukan|perubahan jadwal|batal\w*|"
    r"jadwal ulang|menjadwalkan ulang|dijadwal(kan)? ulang|diundur|mengundur|dipindah\w*|memindah\w*|dibatalkan|"
    r"ditunda|(waktu|jadwal|hari) (lain|baru))", re.I)


# Their words that confirm what is set: "invite sent", "see you then", "sampai jumpa".
_CONFIRMS_IT = re.compile(
    r"\b(invit(e|ation) (is |has been )?(sent|on its way|in your calendar)|sent (you )?(the|an|a calendar) invit\w*|"
    r"see you( then| there| on \w+)?|talk (to you )?then|speak (to you )?(then|soon)|confirmed|all set|"
    r"looking forward to (it|meeting|speaking|talking|our)|sampai (jumpa|bertemu)|terkonfirmasi|dikonfirmasi|"
    r"undangan\b[^.?!]{0,40}\b(terkirim|sudah (saya |kami )?kirim\w*|telah (saya |kami )?kirim\w*))", re.I)


def _confirms_the_interview(undated: Entry, dated: Entry | None) -> bool:
    """Whether an invitation that names no date ("perfect, invite sent. talk then!") only
    confirms the interview set before it: written before that interview, in words that confirm,
    moving nothing and asking nothing ("Thursday was taken; would Friday or Monday suit you?")."""
    text = undated.text or undated.evidence or ""
    return (dated is not None and undated.at < dated.interview_start and bool(_CONFIRMS_IT.search(text))
            and not _MOVES_IT.search(text) and "?" not in text)


def interview(t: Thread) -> NextStep | None:
    """An interview ahead: prepare. An interview behind with nothing sent since: #1's thank-you."""
    last = t.last_in
    latest = _latest_interview(t)
    if last and last.label == L.INTERVIEW_INVITE and not last.interview_start \
            and (latest is None or latest.at < last.at) and not _confirms_the_interview(last, latest):
        # An invite that names no single date (a list of slots, or "when suits you?").
        replies = t.sent_after(last.at)
        if not replies:
            return NextStep(PREPARE_FOR_INTERVIEW, None, None,
                            "They invited you to an interview: reply with the time that suits you, then prepare.",
                            last.evidence)
        if t.local_date(t.now) < t.local_date(replies[-1].at) + timedelta(days=t.settings.stay_in_touch_after_days):
            return NextStep(PREPARE_FOR_INTERVIEW, None, None,
                            "You answered their invitation: prepare, and once the interview has taken place, say "
                            "so (\u201cinterview done\u201d) for the thank-you of check-in 1.", last.evidence)
    if latest is None or any(e.at > latest.at and e.label in (L.REJECTION, L.OFFER) for e in t.inbound):
        return None
    start = latest.interview_start
    if any(latest.at < e.at < start and _calls_off(e) for e in t.inbound):
        return None  # cancelled before it took place, with no new slot: nothing to prepare or thank for
    local_start = start.astimezone(t.tz)
    if latest.interview_time_known:
        ahead = t.now < start
    else:  # a day with no time: the interview is ahead until that day is over
        ahead = t.local_date(t.now) <= local_start.date()
    if ahead:
        if last is not None and last.label == L.ASSESSMENT and last.at > latest.at and last.key_date \
                and last.key_date <= local_start.date() and not t.sent_after(last.at):
            return None  # an assessment due before the interview comes first
        if latest.key_date is not None and latest.key_date < start.date():  # both on the sender's calendar
            # A schedule of several sessions: the reader gives its first day and the last start.
            # Once the first day is over, what is left to prepare for ends with the last.
            first = latest.key_date if t.local_date(t.now) <= latest.key_date else local_start.date()
            return NextStep(PREPARE_FOR_INTERVIEW, None, first,
                            f"Your interviews run from {latest.key_date:%A %d %B} to {local_start:%A %d %B}: prepare "
                            "for them. The thank-you of check-in 1 follows the last one.", latest.evidence)
        at = f" at {local_start:%H:%M}" if latest.interview_time_known else ""
        return NextStep(PREPARE_FOR_INTERVIEW, None, local_start.date(),
                        f"Your interview is on {local_start:%A %d %B}{at}: prepare for it. The thank-you of "
                        "check-in 1 follows it.", latest.evidence)
    if any(e.out_kind in (THANK_YOU, FOLLOW_UP_SENT, REPLY, SENT) for e in t.sent_after(start)):
        return None  # #1 stops once the user has written after the interview
    if latest.interview_time_known and local_start.hour < t.settings.thank_you_before_hour:
        due, when = local_start.date(), f"this afternoon, by {t.settings.thank_you_by_hour}:00"
    else:
        due, when = local_start.date() + timedelta(days=1), "the next day"
    return NextStep(SEND_THANK_YOU, 1, due,
                    f"Your interview took place on {local_start:%A %d %B}. Check-in 1: a thank-you {when}: mention an "
                    "idea about their team from the talk, and show you'd fit in.", latest.evidence,
                    named_date=local_start.date())


# The user's words that an assessment was handed in ("I've submitted my solution", "sudah saya
# kirimkan"), as opposed to a reply that only acknowledges the brief.
_HANDED_IN = re.compile(
    r"\b(i('ve| have) (now |just )?(submitted|completed|finished|sent|uploaded)|i (just )?(submitted|completed|finished)|"
    r"please find (attached )?my (solution|submission|answers?|assignment|take-home|task)|"
    r"(attached|here) (is|are) my (solution|submission|answers?|completed)|"
    r"(sudah|telah) (saya )?(kirim|kerjakan|selesaikan|submit|unggah|upload)|"
    r"berikut (saya )?(lampirkan|kirimkan) (hasil|jawaban))", re.I)


def _says_handed_in(sent: Entry) -> bool:
    return bool(_HANDED_IN.search(sent.text))


def assessment(t: Thread) -> NextStep | None:
    """Complete the assessment by its deadline. A reply of the user's that only acknowledges the
    brief does not say it was done, so the step holds until the deadline has passed, unless the
    user's words say it was handed in."""
    last = t.last_in
    if not last or last.label != L.ASSESSMENT:
        return None
    sent = t.sent_after(last.at)
    if any(_says_handed_in(e) for e in sent):
        return None
    if sent and (last.key_date is None or t.local_date(t.now) > last.key_date):
        return None
    return NextStep(COMPLETE_ASSESSMENT, None, last.key_date,
                    "They asked you to complete an assessment" + (" before its deadline." if last.key_date else "."),
                    last.evidence)


def will_contact_you(t: Thread) -> NextStep | None:
    """#5: after "we'll contact you", stop chasing until the user says otherwise."""
    last = t.last_in
    if not last or last.label != L.WILL_CONTACT_YOU:
        return None
    return NextStep(WAIT, 5, None,
                    "They said they will contact you. Check-in 5: don't pester — wait for their news.", last.evidence)


def _followups_since(t: Thread, moment: datetime | None) -> list[Entry]:
    return [e for e in t.sent_after(moment) if e.out_kind == FOLLOW_UP_SENT]


def _too_many_unanswered(t: Thread) -> NextStep | None:
    last = t.last_in
    answered = [e.at for e in t.entries if e.inbound and e.answer_note] + ([last.at] if last else [])
    unanswered = _followups_since(t, max(answered) if answered else None)
    if len(unanswered) >= t.settings.max_unanswered_followups:
        return NextStep(WAIT, 5, None,
                        f"You have followed up {len(unanswered)} times in a row without an answer. Check-in 5: "
                        "don't pester — wait for them to write.", last.evidence if last else None)
    return None


def named_date(t: Thread) -> NextStep | None:
    """#4 (they asked to be checked in with by a date) and #2 (they named a decision date)."""
    last = t.last_in
    if not last or not last.key_date:
        return None
    if last.label == L.CHECKIN_REQUEST:
        row, due = 4, t.business_days_after(last.key_date, t.settings.checkin_after_business_days)
        why = (f"They asked you to check in if you hadn't heard by {last.key_date:%A %d %B}. "
               "Check-in 4: follow up, as they asked, the first business day after.")
    elif last.label in (L.DECISION_TIMELINE, L.APPLICATION_RECEIVED, L.STILL_DECIDING):
        row, due = 2, t.business_days_after(last.key_date, t.settings.decision_grace_business_days)
        why = (f"They said you would hear by {last.key_date:%A %d %B}. Check-in 2: if nothing comes, a polite "
               f"follow-up {t.settings.decision_grace_business_days} business days after that date.")
    else:
        return None
    # A follow-up sent once the named date has come stops #2/#4; a quick reply before it does not.
    followed_up = [e for e in t.sent_after(last.at)
                   if e.out_kind in (FOLLOW_UP_SENT, REPLY, SENT) and t.local_date(e.at) >= last.key_date]
    if not followed_up:
        return NextStep(FOLLOW_UP, row, due, why, last.evidence, named_date=last.key_date)
    return None


def stay_in_touch(t: Thread) -> NextStep | None:
    """#3: weeks pass with no decision: stay in touch, 14 days after the last contact, then every 21."""
    last = t.last_in
    if last and last.label == L.RECRUITER_OUTREACH and not t.sent_after(last.at):
        return NextStep(NONE, None, None, "A recruiter approached you about a role: reply if it interests you.",
                        last.evidence)
    stop = _too_many_unanswered(t)
    if stop:
        return stop
    contacts = [e for e in t.entries if not e.inbound or (e.label and e.label != L.OTHER) or e.answer_note]
    if not contacts:
        # A thread the user chose to track although nothing in it reads as recruiter mail.
        contacts = [e for e in t.entries if e.message is not None]
    if not contacts:
        return NextStep(NONE, None, None, "No messages in this application yet.")
    latest = contacts[-1]
    if not latest.inbound and latest.out_kind == FOLLOW_UP_SENT:
        due = t.local_date(latest.at) + timedelta(days=t.settings.stay_in_touch_every_days)
        why = (f"No answer since your message of {t.local_date(latest.at):%d %B}. Check-in 3: stay in touch "
               f"every {t.settings.stay_in_touch_every_days} days, each time with something new.")
    else:
        due = t.local_date(latest.at) + timedelta(days=t.settings.stay_in_touch_after_days)
        why = (f"No decision yet, and no date from them. Check-in 3: stay in touch {t.settings.stay_in_touch_after_days} "
               f"days after the last contact ({t.local_date(latest.at):%d %B}) with something of value.")
    return NextStep(STAY_IN_TOUCH, 3, due, why, last.evidence if last else None)


RULES = (closed_by_user, rejection, offer, interview, assessment, will_contact_you, named_date, stay_in_touch)


def _apply_snooze(t: Thread, step: NextStep) -> NextStep:
    """A snooze moves a scheduled step no earlier than its date; new mail ends the snooze."""
    if step.due is None:
        return step
    last_mail = max((e.at for e in t.entries if e.message is not None), default=None)
    snoozes = [e for e in t.app.events if e.kind == "snooze" and e.date and (last_mail is None or e.at > last_mail)]
    if not snoozes:
        return step
    until = max(snoozes, key=lambda e: e.at).date
    if until > step.due:
        return replace(step, due=until, reason=step.reason + f" (Snoozed until {until:%d %B}.)")
    return step


def _signals(t: Thread) -> tuple[str, ...]:
    found = []
    for e in t.inbound:
        if e.message is not None:
            for s in e.message.signals:
                if s not in found:
                    found.append(s)
    return tuple(found)


def followups_sent(thread: Thread) -> int:
    """How many follow-ups or stay-in-touch messages the user has sent (rotates #3's templates)."""
    return sum(1 for e in thread.entries if not e.inbound and e.out_kind == FOLLOW_UP_SENT)
