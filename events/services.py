"""Rules about event bookings. Views, admin screens, commands and tests all call these.

Every function that can change how many places are held locks the event's row first
(`SELECT ... FOR UPDATE`) and counts again after locking, so no number of simultaneous
requests can hold more places than the event has.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from cms import audit, roles
from cms.locking import lock, lock_all
from cms.notify import Attachment, notify
from cms.signals import attendance_marked
from events.models import Audience, EventBooking, EventFeedback, EventPage

Status = EventBooking.Status

class BookingError(Exception):
    """A booking rule said no; the message is written for the person who asked."""


# --- helpers ---------------------------------------------------------------------------


def _set_status(booking, to_status, by, reason, extra_fields=()):
    from_status = booking.status
    booking.status = to_status
    booking.sequence += 1
    booking.save(update_fields=["status", "sequence", "updated_at", *extra_fields])
    _record(booking, to_status, by, reason, from_status=from_status)


def _record(booking, to_status, by, reason, from_status=""):
    """One entry in the booking's audit trail (cms.audit): events.booking.<new status>."""
    audit.record(booking, f"events.booking.{to_status}", actor=by, from_status=from_status,
                 to_status=to_status, reason=reason)


def _email(name, booking, extra=None, ics_method=None):
    """Decide to tell the booker; cms.notify renders the email (and the .ics) after commit,
    never while the event row is locked."""
    attachments = ()
    if ics_method:
        attachments = [Attachment("event.ics", "text/calendar", "event-ics",
                                  {"booking": booking, "method": ics_method})]
    notify(booking.user, f"events-{name}",
           {"booking": booking, "event": booking.event, "user": booking.user, **(extra or {})},
           attachments=attachments)


def audience_allows(event, user):
    if event.audience == Audience.EVERYONE:
        return True
    organisation = getattr(user, "organisation", None)
    if event.audience == Audience.HOST_STAFF:
        return bool(organisation and organisation.is_host_authority)
    if event.audience == Audience.VISITING_LEADERS:
        return roles.is_visiting_leader(user) or roles.is_centre_staff(user)
    return False


def booking_closed_reason(event, now=None):
    """Why the event cannot take a booking now, or None when it can."""
    now = now or timezone.now()
    if event.is_cancelled:
        return "This event has been cancelled."
    if event.start <= now:
        return "This event has already started."
    if event.booking_opens and now < event.booking_opens:
        local = timezone.localtime(event.booking_opens)
        return f"Booking opens on {local:%-d %B %Y at %H:%M}."
    if event.booking_closes and now >= event.booking_closes:
        return "Booking for this event has closed."
    return None


def why_cannot_book(event, user, now=None):
    reason = booking_closed_reason(event, now)
    if reason:
        return reason
    if not audience_allows(event, user):
        return f"This event is for {event.get_audience_display().lower()}."
    return None


def _snapshot(event):
    return {
        "event_title": event.title,
        "event_start": event.start,
        "event_end": event.end,
        "event_location": event.location[:500],
    }


# --- booking ---------------------------------------------------------------------------


def book_place(event, user, access_requirements="", by=None):
    """Give the person a confirmed place while places remain, otherwise a place on the
    waiting list (when the event keeps one). One active booking per person per event."""
    with transaction.atomic():
        event = lock(event)
        reason = why_cannot_book(event, user)
        if reason:
            raise BookingError(reason)
        if EventBooking.objects.filter(event=event, user=user).active().exists():
            raise BookingError("You already have a booking for this event.")
        if event.places_taken() < event.capacity:
            status, why = Status.CONFIRMED, "booked"
        elif event.waitlist_enabled:
            status, why = Status.WAITLISTED, "booked when full: added to the waiting list"
        else:
            raise BookingError("This event is full.")
        try:
            with transaction.atomic():
                booking = EventBooking.objects.create(
                    event=event, user=user, status=status,
                    access_requirements=access_requirements.strip(), **_snapshot(event),
                )
        except IntegrityError:
            raise BookingError("You already have a booking for this event.") from None
        _record(booking, status, by or user, why)
        if status == Status.CONFIRMED:
            _email("confirmed", booking, ics_method="REQUEST")
        else:
            position = waitlist_position(booking)
            _email("waitlisted", booking, {"position": position})
    return booking


