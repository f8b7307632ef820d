"""Business-day arithmetic on plain calendar dates (CHECKINS.md: "business day" = Mon–Fri).

Optionally a country's public holidays are skipped too (the `holidays` package, imported only
when a country is configured).
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Container


def is_business_day(day: date, holidays: Container[date] = ()) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_business_days(day: date, n: int, holidays: Container[date] = ()) -> date:
    """`day` plus `n` business days, `day` itself not counted.

    >>> add_business_days(date(2025, 3, 14), 2)   # Friday + 2 -> Tuesday
    datetime.date(2025, 3, 18)
    >>> add_business_days(date(2025, 3, 15), 1)   # Saturday + 1 -> Monday
    datetime.date(2025, 3, 17)
    """
    step = 1 if n >= 0 else -1
    remaining = abs(n)
    while remaining:
        day += timedelta(days=step)
        if is_business_day(day, holidays):
            remaining -= 1
    return day


@lru_cache(maxsize=32)
def public_holidays(country: str | None, years: tuple[int, ...]) -> frozenset[date]:
    """The public holidays of `country` (ISO 3166 code such as "ID", "GB", "US") in `years`.

    >>> date(2025, 12, 25) in public_holidays("GB", (2025,))
    True
    """
    if not country:
        return frozenset()
    import holidays as holidays_lib

    try:
        found = holidays_lib.country_holidays(country.upper(), years=list(years))
    except NotImplementedError as exc:
        raise ValueError(f"no public-holiday calendar for country {country!r}: use an ISO 3166 code such as ID, GB or US") from exc
    return frozenset(found.keys())
