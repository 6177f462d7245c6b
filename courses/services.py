"""Rules about learning: enrolment, completion, certificates and the CPD record."""

from django.db import IntegrityError, transaction

from courses.models import CPDEntry


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
