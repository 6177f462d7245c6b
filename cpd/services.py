"""Rules of the CPD record. Courses, events and secondments call these to add (or take
back) what a person did; the CPD views call them to show and export the record."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from cms import limits
from cpd.models import CPDEntry

Kind = CPDEntry.Kind


def record_cpd_activity(user, *, source_type, source_id, kind, title, date, hours=0,
                        provider="", what_learnt=""):
    """Add an activity to a person's CPD record once: recording the same source again
    (a repeated attendance mark, a double submit) returns the entry already there.

    The entry is the person's to write: it is "still to write" until they save it, and
    `what_learnt` may only be their own words (their module reflections, say), never a
    description of the activity written by someone else."""
    defaults = {
        "to_write": True,
        "kind": kind,
        "title": title[:250],
        "date": date,
        "hours": hours,
        "provider": provider[:250],
        "what_learnt": what_learnt[:limits.LONG_TEXT],
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


def years_with_entries(user):
    """The registration years the person has entries in, latest first."""
    months = CPDEntry.objects.filter(user=user).dates("date", "month")
    return sorted({registration_year(month) for month in months}, reverse=True)


# --- Social Work England's rule ------------------------------------------------------------

PIECES_NEEDED = 2
PEER_REFLECTIONS_NEEDED = 1
RENEWAL_OPENS = (9, 1)  # 1 September: the renewal window runs to the year's last day


def renewal_window(year):
    """The dates a registration named `year` can be renewed: 1 September to 30 November."""
    return datetime.date(year, *RENEWAL_OPENS), registration_year_bounds(year)[1]


def _plural(count, one, many):
    return f"{count} {one if count == 1 else many}"


@dataclass
class RenewalProgress:
    """A person's CPD against Social Work England's rule for one registration year: at least
    two pieces, at least one a peer reflection, recorded before renewal. Entries still to
    write are not yet recorded, so they do not count."""
    year: int
    pieces: int = 0
    peer_reflections: int = 0
    to_write: int = 0
    hours: Decimal = Decimal(0)
    today: datetime.date = None

    @property
    def met(self):
        return (self.pieces >= PIECES_NEEDED
                and self.peer_reflections >= PEER_REFLECTIONS_NEEDED)

    @property
    def renew_by(self):
        return renewal_window(self.year)[1]

    @property
    def days_left_to_renew(self):
        """Days left in the renewal window (0 on its last day), or None outside it."""
        opens, closes = renewal_window(self.year)
        if opens <= self.today <= closes:
            return (closes - self.today).days
        return None

    @property
    def summary(self):
        """The progress in words: "1 of 2 pieces; no peer reflection yet; 2 days left to
        renew"."""
        if self.pieces <= PIECES_NEEDED:
            parts = [f"{self.pieces} of {PIECES_NEEDED} pieces"]
        else:
            parts = [f"{self.pieces} pieces ({PIECES_NEEDED} needed)"]
        parts.append(_plural(self.peer_reflections, "peer reflection", "peer reflections")
                     if self.peer_reflections else "no peer reflection yet")
        if self.to_write:
            parts.append(f"{_plural(self.to_write, 'entry', 'entries')} still to write")
        days = self.days_left_to_renew
        opens, closes = renewal_window(self.year)
        if days == 0:
            parts.append("today is the last day to renew")
        elif days is not None:
            parts.append(f"{_plural(days, 'day', 'days')} left to renew")
        elif self.today < opens:
            parts.append(f"renewal opens on {opens:%-d %B %Y}")
        else:
            parts.append(f"the year ended on {closes:%-d %B %Y}")
        text = "; ".join(parts)
        return f"Rule met: {text}" if self.met else text

    @property
    def urgent(self):
        return not self.met and self.days_left_to_renew is not None


def renewal_progress_for(users, year=None):
    """Each person's progress against the registration rule, keyed by user id, in one
    query however many people: {user_id: RenewalProgress}. Reads counts only, never the
    entries' text (managers see this)."""
    today = timezone.localdate()
    year = year or registration_year(today)
    ids = [getattr(u, "pk", u) for u in users]
    start, end = registration_year_bounds(year)
    written = Q(to_write=False)
    rows = (CPDEntry.objects.filter(user_id__in=ids, date__range=(start, end))
            .order_by().values("user_id")
            .annotate(pieces=Count("pk", filter=written),
                      peers=Count("pk", filter=written & (~Q(peer_name="")
                                                          | ~Q(peer_reflection=""))),
                      to_write=Count("pk", filter=Q(to_write=True)),
                      hours=Sum("hours")))
    progress = {pk: RenewalProgress(year=year, today=today) for pk in ids}
    for row in rows:
        progress[row["user_id"]] = RenewalProgress(
            year=year, today=today, pieces=row["pieces"], peer_reflections=row["peers"],
            to_write=row["to_write"], hours=row["hours"] or Decimal(0))
    return progress


def renewal_progress(user, year=None):
    """One person's progress against the registration rule (see RenewalProgress)."""
    return renewal_progress_for([user], year)[user.pk]


def format_hours(hours):
    """"1 hour", "2.5 hours", "0 hours"."""
    value = Decimal(hours or 0).normalize()
    text = f"{value:f}"
    return f"{text} {'hour' if value == 1 else 'hours'}"
