"""Rules of the CPD record. Courses, events and secondments call these to add (or take
back) what a person did; the CPD views call them to show and export the record."""

import datetime

from django.db import IntegrityError, transaction

from cpd.models import CPDEntry

Kind = CPDEntry.Kind


def record_cpd_activity(user, *, source_type, source_id, kind, title, date, hours=0,
                        provider="", what_learnt=""):
    """Add an activity to a person's CPD record once: recording the same source again
    (a repeated attendance mark, a double submit) returns the entry already there."""
    defaults = {
        "kind": kind,
        "title": title[:250],
        "date": date,
        "hours": hours,
        "provider": provider[:250],
        "what_learnt": what_learnt,
    }
    try:
        with transaction.atomic():
            entry, _ = CPDEntry.objects.get_or_create(
                user=user, source_type=source_type, source_id=source_id, defaults=defaults
            )
    except IntegrityError:
        entry = CPDEntry.objects.get(user=user, source_type=source_type, source_id=source_id)
    return entry


def withdraw_cpd_activity(user, *, source_type, source_id):
    """Take back the entry an activity added (attendance un-marked, say). Returns how many
    entries went: 0 when there was none."""
    deleted, _ = CPDEntry.objects.filter(
        user=user, source_type=source_type, source_id=source_id
    ).delete()
    return deleted


def registration_year(date):
    """The registration year (1 December to 30 November) a date falls in, named by the
    year it ends: 1 December 2025 to 30 November 2026 is 2026."""
    return date.year + 1 if date.month == 12 else date.year


def registration_year_bounds(year):
    return datetime.date(year - 1, 12, 1), datetime.date(year, 11, 30)


def entries_in_year(user, year):
    start, end = registration_year_bounds(year)
    return list(CPDEntry.objects.filter(user=user, date__range=(start, end)))


def cpd_warnings(entries):
    """What the registration year still needs: at least two entries, one with a peer
    reflection."""
    warnings = []
    if len(entries) < 2:
        warnings.append("You have fewer than two CPD entries this registration year.")
    if not any(e.peer_reflection for e in entries):
        warnings.append("None of your entries this registration year has a peer reflection.")
    return warnings