def waitlist_position(booking):
    if booking.status != Status.WAITLISTED:
        return None
    return EventBooking.objects.filter(
        event_id=booking.event_id, status=Status.WAITLISTED, pk__lte=booking.pk
    ).count()


def cancel_booking(booking, by, reason="", now=None):
    """Attendees cancel up to the start; Centre staff cancel any booking at any time.
    A freed place is offered to the first person waiting."""
    now = now or timezone.now()
    staff = roles.is_centre_staff(by)
    with transaction.atomic():
        event, booking = lock(EventPage(pk=booking.event_id), booking)
        if not booking.is_active or booking.status in (Status.ATTENDED, Status.NO_SHOW):
            raise BookingError("This booking cannot be cancelled.")
        if not staff:
            if booking.user_id != by.pk:
                raise BookingError("You can only cancel your own booking.")
            if event.start <= now:
                raise BookingError("The event has started, so the booking can no longer be "
                                   "cancelled.")
        freed = booking.holds_place
        _set_status(booking, Status.CANCELLED, by,
                    reason or ("cancelled by the Centre" if staff and booking.user_id != by.pk
                               else "cancelled by the attendee"),
                    extra_fields=["offer_expires_at"] if booking.offer_expires_at else ())
        _email("cancelled", booking, {"by_staff": staff and booking.user_id != by.pk},
               ics_method="CANCEL")
        if freed:
            offer_free_places(event, by=by, now=now)
    return booking


def leave_waitlist(booking, by):
    """A waitlisted person leaves the list, or someone offered a place turns it down."""
    with transaction.atomic():
        event, booking = lock(EventPage(pk=booking.event_id), booking)
        if booking.user_id != by.pk and not roles.is_centre_staff(by):
            raise BookingError("You can only change your own booking.")
        if booking.status == Status.WAITLISTED:
            _set_status(booking, Status.CANCELLED, by, "left the waiting list")
        elif booking.status == Status.OFFERED:
            _set_status(booking, Status.CANCELLED, by, "turned down the offered place")
            offer_free_places(event, by=by)
        else:
            raise BookingError("You are not on the waiting list for this event.")
        _email("cancelled", booking, {"left_waitlist": True})
    return booking


def offer_free_places(event, by=None, now=None):
    """Offer each free place to the next person waiting, to hold for the event's hold time
    (never past the start). Call with the event row already locked."""
    now = now or timezone.now()
    if event.is_cancelled or event.start <= now:
        return []
    free = event.capacity - event.places_taken()
    if free <= 0:
        return []
    expires = min(now + datetime.timedelta(hours=event.offer_hold_hours), event.start)
    offered = []
    waiting = lock_all(EventBooking.objects.filter(event=event, status=Status.WAITLISTED)
                       .select_related("user"), limit=free)
    for booking in waiting:
        booking.offer_expires_at = expires
        booking.event = event
        _set_status(booking, Status.OFFERED, by, "a place came free",
                    extra_fields=["offer_expires_at"])
        _email("offered", booking)
        offered.append(booking)
    return offered


def accept_offer(booking, by, now=None):
    """An offered place becomes confirmed if accepted before the offer runs out."""
    now = now or timezone.now()
    with transaction.atomic():
        event, booking = lock(EventPage(pk=booking.event_id), booking)
        if booking.user_id != by.pk:
            raise BookingError("You can only accept a place offered to you.")
        if booking.status != Status.OFFERED:
            raise BookingError("There is no place on offer to you for this event.")
        if booking.offer_expires_at and booking.offer_expires_at <= now:
            raise BookingError("Sorry, the time to accept this place has run out.")
        booking.event = event
        booking.offer_expires_at = None
        _set_status(booking, Status.CONFIRMED, by, "accepted the offered place",
                    extra_fields=["offer_expires_at"])
        _email("confirmed", booking, ics_method="REQUEST")
    return booking


