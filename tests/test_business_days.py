from datetime import date

import pytest

from models.business_days import add_business_days, public_holidays


@pytest.mark.parametrize("start, n, expected", [
    (date(2025, 3, 14), 2, date(2025, 3, 18)),   # Fri + 2
    (date(2025, 3, 13), 1, date(2025, 3, 14)),   # Thu + 1
    (date(2025, 3, 15), 1, date(2025, 3, 17)),   # Sat + 1
    (date(2025, 3, 16), 5, date(2025, 3, 21)),   # Sun + 5
    (date(2025, 12, 31), 1, date(2026, 1, 1)),
    (date(2025, 3, 14), 0, date(2025, 3, 14)),
])
def test_add_business_days(start, n, expected):
    assert add_business_days(start, n) == expected


def test_holidays_are_skipped():
    idn = public_holidays("ID", (2025,))
    assert date(2025, 8, 17) in idn  # Indonesian Independence Day
    assert add_business_days(date(2025, 12, 24), 1, public_holidays("GB", (2025,))) == date(2025, 12, 29)


def test_an_unknown_country_is_a_clear_error():
    with pytest.raises(ValueError, match="ISO 3166"):
        public_holidays("XX", (2025,))
