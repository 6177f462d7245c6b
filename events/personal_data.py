"""What the events app holds about a person, and how it forgets them (see cms.privacy)."""

from django.utils import timezone

from cms import audit
from events import services
from events.models import EventBooking


def export_for(user):
    bookings = audit.attach(
        EventBooking.objects.filter(user=user).select_related("feedback").order_by("event_start")
    )
    return {
        "event_bookings": [
            {
                "reference": b.reference,
                "event": b.event_title,
                "start": b.event_start.isoformat(),
                "status": b.get_status_display(),
                "access_requirements": b.access_requirements,
                "booked_at": b.created_at.isoformat(),
                "history": [
                    {"at": h.timestamp.isoformat(), "what": h.description,
                     "from": h.data.get("from_status", ""), "to": h.data.get("to_status", ""),
                     "reason": h.reason}
                    for h in b.trail
                ],
                "feedback": {
                    "rating": b.feedback.rating,
                    "most_useful": b.feedback.most_useful,
                    "do_differently": b.feedback.do_differently,
                } if hasattr(b, "feedback") else None,
            }
            for b in bookings
        ]
    }


def erase_for(user):
    """Give up places held for future events (the next person waiting is offered them),
    and delete access requirements. Past bookings stay, without the person, for the figures."""
    now = timezone.now()
    upcoming = EventBooking.objects.filter(
        user=user, event_start__gt=now,
        status__in=[EventBooking.Status.CONFIRMED, EventBooking.Status.OFFERED,
                    EventBooking.Status.WAITLISTED],
    )
    for booking in upcoming:
        services.cancel_booking(booking, by=user, reason="account deleted", now=now)
    EventBooking.objects.filter(user=user).exclude(access_requirements="").update(
        access_requirements="", access_requirements_erased_at=now
    )


def purge_expired(now):
    return {"event access requirements erased": services.erase_access_requirements(now=now)}
