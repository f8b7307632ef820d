"""What the user heard outside the mailbox ("they said end of next week") as a date.

The date resolver (`watcher.dates.find_dates`) reads the text against the moment the user heard
it; a vague phrase ("soon") gives no date, and the policy then treats it as "still deciding".
"""
from __future__ import annotations

from datetime import date, datetime


def resolve_they_said(text: str, heard_at: datetime) -> date | None:
    """The first date the text names, as seen from `heard_at`; None when vague.

    >>> resolve_they_said("soon", datetime(2025, 3, 5, 10).astimezone()) is None
    True
    """
    try:
        from watcher.dates import find_dates
    except ImportError:  # a build without the reader: the event is kept, without a date
        return None
    for mention in find_dates(text, heard_at):
        if getattr(mention, "date", None) is not None:
            return mention.date
    return None
