"""The sample mailbox of `nextstep demo`: fifteen job applications, dated around today.

A Gmail Takeout-style mbox (each message carries `X-GM-THRID` and `X-Gmail-Labels`, as a Takeout
export does) of made-up applications in English and Indonesian. Together they show every
check-in of the follow-up policy (seed/CHECKINS.md) and the steps beyond it. Every date is
computed from the day the demo runs, on plain calendar dates with Monday-to-Friday arithmetic,
so the steps are always current: "if you haven't heard by Thursday" is sent a few days before
the first Thursday after it, an interview "this morning" took place this morning.

    >>> from datetime import date
    >>> raw = build_mailbox(date(2025, 5, 14), "Europe/London")
    >>> raw.startswith(b"From ") and raw.count(b"\\nX-GM-THRID: ") > 15
    True
    >>> SCENARIOS["by_thursday"].action, SCENARIOS["by_thursday"].checkin
    ('follow_up', 4)

The user is `you@mail.example` (Alex Morgan); every person, company and address is made up,
under `.example` domains. `SCENARIOS` holds what each application should advise as of any time
from `DEMO_DAY_STARTS` on the demo's day; `plan(today, tz)` gives each application's messages
and its expected due date.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from zoneinfo import ZoneInfo

__all__ = ["ME", "ME_NAME", "DEMO_DAY_STARTS", "Scenario", "SCENARIOS", "DemoMail", "DemoApplication",
           "plan", "build_mailbox"]

ME = "you@mail.example"
ME_NAME = "Alex Morgan"
# The earliest time of the demo's day at which every expected step holds: the morning interview
# of "thank_you_morning" starts at 08:30 and lasts 45 minutes.
DEMO_DAY_STARTS = time(9, 15)


@dataclass(frozen=True)
class Scenario:
    """One sample application and the step the policy should give it (`checkin` as in advise)."""

    key: str
    language: str
    company: str
    role: str
    shows: str
    action: str
    checkin: int | None


# key, language, employer, role, what it shows; then the expected action and check-in.
_ALL = (
    Scenario("thank_you_morning", "en", "Northwind Labs", "Product Analyst",
             "an interview this morning (calendar invite)",
             "send_thank_you", 1),
    Scenario("thank_you_afternoon", "en", "Halden & Rowe", "Marketing Manager",
             "an interview yesterday afternoon",
             "send_thank_you", 1),
    Scenario("decision_end_of_next_week", "en", "Bramble Health", "Data Engineer",
             "a decision 'by the end of next week'",
             "follow_up", 2),
    Scenario("long_silence", "en", "Larkspur Studio", "UX Researcher",
             "an acknowledgement without a date, then weeks of silence after one stay-in-touch note",
             "stay_in_touch", 3),
    Scenario("by_thursday", "en", "Quarry & Vale Recruitment", "Senior Accountant",
             "'if you haven't heard from me by Thursday'",
             "follow_up", 4),
    Scenario("two_unanswered", "en", "Copperline Logistics", "Operations Analyst",
             "two follow-ups in a row without an answer",
             "wait", 5),
    Scenario("rejection", "en", "Tessellate Bank", "Risk Analyst",
             "a rejection",
             "send_final_thanks", 6),
    Scenario("interview_ahead", "en", "Orchard Robotics", "Embedded Software Engineer",
             "an interview in a few days",
             "prepare_for_interview", None),
    Scenario("assessment", "en", "Kestrel Games", "Backend Engineer",
             "a coding test with a deadline",
             "complete_assessment", None),
    Scenario("closed", "en", "Saltmarsh Media", "Content Strategist",
             "a rejection answered with a last thank-you",
             "none", None),
    Scenario("keputusan_hari_kerja", "id", "PT Rimba Data Nusantara", "Data Analyst",
             "a decision 'within 5 working days'",
             "follow_up", 2),
    Scenario("akan_menghubungi", "id", "PT Sinar Pagi Retail", "Store Operations Supervisor",
             "'we will contact you', after praise",
             "wait", 5),
    Scenario("offering_letter", "id", "PT Cakrawala Logistik", "Supply Chain Analyst",
             "an offer letter with a reply deadline",
             "respond_to_offer", None),
    Scenario("kabari_kamis", "id", "Lokatani", "Product Designer",
             "a casual 'no news by Thursday? message me'",
             "follow_up", 4),
    Scenario("masih_proses", "id", "PT Bumi Aksara Teknologi", "Backend Developer",
             "'the selection is taking longer', no date",
             "stay_in_touch", 3),
)
SCENARIOS: dict[str, Scenario] = {s.key: s for s in _ALL}


@dataclass
class DemoMail:
    """One message of the sample. `reply_to` is the index (in its application) of the message
    it answers; `thread` tells Gmail threads of one application apart."""

    at: datetime
    sender: tuple[str, str]
    to: tuple[str, str]
    subject: str
    text: str
    labels: str = "Inbox,Opened"
    thread: int = 0
    reply_to: int | None = None
    quote: bool = True                 # a reply quotes what it answers, as mail clients do
    html: str | None = None            # "alternative" (plain + HTML) or "only" (HTML alone)
    invite: tuple[datetime, datetime, str] | None = None  # (start, end, summary) as an .ics part
    attachment: tuple[str, str, bytes] | None = None      # (filename, MIME type, content)


@dataclass
class DemoApplication:
    scenario: Scenario
    mails: list[DemoMail] = field(default_factory=list)
    due: date | None = None  # the step's expected due date


# ---- calendar arithmetic ------------------------------------------------------------------------

def _weekday_on_or_before(day: date) -> date:
    """The latest Monday-to-Friday day on or before `day` (recruiters write on working days)."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _business_days_after(day: date, n: int) -> date:
    """`day` plus `n` Monday-to-Friday days, `day` itself not counted (CHECKINS.md)."""
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _first_after(day: date, weekday: int) -> date:
    """The first `weekday` (0 = Monday) strictly after `day`: "by Thursday"."""
    return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def _friday_of_next_week(day: date) -> date:
    return day - timedelta(days=day.weekday()) + timedelta(days=11)