def expire_offers(now=None):
    """Offers not accepted in time lapse, and each place passes to the next person waiting.
    Returns how many offers lapsed."""
    now = now or timezone.now()
    expired = 0
    due = EventBooking.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
    for event_id in due.values_list("event_id", flat=True).distinct():
        with transaction.atomic():
            event = lock(EventPage(pk=event_id))
            for booking in lock_all(
                EventBooking.objects.filter(event=event, status=Status.OFFERED,
                                            offer_expires_at__lte=now).select_related("user")
            ):
                booking.event = event
                _set_status(booking, Status.OFFER_EXPIRED, None, "offer not accepted in time")
                _email("offer-expired", booking)
                expired += 1
            offer_free_places(event, now=now)
    return expired


def change_capacity(event, new_capacity, by):
    """Staff change the number of places. It cannot drop below the places already held;
    raising it offers the new places to the waiting list."""
    if new_capacity < 0:
        raise BookingError("Capacity cannot be negative.")
    with transaction.atomic():
        event = lock(event)
        held = event.places_taken()
        if new_capacity < held:
            raise BookingError(
                f"{held} places are already taken or offered, so the capacity cannot be "
                f"lower than {held}."
            )
        event.capacity = new_capacity
        event.save(update_fields=["capacity"])
        # Keep the latest revision in step so a later publish does not undo the change.
        revision = event.latest_revision
        if revision is not None and isinstance(revision.content, dict):
            revision.content["capacity"] = new_capacity
            revision.save(update_fields=["content"])
        offered = offer_free_places(event, by=by)
    return event, offered


def cancel_event(event, by, reason=""):
    """Staff cancel the whole event: every active booking is cancelled and everyone emailed."""
    now = timezone.now()
    with transaction.atomic():
        event = lock(event)
        if event.is_cancelled:
            raise BookingError("This event is already cancelled.")
        event.cancelled_at = now
        event.save(update_fields=["cancelled_at"])
        bookings = lock_all(
            EventBooking.objects.filter(
                event=event, status__in=[Status.CONFIRMED, Status.WAITLISTED, Status.OFFERED]
            ).select_related("user")
        )
        for booking in bookings:
            booking.event = event
            booking.offer_expires_at = None
            _set_status(booking, Status.CANCELLED, by, reason or "the event was cancelled",
                        extra_fields=["offer_expires_at"])
            _email("event-cancelled", booking, {"reason": reason}, ics_method="CANCEL")
    return len(bookings)


def announce_event_changes(event, by=None):
    """After staff publish a change of time or place, tell everyone booked (with an updated
    .ics) and remember what they were told. Returns how many people were told."""
    told = 0
    with transaction.atomic():
        event = lock(event)
        snapshot = _snapshot(event)
        bookings = lock_all(
            EventBooking.objects.filter(
                event=event, status__in=[Status.CONFIRMED, Status.WAITLISTED, Status.OFFERED]
            ).select_related("user")
        )
        for booking in bookings:
            changed = (
                booking.event_start != snapshot["event_start"]
                or booking.event_end != snapshot["event_end"]
                or booking.event_location != snapshot["event_location"]
            )
            booking.event = event
            if not changed:
                if booking.event_title != snapshot["event_title"]:
                    booking.event_title = snapshot["event_title"]
                    booking.save(update_fields=["event_title", "updated_at"])
                continue
            before = {"start": booking.event_start, "end": booking.event_end,
                      "location": booking.event_location}
            for field, value in snapshot.items():
                setattr(booking, field, value)
            booking.sequence += 1
            booking.reminder_sent_at = None
            booking.save(update_fields=[*snapshot, "sequence", "reminder_sent_at", "updated_at"])
            audit.record(booking, "events.booking.event_changed", actor=by,
                         from_status=booking.status, to_status=booking.status,
                         reason="event time or place changed")
            _email("event-changed", booking, {"before": before},
                   ics_method="REQUEST" if booking.holds_place else None)
            told += 1
    return told


# --- running the day -------------------------------------------------------------------


def attendance_closed_reason(event, now=None):
    """Why attendance cannot be marked yet, or None when it can (from the event's start)."""
    now = now or timezone.now()
    if event.is_cancelled:
        return "This event was cancelled."
    if now < event.start:
        local = timezone.localtime(event.start)
        return (f"Attendance can be marked from the start of the event, "
                f"{local:%-d %B %Y at %H:%M}.")
    return None


