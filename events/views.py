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
from cms.pdf import render_pdf
from events import services
from events.calendar import booking_ics
from events.forms import (
    AttendanceForm,
    BookingForm,
    CancelEventForm,
    CancelForm,
    CapacityForm,
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
            return redirect("events:staff_event", event_id=booking.event_id)
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


# --- Centre staff -------------------------------------------------------------------------


def _register_rows(event):
    return (
        EventBooking.objects.filter(event=event, status__in=[
            Status.CONFIRMED, Status.ATTENDED, Status.NO_SHOW])
        .select_related("user", "user__organisation")
        .order_by("user__full_name", "pk")
    )


@staff_mfa_required(staff_only=True)
def staff_event(request, event_id):
    event = _get_event_for_staff(request, event_id)
    capacity_form = CapacityForm(initial={"capacity": event.capacity})
    cancel_form = CancelEventForm()
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "capacity":
                capacity_form = CapacityForm(request.POST)
                if capacity_form.is_valid():
                    _, offered = services.change_capacity(
                        event, capacity_form.cleaned_data["capacity"], request.user
                    )
                    messages.success(request, f"Capacity changed. {len(offered)} place(s) "
                                     "offered to the waiting list.")
                    return redirect("events:staff_event", event_id=event.pk)
            elif action == "cancel_event":
                cancel_form = CancelEventForm(request.POST)
                if cancel_form.is_valid():
                    count = services.cancel_event(event, request.user,
                                                  cancel_form.cleaned_data["reason"])
                    messages.success(request, f"Event cancelled; {count} people emailed.")
                    return redirect("events:staff_event", event_id=event.pk)
        except services.BookingError as exc:
            target = capacity_form if action == "capacity" else cancel_form
            target.add_error(None, str(exc))
    bookings = (
        EventBooking.objects.filter(event=event).select_related("user", "user__organisation")
        .with_waitlist_position().order_by("pk")
    )
    return render(request, "events/staff_event.html", {
        "event": event, "bookings": bookings, "capacity_form": capacity_form,
        "cancel_form": cancel_form, "places_taken": event.places_taken(),
    })


@staff_mfa_required(staff_only=True)
def register(request, event_id):
    event = _get_event_for_staff(request, event_id)
    if request.method == "POST":
        form = AttendanceForm(request.POST)
        if form.is_valid():
            booking = EventBooking.objects.filter(
                event=event, pk=form.cleaned_data["booking"]).first()
            if booking is None:
                raise Http404
            try:
                services.mark_attendance(booking, form.cleaned_data["attended"], request.user)
            except services.BookingError as exc:
                messages.error(request, str(exc))
            else:
                label = "attended" if form.cleaned_data["attended"] else "did not attend"
                messages.success(request, f"{booking.user.get_full_name()}: {label}.")
            return redirect(f"{request.path}#booking-{booking.pk}")
        messages.error(request, "Choose attended or did not attend.")
    rows = list(_register_rows(event))
    return render(request, "events/register.html", {
        "event": event, "rows": rows,
        "not_yet": services.attendance_closed_reason(event),
        "attended": sum(1 for r in rows if r.status == Status.ATTENDED),
    })


@staff_mfa_required(staff_only=True)
def sign_in_sheet(request, event_id):
    event = _get_event_for_staff(request, event_id)
    pdf = render_pdf("events/sign_in_sheet.html", {
        "event": event, "rows": list(_register_rows(event)),
    })
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="sign-in-{event.slug}.pdf"'
    return response
