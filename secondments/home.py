"""What this app adds to a person's home and to My bookings (see cms.home)."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from cms.home import CANCELLED, PAST, UPCOMING, BookingLine, Line, list_panel
from secondments.models import MentoringBooking

Status = MentoringBooking.Status


def _other_name(booking, user):
    other = booking.mentee if booking.slot.mentor.user_id == user.pk else booking.slot.mentor.user
    return other.get_full_name() or other.email


def booking_lines(request):
    """Mentoring sessions, as mentee or as mentor, named by the other person. Before: the
    calendar file; after: feedback (mentee) or the session record (mentor)."""
    user = request.user
    now = timezone.now()
    sessions = (MentoringBooking.objects
                .filter(Q(mentee=user) | Q(slot__mentor__user=user))
                .select_related("slot__mentor__user", "mentee"))
    lines = []
    for b in sessions:
        is_mentor = b.slot.mentor.user_id == user.pk
        detail = b.get_absolute_url()
        actions = []
        if b.status == Status.CANCELLED:
            state = CANCELLED
        elif b.slot.ends_at > now:
            state = UPCOMING
            actions.append(("Add to calendar", reverse("secondments:booking_ics", args=[b.pk])))
        else:
            state = PAST
            if is_mentor and b.outcome_recorded_at is None:
                actions.append(("Record the session", detail))
            elif not is_mentor and b.status in (Status.BOOKED, Status.HELD) and not b.feedback_at:
                actions.append(("Give feedback",
                                reverse("secondments:booking_feedback", args=[b.pk])))
        lines.append(BookingLine(
            kind="Mentoring (you are the mentor)" if is_mentor else "Mentoring",
            title=f"Mentoring with {_other_name(b, user)}", url=detail,
            start=b.slot.starts_at, end=b.slot.ends_at, state=state,
            status=b.get_status_display(), status_colour=b.status_tag, reference=b.reference,
            note=b.slot.get_mode_display(), actions=actions))
    return lines


def home_panels(request):
    user = request.user
    now = timezone.now()
    panels = []
    mine = list(MentoringBooking.objects.filter(
        mentee=user, status=Status.BOOKED, slot__ends_at__gt=now)
        .select_related("slot__mentor__user").order_by("slot__starts_at")[:3])
    if mine:
        panels.append(list_panel("Your next mentoring sessions", [
            Line(title=f"Mentoring with {_other_name(b, user)}", url=b.get_absolute_url(),
                 meta=f"{b.slot.starts_at:%A %-d %B, %H:%M} · {b.slot.get_mode_display()}")
            for b in mine], order=45))
    panels += _leader_panels(user)
    mentoring = MentoringBooking.objects.filter(slot__mentor__user=user).select_related(
        "slot", "mentee")
    upcoming = list(mentoring.filter(status=Status.BOOKED, slot__ends_at__gt=now)
                    .order_by("slot__starts_at")[:3])
    to_write = list(mentoring.filter(slot__ends_at__lte=now, outcome_recorded_at__isnull=True)
                    .exclude(status=Status.CANCELLED).order_by("slot__starts_at")[:5])
    if to_write:
        panels.append(list_panel("Session notes to write", [
            Line(title=f"Mentoring with {_other_name(b, user)}", url=b.get_absolute_url(),
                 meta=f"Held on {b.slot.starts_at:%-d %B}", action_label="Record the session",
                 action_url=b.get_absolute_url()) for b in to_write], order=20, urgent=True))
    if upcoming or to_write or hasattr(user, "mentor_profile"):
        panels.append(list_panel("Sessions you are mentoring", [
            Line(title=f"Mentoring with {_other_name(b, user)}", url=b.get_absolute_url(),
                 meta=f"{b.slot.starts_at:%A %-d %B, %H:%M}") for b in upcoming],
            order=30, more_url=reverse("secondments:mentor_dashboard"),
            more_label="Your mentoring and availability",
            empty="Nobody has booked your next sessions yet."))
    return panels


def search_results(request, query):
    """Mentors by name, role, biography or expertise. The directory is for signed-in
    visiting leaders and staff; a visitor is pointed at it without names."""
    from cms import roles
    from secondments.models import MentorProfile

    if not (request.user.is_authenticated and (roles.is_visiting_leader(request.user)
                                               or roles.is_centre_staff(request.user))):
        return []
    words = query.split()[:5]
    mentors = MentorProfile.objects.filter(is_active=True).select_related("user")
    for word in words:
        mentors = mentors.filter(Q(user__full_name__icontains=word) | Q(role__icontains=word)
                                 | Q(biography__icontains=word)
                                 | Q(expertise__name__icontains=word))
    return [{"kind": "Mentors", "lines": [
        Line(title=m.user.full_name or m.user.email, meta=m.role,
             url=reverse("secondments:mentor_detail", args=[m.pk]))
        for m in mentors.distinct()[:20]]}]


def _leader_panels(user):
    """A visiting leader's secondment applications, an offer to answer first, and the way
    to a mentor."""
    from cms import roles
    from secondments.models import SecondmentApplication

    if not roles.is_visiting_leader(user):
        return []
    Application = SecondmentApplication
    applications = list(Application.objects.filter(applicant=user).exclude(
        status__in=[Application.Status.WITHDRAWN]).order_by("-created_at")[:3])
    offered = any(a.status == Application.Status.OFFERED for a in applications)
    return [list_panel("Your leadership development", [
        Line(title=a.opportunity_title,
             url=reverse("secondments:application_detail", args=[a.pk]),
             meta="Accept or decline the offer." if a.status == Application.Status.OFFERED
             else "", tag=a.get_status_display(), tag_colour=a.status_tag)
        for a in applications] + [
        Line(title="Book a session with a mentor",
             url=reverse("secondments:mentor_directory"),
             meta="Senior officers offer coaching and mentoring.")],
        order=8, urgent=offered, more_url=reverse("secondments:development"),
        more_label="My development")]