def mark_attendance(booking, attended, by, now=None):
    """Staff mark a confirmed person attended or absent, from the event's start. Attending
    adds a CPD entry and (through the attendance_marked signal) lets courses complete a
    linked module; marking the person absent afterwards takes both back. One transaction:
    the mark and everything it adds or takes back commit together or not at all."""
    with transaction.atomic():
        event, booking = lock(EventPage(pk=booking.event_id), booking)
        reason = attendance_closed_reason(event, now)
        if reason:
            raise BookingError(reason)
        allowed = {Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW}
        if booking.status not in allowed:
            raise BookingError("Only people with a confirmed place can be marked.")
        to_status = Status.ATTENDED if attended else Status.NO_SHOW
        was_attended = booking.status == Status.ATTENDED
        if booking.status != to_status:
            _set_status(booking, to_status, by,
                        "marked attended" if attended else "marked as not attending")
        if attended:
            _record_learning(booking, event, by)
        elif was_attended:
            _withdraw_learning(booking, event, by)
    return booking


def _record_learning(booking, event, by):
    from cpd.models import CPDEntry
    from cpd.services import record_cpd_activity

    record_cpd_activity(
        booking.user,
        source_type="event_booking",
        source_id=booking.pk,
        kind=CPDEntry.Kind.EVENT,
        title=booking.event_title,
        date=timezone.localtime(booking.event_start).date(),
        hours=event.cpd_hours,
        provider=settings.CENTRE_NAME,
    )
    attendance_marked.send(sender=EventBooking, user=booking.user, booking_id=booking.pk,
                           module_id=event.linked_module_id, attended=True, by=by)


def _withdraw_learning(booking, event, by):
    from cpd.services import withdraw_cpd_activity

    withdraw_cpd_activity(booking.user, source_type="event_booking", source_id=booking.pk)
    attendance_marked.send(sender=EventBooking, user=booking.user, booking_id=booking.pk,
                           module_id=event.linked_module_id, attended=False, by=by)


def submit_feedback(booking, by, rating, most_useful="", do_differently=""):
    """Attendees give feedback once, after the event."""
    if booking.user_id != by.pk:
        raise BookingError("You can only give feedback on your own booking.")
    if booking.status != Status.ATTENDED:
        raise BookingError("Feedback is for people who attended the event.")
    try:
        with transaction.atomic():
            return EventFeedback.objects.create(
                booking=booking, rating=rating, most_useful=most_useful.strip(),
                do_differently=do_differently.strip(),
            )
    except IntegrityError:
        raise BookingError("You have already given feedback on this event.") from None


# --- scheduled work (send_reminders) ----------------------------------------------------


def send_due_reminders(now=None):
    """Email everyone with a confirmed place once, in the 24 hours before the event.
    Safe to run as often as wanted, and by several processes at once: each reminder is
    claimed by a conditional update before it is sent."""
    now = now or timezone.now()
    due = EventBooking.objects.filter(
        status=Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        event_start__gt=now,
        event_start__lte=now + datetime.timedelta(hours=24),
        event__cancelled_at__isnull=True,
    ).select_related("user", "event", "event__venue")
    sent = 0
    for booking in due:
        with transaction.atomic():
            claimed = EventBooking.objects.filter(
                pk=booking.pk, reminder_sent_at__isnull=True, status=Status.CONFIRMED
            ).update(reminder_sent_at=now)
            if claimed:
                _email("reminder", booking)
                sent += 1
    return sent


def ask_for_feedback(now=None):
    """Once an event has ended, ask each attendee for feedback, once."""
    now = now or timezone.now()
    due = EventBooking.objects.filter(
        status=Status.ATTENDED, feedback_requested_at__isnull=True, event_end__lte=now,
    ).select_related("user", "event")
    asked = 0
    for booking in due:
        with transaction.atomic():
            if EventBooking.objects.filter(
                pk=booking.pk, feedback_requested_at__isnull=True
            ).update(feedback_requested_at=now):
                _email("feedback", booking)
                asked += 1
    return asked


def erase_access_requirements(now=None, days=None):
    """Delete dietary and access needs a set number of days after the event ends."""
    now = now or timezone.now()
    days = settings.ACCESS_REQUIREMENTS_RETENTION_DAYS if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    return (
        EventBooking.objects.filter(event_end__lt=cutoff)
        .exclude(access_requirements="")
        .update(access_requirements="", access_requirements_erased_at=now)
    )