_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ID_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_ID_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
              "November", "Desember")


def _en(day: date) -> str:
    """'Thursday, 15 May'."""
    return f"{_EN_DAYS[day.weekday()]}, {day.day} {day:%B}"


def _en_us(day: date) -> str:
    """'Thursday, May 15'."""
    return f"{_EN_DAYS[day.weekday()]}, {day:%B} {day.day}"


def _id(day: date) -> str:
    """'Kamis, 15 Mei 2025'."""
    return f"{_ID_DAYS[day.weekday()]}, {day.day} {_ID_MONTHS[day.month - 1]} {day.year}"


def _clock(moment: datetime) -> str:
    """'8:30 am'."""
    return f"{moment.hour % 12 or 12}:{moment:%M} {'am' if moment.hour < 12 else 'pm'}"


# ---- the people ---------------------------------------------------------------------------------

YOU = (ME_NAME, ME)


def _signature(*lines: str) -> str:
    return "\n".join(lines)


# ---- the applications ---------------------------------------------------------------------------

class _Builder:
    def __init__(self, today: date, tz: tzinfo):
        self.today, self.tz = today, tz

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), self.tz)

    def day(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def workday(self, offset: int) -> date:
        """A working day around `today + offset` (that day, or the Friday before it)."""
        return _weekday_on_or_before(self.day(offset))

    # Each method returns one application; the order is the order of SCENARIOS.

    def thank_you_morning(self) -> DemoApplication:
        applied = self.workday(-19)
        invited = self.workday(-3)
        start = self.at(self.today, 8, 30)
        end = start + timedelta(minutes=45)
        priya = ("Priya Raman", "priya.raman@northwindlabs.example")
        ack = DemoMail(
            self.at(applied, 21, 7), ("Northwind Labs via Greenhouse", "no-reply@greenhouse.example"), YOU,
            "Thank you for applying to Northwind Labs",
            "Hi Alex,\n\n"
            "Thanks for applying to the Product Analyst role at Northwind Labs! We've received your application "
            "and our team is reviewing it now.\n\n"
            "In the meantime, you can learn more about how we work on our blog.\n\n"
            "Best,\nThe Northwind Labs Recruiting Team\n\n"
            "This message was sent by Greenhouse on behalf of Northwind Labs. Please do not reply to this email.",
            labels="Inbox,Category Updates,Opened", html="alternative")
        invite = DemoMail(
            self.at(invited, 11, 42), priya, YOU, "Interview: Product Analyst with Daniel Osei",
            "Hi Alex,\n\n"
            "Thanks again for the chat last week - I really enjoyed hearing about your pricing experiments.\n\n"
            f"I'd love to move you forward to an interview with Daniel Osei, our Head of Product Analytics. I've "
            f"sent a calendar invitation for {_en(self.today)} at {_clock(start)} (45 minutes, on Google Meet). "
            "Daniel starts early, hence the early slot; just let me know if it doesn't suit you and I'll find "
            "another time.\n\n"
            "He'll ask you to walk him through one analysis you're proud of, so it's worth having a chart or "
            "two ready to share.\n\n"
            "Best,\nPriya\n\n"
            + _signature("Priya Raman", "Senior Talent Partner | Northwind Labs"),
            thread=1, invite=(start, end, "Interview: Product Analyst (Alex Morgan / Daniel Osei)"))
        confirm = DemoMail(
            self.at(invited, 12, 20), YOU, priya, "Re: Interview: Product Analyst with Daniel Osei",
            f"Hi Priya,\n\nThank you! {_EN_DAYS[self.today.weekday()]} at {_clock(start)} works well for me, "
            "and I've accepted the invite. I'll have an analysis ready to walk through.\n\nBest,\nAlex",
            labels="Sent", thread=1, reply_to=1)
        return DemoApplication(SCENARIOS["thank_you_morning"], [ack, invite, confirm], due=self.today)

    def thank_you_afternoon(self) -> DemoApplication:
        interview_day = self.day(-1)
        invited = _weekday_on_or_before(interview_day - timedelta(days=5))
        sophie = ("Sophie Turner", "sophie.turner@haldenrowe.example")
        invite = DemoMail(
            self.at(invited, 10, 15), sophie, YOU, "Marketing Manager - second interview",
            "Hi Alex,\n\n"
            "Thank you for your time on the phone earlier this week. I'm pleased to say that we'd like to invite "
            "you to a second interview for the Marketing Manager position, this time with our CMO, Mark Ellison.\n\n"
            f"Would {_en(interview_day)} at 3:00 pm work for you? The interview will be at our office "
            "(12 Canal Street, 3rd floor) and should last about an hour. Please ask for me at reception.\n\n"
            "Kind regards,\n\n"
            + _signature("Sophie Turner", "HR Business Partner", "Halden & Rowe", "+44 20 7946 0321"))
        reply = DemoMail(
            self.at(invited, 13, 2), YOU, sophie, "Re: Marketing Manager - second interview",
            f"Hi Sophie,\n\nThanks for the good news. {_EN_DAYS[interview_day.weekday()]} at 3:00 pm works "
            "for me - see you then.\n\nBest regards,\nAlex Morgan",
            labels="Sent", reply_to=0)
        return DemoApplication(SCENARIOS["thank_you_afternoon"], [invite, reply], due=self.today)

    def decision_end_of_next_week(self) -> DemoApplication:
        interview_day = self.workday(-8)
        invited = _weekday_on_or_before(interview_day - timedelta(days=4))
        status_day = _business_days_after(interview_day, 1)
        named = _friday_of_next_week(status_day)
        marcus = ("Marcus Bell", "marcus.bell@bramblehealth.example")
        invite = DemoMail(
            self.at(invited, 16, 20), marcus, YOU, "Bramble Health | Data Engineer interview",
            "Hello Alex,\n\n"
            "Thank you for applying for the Data Engineer role at Bramble Health. The hiring team would like to "
            f"meet you for a technical interview on {_en_us(interview_day)} at 11:00 am at our office. You will "
            "meet Hannah Ito (Engineering Manager) and one of the engineers from the data platform team.\n\n"
            "Please reply to confirm.\n\n"
            "Regards,\n"
            + _signature("Marcus Bell", "Talent Acquisition", "Bramble Health"),
            html="alternative")
        confirm = DemoMail(
            self.at(invited, 17, 3), YOU, marcus, "RE: Bramble Health | Data Engineer interview",
            "Hello Marcus,\n\nThank you, I confirm the interview. Looking forward to meeting Hannah and the "
            "team.\n\nBest regards,\nAlex",
            labels="Sent", reply_to=0)
        thanks = DemoMail(
            self.at(interview_day, 16, 45), YOU, marcus, "Thank you - Data Engineer interview",
            "Hello Marcus,\n\n"
            "Thank you for arranging today's interview, and please pass my thanks to Hannah and Tomas. I enjoyed "
            "the discussion about moving the claims pipeline to streaming - I've been thinking about how a "
            "change-data-capture feed could keep the reporting tables fresh without the nightly batch.\n\n"
            "It was great to see how closely the data team works with the clinicians. I'd be glad to be part "
            "of it.\n\nBest regards,\nAlex Morgan",
            labels="Sent", reply_to=1, quote=False)
        status = DemoMail(
            self.at(status_day, 10, 5), marcus, YOU, "RE: Thank you - Data Engineer interview",
            "Hi Alex,\n\n"
            "Thank you for your note, and thanks again for coming in. Hannah and Tomas enjoyed the conversation.\n\n"
            "We have two more candidates to meet this week, and we expect to make a final decision by the end of "
            "next week. I'll be in touch either way.\n\n"
            "Best regards,\n"
            + _signature("Marcus Bell", "Talent Acquisition", "Bramble Health"),
            reply_to=2, html="alternative")
        due = _business_days_after(named, 2)
        return DemoApplication(SCENARIOS["decision_end_of_next_week"], [invite, confirm, thanks, status], due=due)

    def long_silence(self) -> DemoApplication:
        applied = self.workday(-46)
        acknowledged = _business_days_after(applied, 1)
        checked_in = self.workday(-16)
        careers = ("Larkspur Studio Careers", "careers@larkspurstudio.example")
        application = DemoMail(
            self.at(applied, 9, 10), YOU, careers, "Application: UX Researcher - Alex Morgan",
            "Dear Hiring Team,\n\n"
            "Please find attached my CV and portfolio for the UX Researcher role advertised on your website.\n\n"
            "I have spent the last four years running mixed-methods research for consumer apps, most recently "
            "a diary study with 40 first-time home buyers. Your case study on the library wayfinding project "
            "is what made me want to apply.\n\n"
            "Kind regards,\nAlex Morgan",
            labels="Sent", attachment=("Alex_Morgan_CV.pdf", "application/pdf", _tiny_pdf("Alex Morgan - CV")))
        ack = DemoMail(
            self.at(acknowledged, 14, 2), careers, YOU, "Re: Application: UX Researcher - Alex Morgan",
            "Dear Alex,\n\n"
            "Thank you for your application for the UX Researcher position at Larkspur Studio. We have received "
            "your CV and portfolio, and our team is reviewing all applications carefully.\n\n"
            "Best wishes,\nLarkspur Studio",
            reply_to=0)
        note = DemoMail(
            self.at(checked_in, 10, 30), YOU, careers, "Re: Application: UX Researcher - Alex Morgan",
            "Dear Larkspur Studio team,\n\n"
            "I hope you're well. I wanted to check in on my application for the UX Researcher role, which I'm "
            "still very excited about.\n\n"
            "I recently came across an article on running remote usability tests with older adults, and "
            "thought of your work with the city library - I'd be happy to share it.\n\n"
            "Kind regards,\nAlex Morgan",
            labels="Sent", reply_to=1)
        due = checked_in + timedelta(days=21)
        return DemoApplication(SCENARIOS["long_silence"], [application, ack, note], due=due)

    def by_thursday(self) -> DemoApplication:
        sent = self.workday(-2)
        approached = _weekday_on_or_before(sent - timedelta(days=6))
        thursday = _first_after(sent, 3)
        tom = ("Tom Whitaker", "tom.whitaker@quarryvale.example")
        outreach = DemoMail(
            self.at(approached, 9, 48), tom, YOU, "Senior Accountant - manufacturing client",
            "Hi Alex,\n\n"
            "I came across your profile and wondered whether you'd be open to a conversation about a Senior "
            "Accountant role with one of my clients, a family-owned manufacturer in the Midlands. It's a "
            "permanent position, hybrid (two days in the office), reporting to the Finance Director.\n\n"
            "If it sounds interesting, could you send me an up-to-date CV?\n\n"
            "Thanks,\nTom\n\n"
            + _signature("Tom Whitaker", "Senior Consultant, Finance & Accounting",
                         "Quarry & Vale Recruitment", "07700 900461"))
        reply = DemoMail(
            self.at(approached, 18, 31), YOU, tom, "Re: Senior Accountant - manufacturing client",
            "Hi Tom,\n\nThanks for reaching out - yes, I'd be interested. My CV is attached.\n\nBest,\nAlex",
            labels="Sent", reply_to=0,
            attachment=("Alex_Morgan_CV.pdf", "application/pdf", _tiny_pdf("Alex Morgan - CV")))
        update = DemoMail(
            self.at(sent, 15, 12), tom, YOU, "Re: Senior Accountant - manufacturing client",
            "Hi Alex,\n\n"
            "Quick update: I've sent your CV over to the Finance Director and she's going through the shortlist "
            "this week.\n\n"
            f"If you haven't heard from me by Thursday, give me a call or drop me an email and I'll chase her.\n\n"
            "Cheers,\nTom\n\n"
            + _signature("Tom Whitaker", "Senior Consultant, Finance & Accounting",
                         "Quarry & Vale Recruitment", "07700 900461"),
            reply_to=1)
        due = _business_days_after(thursday, 1)
        return DemoApplication(SCENARIOS["by_thursday"], [outreach, reply, update], due=due)

    def two_unanswered(self) -> DemoApplication:
        acknowledged = self.workday(-52)
        first = self.workday(-31)
        second = self.workday(-11)
        nadia = ("Nadia Brooks", "nadia.brooks@copperline.example")
        ack = DemoMail(
            self.at(acknowledged, 11, 26), nadia, YOU, "Your application - Operations Analyst",
            "Hi Alex,\n\n"
            "Thanks for applying for the Operations Analyst role at Copperline Logistics. I've received your "
            "application and shared it with the hiring manager.\n\n"
            "Best regards,\n"
            + _signature("Nadia Brooks", "Talent Acquisition Specialist", "Copperline Logistics"),
            html="only")
        follow_up = DemoMail(
            self.at(first, 9, 55), YOU, nadia, "Re: Your application - Operations Analyst",
            "Hi Nadia,\n\n"
            "I hope you're doing well. I wanted to follow up on my application for the Operations Analyst role - "
            "is there any update on the next steps?\n\n"
            "I'm still very interested in the role, especially the work on route planning.\n\n"
            "Best regards,\nAlex Morgan",
            labels="Sent", reply_to=0)
        again = DemoMail(
            self.at(second, 10, 20), YOU, nadia, "Re: Your application - Operations Analyst",
            "Hi Nadia,\n\n"
            "Just checking in once more on the Operations Analyst role. I understand these things take time; "
            "I'd be grateful for any update when you have one.\n\n"
            "Best regards,\nAlex Morgan",
            labels="Sent", reply_to=1)
        return DemoApplication(SCENARIOS["two_unanswered"], [ack, follow_up, again], due=None)

    def rejection(self) -> DemoApplication:
        applied = self.workday(-24)
        decided = self.workday(-1)
        relay = ("Tessellate Bank", "no-reply@hire.lever.example")
        ack = DemoMail(
            self.at(applied, 8, 2), relay, YOU, "Thank you for your application to Tessellate Bank",
            "Hi Alex,\n\n"
            "Thank you for your interest in Tessellate Bank! We have received your application for the Risk "
            "Analyst position and our team will review it shortly.\n\n"
            "Regards,\nTessellate Bank Talent Acquisition",
            labels="Inbox,Category Updates,Opened", html="only")
        rejection = DemoMail(
            self.at(decided, 16, 40), relay, YOU, "Your application to Tessellate Bank",
            "Hi Alex,\n\n"
            "Thank you for your interest in the Risk Analyst position at Tessellate Bank and for the time you "
            "invested in the process.\n\n"
            "After careful consideration, we have decided to move forward with other candidates whose "
            "experience more closely matches our current needs.\n\n"
            "We'll keep your details on file and encourage you to apply for future openings that match your "
            "profile.\n\n"
            "We wish you every success in your search.\n\n"
            "Regards,\nTessellate Bank Talent Acquisition",
            labels="Inbox,Category Updates,Opened", html="only")
        due = _business_days_after(decided, 1)
        return DemoApplication(SCENARIOS["rejection"], [ack, rejection], due=due)

    def interview_ahead(self) -> DemoApplication:
        interview_day = _weekday_on_or_after(self.day(3))
        invited = self.workday(-1)
        elena = ("Elena Vasquez", "elena@orchardrobotics.example")
        invite = DemoMail(
            self.at(invited, 15, 10), elena, YOU, "Orchard Robotics - interview for Embedded Software Engineer",
            "Hi Alex,\n\n"
            "Thanks for your application for the Embedded Software Engineer position. Our CTO, Ravi, read your "
            "CV and would like to meet you.\n\n"
            f"I've booked a video interview for {_en_us(interview_day)} at 10:00 am with Ravi and Jun from the "
            "firmware team. It's 60 minutes: a conversation about your experience, then a short design "
            "exercise (no coding on the spot).\n\n"
            "The Zoom link will follow in a calendar invitation.\n\n"
            "Best,\nElena\n\n"
            + _signature("Elena Vasquez", "People & Talent", "Orchard Robotics"))
        reply = DemoMail(
            self.at(invited, 15, 58), YOU, elena, "Re: Orchard Robotics - interview for Embedded Software Engineer",
            "Hi Elena,\n\nThank you - that time works for me. I'm looking forward to meeting Ravi and Jun.\n\n"
            "Best,\nAlex",
            labels="Sent", reply_to=0)
        return DemoApplication(SCENARIOS["interview_ahead"], [invite, reply], due=interview_day)

    def assessment(self) -> DemoApplication:
        sent = self.workday(-2)
        expires = sent + timedelta(days=7)
        recruiter = ("Imogen Clarke", "imogen.clarke@kestrelgames.example")
        heads_up = DemoMail(
            self.at(sent, 10, 3), recruiter, YOU, "Backend Engineer - next step",
            "Hi Alex,\n\n"
            "Thanks for your application for the Backend Engineer role at Kestrel Games - the team liked your "
            "matchmaking service on GitHub.\n\n"
            "The next step is a short online coding test. You'll get an invitation from Codility in a few "
            "minutes; it takes about 90 minutes and you can do it whenever suits you within the week.\n\n"
            "Good luck!\nImogen\n\n"
            + _signature("Imogen Clarke", "Technical Recruiter, Kestrel Games"))
        test = DemoMail(
            self.at(sent, 10, 11), ("Kestrel Games via Codility", "no-reply@codility.example"), YOU,
            "Kestrel Games invites you to a coding test",
            "Hello Alex,\n\n"
            "Kestrel Games has invited you to complete a coding test for the Backend Engineer position.\n\n"
            "Time limit: 90 minutes\nTasks: 3\nLanguages: Python, Go, Java\n\n"
            f"The test link expires on {_en(expires)} {expires.year} at 23:59. Please complete the test before "
            "then. Once you start, the timer cannot be paused.\n\n"
            "Start the test: https://app.codility.example/test/KG-7F3A91\n\n"
            "Good luck!\nThe Codility team, on behalf of Kestrel Games",
            labels="Inbox,Category Updates,Opened", thread=1, html="alternative")
        return DemoApplication(SCENARIOS["assessment"], [heads_up, test], due=expires)

    def closed(self) -> DemoApplication:
        decided = self.workday(-6)
        interview_day = _weekday_on_or_before(decided - timedelta(days=5))
        invited = _weekday_on_or_before(interview_day - timedelta(days=3))
        jonah = ("Jonah Price", "jonah.price@saltmarshmedia.example")
        invite = DemoMail(
            self.at(invited, 14, 25), jonah, YOU, "Content Strategist interview",
            "Hi Alex,\n\n"
            "Thanks for applying for the Content Strategist role at Saltmarsh Media. We'd like to invite you to "
            f"an interview with me and our Editorial Director, Ruth, on {_en(interview_day)} at 2:30 pm via "
            "Teams.\n\nDoes that work for you?\n\n"
            "Cheers,\nJonah")
        confirm = DemoMail(
            self.at(invited, 16, 40), YOU, jonah, "Re: Content Strategist interview",
            "Hi Jonah,\n\nYes, that works - thank you. Talk soon.\n\nAlex", labels="Sent", reply_to=0)
        thanks = DemoMail(
            self.at(interview_day, 17, 50), YOU, jonah, "Re: Content Strategist interview",
            "Hi Jonah,\n\n"
            "Thank you and Ruth for your time this afternoon. I enjoyed talking about the newsletter relaunch; "
            "the idea of a weekly explainer built from reader questions stayed with me.\n\n"
            "Best,\nAlex",
            labels="Sent", reply_to=1)
        rejection = DemoMail(
            self.at(decided, 11, 15), jonah, YOU, "Re: Content Strategist interview",
            "Hi Alex,\n\n"
            "Thank you again for interviewing with us. It was a difficult decision, but we've decided to offer "
            "the role to another candidate whose experience is a closer match for what we need right now.\n\n"
            "Ruth and I really enjoyed meeting you, and I hope our paths cross again.\n\n"
            "All the best,\nJonah",
            reply_to=2)
        final = DemoMail(
            self.at(_business_days_after(decided, 1), 9, 40), YOU, jonah, "Re: Content Strategist interview",
            "Hi Jonah,\n\n"
            "Thank you for letting me know, and for the time you and Ruth gave me. If you have any feedback on "
            "my interview I'd be grateful to hear it. I'd welcome the chance to work with Saltmarsh Media in "
            "the future.\n\nAll the best,\nAlex",
            labels="Sent", reply_to=3)
        return DemoApplication(SCENARIOS["closed"], [invite, confirm, thanks, rejection, final], due=None)

    # ---- Indonesian ------------------------------------------------------------------------------

    def keputusan_hari_kerja(self) -> DemoApplication:
        interview_day = self.workday(-7)
        invited = _weekday_on_or_before(interview_day - timedelta(days=4))
        status_day = _business_days_after(interview_day, 1)
        hr = ("Rekrutmen PT Rimba Data Nusantara", "rekrutmen@rimbadata.example")
        invite = DemoMail(
            self.at(invited, 9, 0), hr, YOU, "Undangan Wawancara - Data Analyst",
            "Yth. Saudara Alex Morgan,\n\n"
            "Terima kasih atas lamaran Anda untuk posisi Data Analyst di PT Rimba Data Nusantara. Berdasarkan "
            "hasil seleksi administrasi, dengan ini kami mengundang Anda untuk mengikuti wawancara dengan "
            "user pada:\n\n"
            f"Hari/tanggal : {_id(interview_day)}\n"
            "Waktu        : 10.00 - 11.00\n"
            "Tempat       : Gedung Wisma Rimba lt. 8, Jl. Gatot Subroto Kav. 21, Jakarta Selatan\n\n"
            "Mohon konfirmasi kehadiran Anda dengan membalas email ini.\n\n"
            "Hormat kami,\nTim Rekrutmen\nPT Rimba Data Nusantara")
        confirm = DemoMail(
            self.at(invited, 10, 12), YOU, hr, "Re: Undangan Wawancara - Data Analyst",
            "Selamat pagi Bapak/Ibu,\n\nTerima kasih atas undangannya. Saya mengonfirmasi kehadiran saya pada "
            "jadwal tersebut.\n\nHormat saya,\nAlex Morgan",
            labels="Sent", reply_to=0)
        thanks = DemoMail(
            self.at(interview_day, 15, 30), YOU, hr, "Re: Undangan Wawancara - Data Analyst",
            "Selamat sore Bapak/Ibu,\n\n"
            "Terima kasih atas kesempatan wawancara hari ini. Diskusi mengenai dasbor penjualan regional sangat "
            "menarik, dan saya punya beberapa ide untuk mempercepat pembaruan datanya.\n\n"
            "Hormat saya,\nAlex Morgan",
            labels="Sent", reply_to=1)
        status = DemoMail(
            self.at(status_day, 13, 45), hr, YOU, "Re: Undangan Wawancara - Data Analyst",
            "Yth. Saudara Alex Morgan,\n\n"
            "Terima kasih telah mengikuti tahap wawancara user kemarin.\n\n"
            "Hasil akhir proses seleksi akan kami informasikan melalui email dalam 5 (lima) hari kerja.\n\n"
            "Hormat kami,\nTim Rekrutmen\nPT Rimba Data Nusantara",
            reply_to=2)
        due = _business_days_after(_business_days_after(status_day, 5), 2)
        return DemoApplication(SCENARIOS["keputusan_hari_kerja"], [invite, confirm, thanks, status], due=due)

    def akan_menghubungi(self) -> DemoApplication:
        interview_day = self.workday(-12)
        invited = _weekday_on_or_before(interview_day - timedelta(days=3))
        news_day = _business_days_after(interview_day, 2)
        dita = ("Dita Anggraini", "dita.anggraini@sinarpagi.example")
        invite = DemoMail(
            self.at(invited, 14, 0), dita, YOU, "Jadwal wawancara - Store Operations Supervisor",
            "Selamat siang Alex,\n\n"
            "Terima kasih sudah melamar posisi Store Operations Supervisor di PT Sinar Pagi Retail. Kami ingin "
            f"mengundang Anda wawancara dengan Area Manager kami pada hari {_id(interview_day)} pukul 13.30 WIB "
            "melalui Google Meet.\n\n"
            "Mohon balas email ini untuk konfirmasi.\n\n"
            "Salam,\nDita Anggraini\nHR Recruitment - PT Sinar Pagi Retail")
        confirm = DemoMail(
            self.at(invited, 15, 21), YOU, dita, "Re: Jadwal wawancara - Store Operations Supervisor",
            "Selamat siang Bu Dita,\n\nTerima kasih, saya bisa hadir sesuai jadwal.\n\nSalam,\nAlex",
            labels="Sent", reply_to=0)
        thanks = DemoMail(
            self.at(interview_day + timedelta(days=1), 9, 5), YOU, dita,
            "Re: Jadwal wawancara - Store Operations Supervisor",
            "Selamat pagi Bu Dita,\n\n"
            "Terima kasih atas kesempatan wawancara kemarin. Saya senang mendengar rencana pembukaan gerai baru "
            "di Bandung, dan saya tertarik membantu menyiapkan tim operasionalnya.\n\n"
            "Salam,\nAlex",
            labels="Sent", reply_to=1)
        news = DemoMail(
            self.at(news_day, 16, 10), dita, YOU, "Re: Jadwal wawancara - Store Operations Supervisor",
            "Halo Alex,\n\n"
            "Terima kasih atas waktunya. Pak Hendra cukup terkesan dengan pengalaman Anda menangani tim di "
            "gerai.\n\n"
            "Saat ini prosesnya masih di tahap internal. Nanti kami akan menghubungi Anda kembali jika sudah "
            "ada keputusan ya.\n\n"
            "Salam,\nDita",
            reply_to=2)
        return DemoApplication(SCENARIOS["akan_menghubungi"], [invite, confirm, thanks, news], due=None)

    def offering_letter(self) -> DemoApplication:
        sent = self.workday(-1)
        deadline = _weekday_on_or_after(sent + timedelta(days=5))
        hr = ("HR PT Cakrawala Logistik", "hr.recruitment@cakrawalalogistik.example")
        offer = DemoMail(
            self.at(sent, 10, 30), hr, YOU, "Offering Letter - Supply Chain Analyst",
            "Dengan hormat,\n\n"
            "Menindaklanjuti rangkaian proses seleksi yang telah Saudara ikuti, dengan senang hati kami "
            "sampaikan bahwa PT Cakrawala Logistik menawarkan posisi Supply Chain Analyst kepada Saudara.\n\n"
            "Rincian penawaran (gaji, tunjangan, dan tanggal mulai bekerja) dapat Saudara lihat pada offering "
            "letter terlampir.\n\n"
            f"Mohon konfirmasi penerimaan penawaran ini paling lambat {_id(deadline)} dengan membalas email ini "
            "beserta offering letter yang telah ditandatangani.\n\n"
            "Atas perhatian Saudara, kami ucapkan terima kasih.\n\n"
            "Hormat kami,\nHuman Resources Department\nPT Cakrawala Logistik",
            html="alternative",
            attachment=("Offering_Letter_Alex_Morgan.pdf", "application/pdf", _tiny_pdf("Offering Letter")))
        return DemoApplication(SCENARIOS["offering_letter"], [offer], due=deadline)

    def kabari_kamis(self) -> DemoApplication:
        sent = self.workday(-1)
        chatted = _weekday_on_or_before(sent - timedelta(days=1))
        thursday = _first_after(sent, 3)
        rara = ("Rara Putri", "rara@lokatani.example")
        hello = DemoMail(
            self.at(chatted, 19, 40), YOU, rara, "Lamaran Product Designer - Alex Morgan",
            "Halo Kak Rara,\n\n"
            "Seperti obrolan kita di acara meetup kemarin, saya kirimkan CV dan portofolio saya untuk posisi "
            "Product Designer di Lokatani.\n\n"
            "Terima kasih, Kak!\nAlex",
            labels="Sent", attachment=("Alex_Morgan_Portfolio.pdf", "application/pdf", _tiny_pdf("Portfolio")))
        reply = DemoMail(
            self.at(sent, 11, 5), rara, YOU, "Re: Lamaran Product Designer - Alex Morgan",
            "Hai Alex!\n\n"
            "Makasih ya CV sama portofolionya udah aku terima. Udah aku terusin ke Head of Design kita, Mas "
            "Bima, minggu ini beliau lagi review kandidat.\n\n"
            "Kalau sampai Kamis belum ada kabar dari aku, langsung chat atau email aku aja ya, nanti aku "
            "tanyain ke Mas Bima.\n\n"
            "Cheers,\nRara\nTalent @ Lokatani",
            reply_to=0)
        due = _business_days_after(thursday, 1)
        return DemoApplication(SCENARIOS["kabari_kamis"], [hello, reply], due=due)

    def masih_proses(self) -> DemoApplication:
        interview_day = self.workday(-27)
        invited = _weekday_on_or_before(interview_day - timedelta(days=4))
        update_day = self.workday(-10)
        hr = ("Tim Rekrutmen Bumi Aksara", "karier@bumiaksara.example")
        invite = DemoMail(
            self.at(invited, 13, 0), hr, YOU, "Undangan Interview Backend Developer - PT Bumi Aksara Teknologi",
            "Halo Alex,\n\n"
            "Terima kasih telah melamar sebagai Backend Developer di PT Bumi Aksara Teknologi. Kami mengundang "
            f"Anda untuk interview teknis pada {_id(interview_day)}, pukul 10.00 WIB, via Zoom.\n\n"
            "Link Zoom akan kami kirimkan sehari sebelumnya.\n\n"
            "Salam,\nTim Rekrutmen\nPT Bumi Aksara Teknologi")
        confirm = DemoMail(
            self.at(invited, 14, 30), YOU, hr, "Re: Undangan Interview Backend Developer - PT Bumi Aksara Teknologi",
            "Halo Tim Rekrutmen,\n\nTerima kasih, saya bersedia mengikuti interview sesuai jadwal.\n\n"
            "Salam,\nAlex Morgan",
            labels="Sent", reply_to=0)
        thanks = DemoMail(
            self.at(interview_day, 14, 0), YOU, hr, "Re: Undangan Interview Backend Developer - PT Bumi Aksara Teknologi",
            "Halo Tim Rekrutmen,\n\n"
            "Terima kasih atas interview tadi pagi. Saya senang bisa berdiskusi soal migrasi layanan pembayaran "
            "ke arsitektur event-driven.\n\n"
            "Salam,\nAlex Morgan",
            labels="Sent", reply_to=1)
        update = DemoMail(
            self.at(update_day, 17, 20), hr, YOU, "Re: Undangan Interview Backend Developer - PT Bumi Aksara Teknologi",
            "Halo Alex,\n\n"
            "Mohon maaf baru bisa memberi kabar. Proses seleksi untuk posisi Backend Developer masih berjalan, "
            "karena ada penyesuaian struktur tim di divisi engineering, sehingga keputusannya membutuhkan waktu "
            "lebih lama dari perkiraan kami.\n\n"
            "Terima kasih atas kesabarannya.\n\n"
            "Salam,\nTim Rekrutmen\nPT Bumi Aksara Teknologi",
            reply_to=2)
        due = update_day + timedelta(days=14)
        return DemoApplication(SCENARIOS["masih_proses"], [invite, confirm, thanks, update], due=due)


def _tiny_pdf(title: str) -> bytes:
    """A small, valid one-page PDF standing in for a CV or an offer letter."""
    text = title.replace("\\", "").replace("(", "").replace(")", "")
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# ---- the plan and the mbox ----------------------------------------------------------------------

def _zone(tz) -> tzinfo:
    if isinstance(tz, tzinfo):
        return tz
    return ZoneInfo(tz or "UTC")


def plan(today: date, tz) -> list[DemoApplication]:
    """Every sample application with its messages and expected due date, in SCENARIOS order.

    >>> apps = plan(date(2025, 5, 16), "Asia/Jakarta")
    >>> [a.scenario.key for a in apps][:2], apps[0].due
    (['thank_you_morning', 'thank_you_afternoon'], datetime.date(2025, 5, 16))
    """
    builder = _Builder(today, _zone(tz))
    return [getattr(builder, key)() for key in SCENARIOS]


def build_mailbox(today: date, tz) -> bytes:
    """The sample mailbox as mbox bytes (Gmail Takeout style), messages in date order.

    Pure: the same `today` and `tz` always give the same bytes. `tz` is the user's time zone (an
    IANA name or a tzinfo); the sample's senders write in it, so that "this morning" and "by
    Thursday" mean the same to both sides.
    """
    entries = []
    for number, app in enumerate(plan(today, tz), 1):
        ids = [_message_id(app.scenario.key, i, mail, today) for i, mail in enumerate(app.mails)]
        refs: list[list[str]] = []
        first_at: dict[int, datetime] = {}
        for i, mail in enumerate(app.mails):
            first_at.setdefault(mail.thread, mail.at)
            chain = refs[mail.reply_to] + [ids[mail.reply_to]] if mail.reply_to is not None else []
            refs.append(chain)
            thrid = _gmail_id(first_at[mail.thread], number * 16 + mail.thread)
            msgid = _gmail_id(mail.at, number * 16 + i)
            quoted = app.mails[mail.reply_to] if mail.reply_to is not None and mail.quote else None
            raw = _render(mail, ids[i], chain, thrid, quoted)
            entries.append((mail.at, number, i, msgid, raw))
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    out = bytearray()
    for at, _, _, msgid, raw in entries:
        stamp = at.astimezone(timezone.utc)
        # Takeout's separator: "From <message id>@xxx <asctime with offset and year>".
        out += f"From {msgid}@xxx {stamp:%a %b %d %H:%M:%S} +0000 {stamp.year}\n".encode("ascii")
        out += _escape_from_lines(raw)
        if not raw.endswith(b"\n"):
            out += b"\n"
        out += b"\n"
    return bytes(out)


def _gmail_id(moment: datetime, salt: int) -> int:
    """A 64-bit id shaped like Gmail's: milliseconds since the epoch, shifted, plus a counter."""
    return (int(moment.timestamp() * 1000) << 20) | (salt & 0xFFFFF)


def _message_id(key: str, index: int, mail: DemoMail, today: date) -> str:
    digest = hashlib.sha1(f"{key}/{index}/{today.isoformat()}".encode()).hexdigest()
    domain = mail.sender[1].split("@", 1)[1]
    if mail.sender[1] == ME:
        return f"CAJ{digest[:24]}@mail.example"
    return f"{digest[:20]}.{mail.at:%Y%m%d%H%M}@{domain}"


_POLICY = SMTP.clone(linesep="\n", max_line_length=78)


def _address(person: tuple[str, str]) -> str:
    name, addr = person
    if re.search(r"[^\w .'-]", name):
        name = '"' + name.replace('"', "") + '"'
    return f"{name} <{addr}>"


def _quote(mail: DemoMail) -> str:
    """The reply's quote of the message it answers, as Gmail writes it."""
    moment = mail.at
    header = f"On {moment:%a}, {moment.day} {moment:%b %Y} at {moment:%H:%M}, {mail.sender[0]} <{mail.sender[1]}> wrote:"
    return header + "\n" + "\n".join(("> " + line).rstrip() for line in mail.text.splitlines())


def _html(text: str) -> str:
    import html as html_lib

    paragraphs = []
    for block in text.split("\n\n"):
        lines = [html_lib.escape(line) for line in block.split("\n")]
        paragraphs.append("<p style=\"margin:0 0 12px\">" + "<br>".join(lines) + "</p>")
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
            "<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222\">"
            "<div style=\"max-width:600px\">" + "\n".join(paragraphs) + "</div></body></html>")


