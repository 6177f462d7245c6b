"""Reporting periods: calendar quarters (the programme's returns) or months.

A period is kept as its first day; its kind comes from the measure. In a CSV a quarter is
written `2026-Q1` (January to March) and a month `2026-01`; on screen both are spelt out
("Jan to Mar 2026", "Jan 2026") so nobody confuses a calendar quarter with a financial one.
"""

import datetime
import re
from dataclasses import dataclass

QUARTER = "quarter"
MONTH = "month"

_QUARTER = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


class BadPeriod(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Period:
    start: datetime.date
    kind: str = QUARTER

    @property
    def end(self):
        """The day after the period's last day."""
        months = 3 if self.kind == QUARTER else 1
        month = self.start.month - 1 + months
        return datetime.date(self.start.year + month // 12, month % 12 + 1, 1)

    @property
    def code(self):
        if self.kind == QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.start:%Y-%m}"

    @property
    def label(self):
        if self.kind == QUARTER:
            last = datetime.date(self.start.year, self.start.month + 2, 1)
            return f"{self.start:%b} to {last:%b %Y}"
        return f"{self.start:%b %Y}"

    @property
    def short_label(self):
        """For a chart's axis."""
        if self.kind == QUARTER:
            return f"Q{(self.start.month - 1) // 3 + 1} {self.start:%y}"
        return f"{self.start:%b %y}"

    def next(self):
        return Period(self.end, self.kind)

    def __str__(self):
        return self.label


def is_period_start(day, kind):
    return day.day == 1 and (kind == MONTH or day.month in (1, 4, 7, 10))


def parse_period(text, kind):
    """The Period a CSV cell names, or BadPeriod saying what is wrong."""
    text = (text or "").strip()
    quarter, month = _QUARTER.match(text), _MONTH.match(text)
    if kind == QUARTER:
        if not quarter:
            raise BadPeriod(f"“{text}” is not a quarter: write it like 2026-Q1 "
                            "(January to March 2026).")
        start = datetime.date(int(quarter[1]), (int(quarter[2]) - 1) * 3 + 1, 1)
    else:
        if not month or not 1 <= int(month[2]) <= 12:
            raise BadPeriod(f"“{text}” is not a month: write it like 2026-01.")
        start = datetime.date(int(month[1]), int(month[2]), 1)
    if start.year < 2000:
        raise BadPeriod(f"{text} is before the programme began.")
    return Period(start, kind)


def periods_between(first, last):
    """Every period from `first` to `last` inclusive."""
    periods, period = [], first
    while period <= last:
        periods.append(period)
        period = period.next()
    return periods
