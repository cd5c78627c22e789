"""Business days and the void-by date of a resolution agreement (34 CFR 300.510(e)).

Pure: dates in, dates out. A date the calendar cannot hold (past 9999-12-31) is refused with
``DateOutOfRange``, a ValueError with a one-line message, never an OverflowError.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache


class DateOutOfRange(ValueError):
    """A date that would fall past the last day the calendar has (9999-12-31)."""


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ``weekday`` (0 = Monday) of a month; n = -1 for the last one (not December)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: date) -> date:
    """A fixed-date holiday on a Saturday is observed on Friday, on a Sunday on Monday."""
    if day.weekday() == 5:
        return day - timedelta(days=1)
    if day.weekday() == 6 and day < date.max:
        return day + timedelta(days=1)
    return day


@lru_cache(maxsize=64)
def federal_holidays(year: int) -> frozenset[date]:
    """The US federal holidays observed in ``year`` (5 U.S.C. 6103), with observed dates.

    Includes December 31 when the next New Year's Day falls on a Saturday.
    """
    fixed = [(1, 1), (7, 4), (11, 11), (12, 25)]
    if year >= 2021:
        fixed.append((6, 19))  # Juneteenth National Independence Day
    days = {_observed(date(year, month, day)) for month, day in fixed}
    days |= {
        _nth_weekday(year, 1, 0, 3),  # Birthday of Martin Luther King, Jr.
        _nth_weekday(year, 2, 0, 3),  # Washington's Birthday
        _nth_weekday(year, 5, 0, -1),  # Memorial Day
        _nth_weekday(year, 9, 0, 1),  # Labor Day
        _nth_weekday(year, 10, 0, 2),  # Columbus Day
        _nth_weekday(year, 11, 3, 4),  # Thanksgiving Day
    }
    if year < date.max.year:
        next_new_year = _observed(date(year + 1, 1, 1))
        if next_new_year.year == year:
            days.add(next_new_year)
    return frozenset(day for day in days if day.year == year)


def is_business_day(day: date) -> bool:
    return day.weekday() < 5 and day not in federal_holidays(day.year)


def void_by(session_date: date) -> date:
    """The last day either party may void a resolution agreement signed on ``session_date``.

    Three business days after it (34 CFR 300.510(e)): weekdays that are not US federal
    holidays. DateOutOfRange when that day would fall past 9999-12-31.
    """
    day, counted = session_date, 0
    while counted < 3:
        if day >= date.max:
            raise DateOutOfRange(
                f"three business days after {session_date.isoformat()} fall past the last date "
                "the calendar has (9999-12-31)"
            )
        day += timedelta(days=1)
        if is_business_day(day):
            counted += 1
    return day
