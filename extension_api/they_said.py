"""What the user heard outside the mailbox ("they said end of next week") as a date.

The date resolver (`watcher.dates.find_dates`) reads the text against the moment the user heard
it; a vague phrase ("soon") gives no date, and the policy then treats it as "still deciding".
"""
from __future__ import annotations

from datetime import date, datetime


# Kinds of phrase that name a time limit ("by Friday", "within 5 days", "end of next week"): what
# "they said" is about is when they will decide, so these win over a bare day ("call you Tuesday").
LIMIT_KINDS = ("by", "within", "week")


def resolve_they_said(text: str, heard_at: datetime) -> date | None:
    """The date the text gives for their decision, as seen from `heard_at`; None when vague.

    The first time limit it names, else the first date.

    >>> from zoneinfo import ZoneInfo
    >>> monday = datetime(2025, 10, 20, 9, 30, tzinfo=ZoneInfo("Asia/Jakarta"))
    >>> resolve_they_said("end of next week", monday)
    datetime.date(2025, 10, 31)
    >>> resolve_they_said("a call on Tuesday, and they decide by Friday", monday)
    datetime.date(2025, 10, 24)
    >>> resolve_they_said("soon", monday) is None
    True
    """
    try:
        from watcher.dates import find_dates
    except ImportError:  # a build without the reader: the event is kept, without a date
        return None
    found = [m for m in find_dates(text, heard_at) if m.date is not None]
    limits = [m for m in found if m.kind in LIMIT_KINDS]
    return (limits or found)[0].date if found else None
