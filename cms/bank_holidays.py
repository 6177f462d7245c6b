"""Bank holidays in England and Wales, computed from the rules (with the substitute days
given when a holiday falls at a weekend, and the one-off changes made by proclamation), so
that anything the Centre schedules can keep to working days without a network look-up."""

import datetime
import functools

ONE_DAY = datetime.timedelta(days=1)

# Holidays moved or added by royal proclamation: {year: (dates removed, dates added)}.
PROCLAMATIONS = {
    2012: ({datetime.date(2012, 5, 28)},
           {datetime.date(2012, 6, 4), datetime.date(2012, 6, 5)}),
    2020: ({datetime.date(2020, 5, 4)}, {datetime.date(2020, 5, 8)}),
    2022: ({datetime.date(2022, 5, 30)},
           {datetime.date(2022, 6, 2), datetime.date(2022, 6, 3), datetime.date(2022, 9, 19)}),
    2023: (set(), {datetime.date(2023, 5, 8)}),
}


def easter_sunday(year):
    """The Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def _first_monday(year, month):
    day = datetime.date(year, month, 1)
    return day + datetime.timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year, month):
    day = datetime.date(year + month // 12, month % 12 + 1, 1) - ONE_DAY
    return day - datetime.timedelta(days=day.weekday())


def _next_weekday(day, taken):
    while day.weekday() >= 5 or day in taken:
        day += ONE_DAY
    return day


@functools.cache
def england_and_wales(year):
    """The set of bank holidays in England and Wales in `year`, substitute days included."""
    easter = easter_sunday(year)
    holidays = {
        _next_weekday(datetime.date(year, 1, 1), set()),
        easter - 2 * ONE_DAY,  # Good Friday
        easter + ONE_DAY,  # Easter Monday
        _first_monday(year, 5),  # Early May bank holiday
        _last_monday(year, 5),  # Spring bank holiday
        _last_monday(year, 8),  # Summer bank holiday
    }
    # Christmas Day and Boxing Day: a day at the weekend is made up on the next weekday
    # not already a holiday (Christmas on a Saturday gives Monday 27 and Tuesday 28).
    christmas = set()
    for day in (datetime.date(year, 12, 25), datetime.date(year, 12, 26)):
        christmas.add(_next_weekday(day, christmas))
    holidays |= christmas
    removed, added = PROCLAMATIONS.get(year, (set(), set()))
    return frozenset((holidays - removed) | added)


def is_bank_holiday(day):
    return day in england_and_wales(day.year)


def is_working_day(day):
    """Monday to Friday and not a bank holiday in England and Wales."""
    return day.weekday() < 5 and not is_bank_holiday(day)


def working_day_on_or_after(day):
    while not is_working_day(day):
        day += ONE_DAY
    return day


def working_day_on_or_before(day):
    while not is_working_day(day):
        day -= ONE_DAY
    return day