def _ics(mail: DemoMail, uid: str) -> str:
    start, end, summary = mail.invite
    stamp = mail.at.astimezone(timezone.utc)

    def utc(moment: datetime) -> str:
        return moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")

    return "\r\n".join([
        "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0",
        "CALSCALE:GREGORIAN", "METHOD:REQUEST", "BEGIN:VEVENT",
        f"DTSTART:{utc(start)}", f"DTEND:{utc(end)}", f"DTSTAMP:{utc(stamp)}",
        f"ORGANIZER;CN={mail.sender[0]}:mailto:{mail.sender[1]}", f"UID:{uid}",
        f"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN={ME_NAME}:mailto:{ME}",
        f"SUMMARY:{summary}", "STATUS:CONFIRMED", "SEQUENCE:0", "END:VEVENT", "END:VCALENDAR", "",
    ])


def _render(mail: DemoMail, message_id: str, refs: list[str], thrid: int, quoted: DemoMail | None) -> bytes:
    msg = EmailMessage(policy=_POLICY)
    msg["X-GM-THRID"] = str(thrid)
    msg["X-Gmail-Labels"] = mail.labels
    if mail.sender[1] != ME:
        msg["Delivered-To"] = ME
    msg["Message-ID"] = f"<{message_id}>"
    if refs:
        msg["In-Reply-To"] = f"<{refs[-1]}>"
        msg["References"] = " ".join(f"<{r}>" for r in refs)
    msg["Date"] = format_datetime(mail.at)
    msg["From"] = _address(mail.sender)
    msg["To"] = _address(mail.to)
    msg["Subject"] = mail.subject
    if mail.sender[1].startswith("no-reply@"):
        msg["Auto-Submitted"] = "auto-generated"
    text = mail.text
    if quoted is not None:
        text = text + "\n\n" + _quote(quoted)
    if mail.html == "only":
        msg.set_content(_html(text), subtype="html")
    else:
        msg.set_content(text)
        if mail.html == "alternative":
            msg.add_alternative(_html(text), subtype="html")
    if mail.invite is not None:
        if msg.get_content_type() != "multipart/alternative":
            msg.make_alternative()
        msg.add_alternative(_ics(mail, message_id.split("@")[0] + "@calendar.example"), subtype="calendar",
                            params={"method": "REQUEST"})
        msg.make_mixed()
        msg.add_attachment(_ics(mail, message_id.split("@")[0] + "@calendar.example").encode("utf-8"),
                           maintype="application", subtype="ics", filename="invite.ics")
    if mail.attachment is not None:
        name, ctype, data = mail.attachment
        maintype, subtype = ctype.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    # Fixed boundaries: the same day always gives the same bytes.
    for number, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"000000000000{hashlib.sha1(f'{message_id}/{number}'.encode()).hexdigest()[:16]}")
    return msg.as_bytes()


_FROM_LINE = re.compile(rb"^(>*From )", re.M)


def _escape_from_lines(raw: bytes) -> bytes:
    """mboxrd quoting (RFC 4155): a body line starting ">*From " gains one ">"."""
    return _FROM_LINE.sub(rb">\1", raw)
