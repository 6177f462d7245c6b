"""Thin views over events.services: each reaches a booking only through a guard helper."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from cms import audit, roles
from cms.access import is_staff_session, staff_mfa_required
from events import services
from events.calendar import booking_ics
from events.forms import (
    BookingForm,
    CancelForm,
    FeedbackForm,
)
from events.models import EventBooking, EventFeedback, EventPage

Status = EventBooking.Status


def _get_booking_for_user(request, reference):
    """The only way a view reaches a booking: the person's own, or any for Centre staff."""
    queryset = EventBooking.objects.select_related("event", "event__venue", "user")
    if not is_staff_session(request):
        queryset = queryset.filter(user=request.user)
    booking = get_object_or_404(queryset.with_waitlist_position(), reference=reference)
    return booking


def _get_event_for_staff(request, event_id):
    if not is_staff_session(request):
        raise PermissionDenied
    if event_id >= 2**31:  # beyond any page id: the lookup would overflow, not miss
        raise Http404
    return get_object_or_404(EventPage.objects.select_related("venue"), pk=event_id)


def _get_live_event(event_id):
    if event_id >= 2**31:  # beyond any page id: the lookup would overflow, not miss
        raise Http404
    return get_object_or_404(EventPage.objects.live().select_related("venue"), pk=event_id)


def my_bookings(request):
    """One list of bookings for every app: the kernel's page, which this app fills through
    its `register_my_bookings` hook."""
    from cms.views import my_bookings as all_bookings

    return all_bookings(request)


def _has_feedback(booking):
    try:
        return booking.feedback is not None
    except EventFeedback.DoesNotExist:
        return False


@login_required
def book(request, event_id):
    event = _get_live_event(event_id)
    form = BookingForm(request.POST if request.method == "POST" else None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.book_place(
                event, request.user, form.cleaned_data["access_requirements"]
            )
        except services.BookingError as exc:
            error = str(exc)
            form.add_error(None, error)
        else:
            return redirect("events:booking_detail", reference=booking.reference)
    reason = services.why_cannot_book(event, request.user)
    return render(request, "events/book.html", {
        "event": event, "form": form, "cannot_book_reason": reason,
        "places_left": event.places_left(),
    }, status=400 if request.method == "POST" else 200)


@staff_mfa_required
def booking_detail(request, reference):
    booking = _get_booking_for_user(request, reference)
    event = booking.event
    show_link = (
        booking.status in (Status.CONFIRMED, Status.ATTENDED)
        and event.is_online and event.joining_link
    )
    return render(request, "events/booking_detail.html", {
        "booking": booking, "event": event, "show_joining_link": show_link,
        "history": audit.described(audit.history_of(booking)),
        "can_cancel": booking.status in (Status.CONFIRMED, Status.WAITLISTED, Status.OFFERED)
        and (event.start > timezone.now() or roles.is_centre_staff(request.user)),
        "can_give_feedback": booking.status == Status.ATTENDED and not _has_feedback(booking)
        and booking.user_id == request.user.pk,
    })


@staff_mfa_required
def cancel(request, reference):
    booking = _get_booking_for_user(request, reference)
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            if booking.status in (Status.WAITLISTED, Status.OFFERED) \
                    and booking.user_id == request.user.pk:
                services.leave_waitlist(booking, request.user)
            else:
                services.cancel_booking(booking, request.user, form.cleaned_data["reason"])
        except services.BookingError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Booking {booking.reference} is cancelled.")
        if roles.is_centre_staff(request.user) and booking.user_id != request.user.pk:
            return redirect("events_admin:capacity", event_id=booking.event_id)
        return redirect("events:booking_detail", reference=booking.reference)
    return render(request, "events/cancel.html", {"booking": booking, "form": form,
                                                  "is_staff": roles.is_centre_staff(request.user)})


def _act_on_own_booking(request, reference, action, done):
    """Run a booking service for its owner; say what happened, or why it could not."""
    booking = _get_booking_for_user(request, reference)
    try:
        action(booking, request.user)
    except services.BookingError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect("events:booking_detail", reference=booking.reference)


@login_required
@require_POST
def accept_offer(request, reference):
    return _act_on_own_booking(request, reference, services.accept_offer,
                               "You have accepted the place. It is now confirmed.")


@login_required
@require_POST
def leave_waitlist(request, reference):
    return _act_on_own_booking(request, reference, services.leave_waitlist,
                               "You have left the waiting list.")


@staff_mfa_required
def booking_calendar(request, reference):
    booking = _get_booking_for_user(request, reference)
    response = HttpResponse(booking_ics(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{booking.reference}.ics"'
    return response


@login_required
def feedback(request, reference):
    booking = _get_booking_for_user(request, reference)
    if booking.user_id != request.user.pk:
        raise Http404
    if _has_feedback(booking):
        messages.info(request, "Thank you: you have already given feedback on this event.")
        return redirect("events:booking_detail", reference=booking.reference)
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_feedback(booking, request.user, **form.cleaned_data)
        except services.BookingError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Thank you for your feedback.")
            return redirect("events:my_bookings")
    return render(request, "events/feedback.html", {"booking": booking, "form": form})
