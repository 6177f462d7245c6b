"""Thin views: each reaches its object through one _get_x_for_user helper and calls a
service; a broken rule becomes a message or form error, never a 500."""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Count, Min, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from cms import audit, roles
from cms.access import staff_mfa_required
from cms.page_cache import live_fragment
from secondments import calendar, services
from secondments.forms import (
    ApplicationForm,
    BookingForm,
    FeedbackForm,
    GoalCommentForm,
    GoalForm,
    MentorDirectoryFilter,
    MentorProfileForm,
    ReasonForm,
    SessionOutcomeForm,
    SlotForm,
    SponsorDecisionForm,
)
from secondments.models import (
    MentoringBooking,
    MentoringSlot,
    MentorProfile,
    SecondmentApplication,
    SecondmentOpportunityPage,
)


def _posted(request):
    """The submitted data, even when empty (an empty POST must show its errors)."""
    return request.POST if request.method == "POST" else None


# Applications ---------------------------------------------------------------------------


def _get_application_for_user(user, pk):
    """Applicants reach only their own applications."""
    application = get_object_or_404(
        SecondmentApplication.objects.select_related("opportunity"), pk=pk, applicant=user,
    )
    return audit.attach([application])[0]


@login_required
def apply(request, page_id):
    if page_id >= 2**31:  # beyond any page id: the lookup would overflow, not miss
        raise Http404
    opportunity = get_object_or_404(SecondmentOpportunityPage.objects.live(), pk=page_id)
    existing = SecondmentApplication.objects.filter(
        opportunity=opportunity, applicant=request.user,
        status__in=SecondmentApplication.ACTIVE,
    ).first()
    if existing:
        messages.info(request, "You have already applied for this secondment.")
        return redirect(existing.get_absolute_url())
    form = ApplicationForm(_posted(request), applicant=request.user,
                           initial={"current_role": request.user.job_title})
    if request.method == "POST" and form.is_valid():
        try:
            application = services.submit_application(opportunity, request.user, **form.cleaned_data)
        except services.SecondmentError as error:
            form.add_error(None, str(error))
        else:
            return redirect("secondments:application_submitted", pk=application.pk)
    return render(request, "secondments/application_form.html", {
        "form": form, "opportunity": opportunity, "is_open": opportunity.is_open(),
    })


@login_required
def application_submitted(request, pk):
    application = _get_application_for_user(request.user, pk)
    return render(request, "secondments/application_submitted.html",
                  {"application": application})


@login_required
def my_applications(request):
    applications = audit.attach(
        SecondmentApplication.objects.filter(applicant=request.user)
        .select_related("opportunity")
    )
    return render(request, "secondments/my_applications.html", {"applications": applications})


@login_required
def application_detail(request, pk):
    application = _get_application_for_user(request.user, pk)
    return render(request, "secondments/application_detail.html", {
        "application": application,
        "can_accept": application.can_move_to(SecondmentApplication.Status.ACCEPTED),
        "can_withdraw": application.can_move_to(SecondmentApplication.Status.WITHDRAWN),
        "has_offer_letter": application.status in services.offer_letter_statuses(),
        "reason_form": ReasonForm(),
    })


@login_required
@require_POST
def application_action(request, pk, action):
    application = _get_application_for_user(request.user, pk)
    service = services.APPLICANT_ACTIONS.get(action)
    if service is None:
        raise Http404
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        service(application, request.user, reason)
    except services.SecondmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, {
            "accept": "You have accepted your place.",
            "decline": "You have declined the offer.",
            "withdraw": "Your application has been withdrawn.",
        }[action])
    return redirect(application.get_absolute_url())


@staff_mfa_required
def offer_letter(request, pk):
    if roles.is_centre_staff(request.user):
        application = get_object_or_404(SecondmentApplication, pk=pk)
    else:
        application = _get_application_for_user(request.user, pk)
    try:
        pdf = services.offer_letter_pdf(application)
    except services.SecondmentError:
        raise Http404 from None
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="offer-{application.reference}.pdf"'
    return response


def sponsor(request, token):
    """A sponsor opens the one application their signed link names; no account needed."""
    try:
        application = services.application_for_sponsor_token(token)
    except signing.SignatureExpired:
        return render(request, "secondments/sponsor_refused.html", {"expired": True}, status=400)
    except (signing.BadSignature, SecondmentApplication.DoesNotExist, ValueError, TypeError):
        return render(request, "secondments/sponsor_refused.html", {"expired": False},
                      status=400)
    form = SponsorDecisionForm(_posted(request))
    answered = application.sponsor_decision != SecondmentApplication.SponsorDecision.PENDING
    if request.method == "POST" and not answered and form.is_valid():
        try:
            application = services.record_sponsor_decision(
                application, endorsed=form.cleaned_data["decision"] == "endorse",
                comment=form.cleaned_data["comment"],
            )
        except services.SecondmentError as error:
            form.add_error(None, str(error))
        else:
            return render(request, "secondments/sponsor_done.html", {"application": application})
    return render(request, "secondments/sponsor.html", {
        "application": application, "form": form, "answered": answered,
    })


# Mentoring ------------------------------------------------------------------------------


MENTORS_PER_PAGE = 24


@login_required
def mentor_directory(request):
    def build():
        form = MentorDirectoryFilter(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        expertise, offers = filters.get("expertise"), filters.get("offers") or ""
        page_number = request.GET.get("page")
        mentors = (
            MentorProfile.objects.filter(is_active=True)
            .select_related("user")
            .prefetch_related("expertise")
            .order_by("user__full_name")
        )
        if expertise:
            mentors = mentors.filter(expertise=expertise)
        if offers == "coaching":
            mentors = mentors.filter(offers_coaching=True)
        elif offers == "mentoring":
            mentors = mentors.filter(offers_mentoring=True)
        page = Paginator(mentors, MENTORS_PER_PAGE).get_page(page_number)
        # Each card says how many open slots there are and when the next is: counted in
        # the database for this page's mentors only (one query on the mentor and start
        # index), whatever the number of mentors or of their past slots.
        mentors_here = list(page.object_list)
        figures = {row["mentor"]: row for row in MentoringSlot.objects.open().filter(
            mentor__in=mentors_here).order_by().values("mentor").annotate(
            n=Count("pk"), first=Min("starts_at"))}
        for mentor in mentors_here:
            row = figures.get(mentor.pk, {})
            mentor.open_slot_count, mentor.next_open_slot = row.get("n", 0), row.get("first")
        page.object_list = mentors_here
        return render_to_string("secondments/includes/mentor_cards.html",
                                {"mentors": page, "form": form}, request)

    # The same for every visitor asking the same: kept until a mentor, a slot, a booking or
    # an area of expertise changes (cms.page_cache, path 3), or a minute passes (a slot
    # starting closes it).
    # Keyed by the whole query: the pagination's links carry it.
    view = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()
    cards = live_fragment(f"mentor-directory:{view}", build, timeout=60)
    return render(request, "secondments/mentor_directory.html", {"cards": mark_safe(cards)})


@login_required
def mentor_detail(request, pk):
    mentor = get_object_or_404(
        MentorProfile.objects.select_related("user").prefetch_related("expertise"),
        pk=pk, is_active=True,
    )
    slots = mentor.slots.open().order_by("starts_at")
    return render(request, "secondments/mentor_profile.html", {"mentor": mentor, "slots": slots})


@login_required
def book(request, slot_id):
    slot = get_object_or_404(
        MentoringSlot.objects.select_related("mentor__user"), pk=slot_id, mentor__is_active=True
    )
    form = BookingForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.book_slot(slot, request.user, form.cleaned_data["goals"])
        except services.SecondmentError as error:
            form.add_error(None, str(error))
        else:
            return redirect("secondments:booking_confirmed", pk=booking.pk)
    taken = slot.bookings.filter(status__in=MentoringBooking.ACTIVE).exists()
    return render(request, "secondments/booking_form.html", {
        "slot": slot, "form": form, "taken": taken, "past": not slot.is_in_future,
    })


def _get_booking_for_user(user, pk):
    """The mentee, the mentor and Centre staff reach a booking; nobody else."""
    bookings = MentoringBooking.objects.select_related("slot__mentor__user", "mentee")
    if not roles.is_centre_staff(user):
        bookings = bookings.filter(Q(mentee=user) | Q(slot__mentor__user=user))
    return get_object_or_404(bookings, pk=pk)


@staff_mfa_required
def booking_confirmed(request, pk):
    booking = _get_booking_for_user(request.user, pk)
    return render(request, "secondments/booking_confirmed.html", {"booking": booking})


@staff_mfa_required
def booking_detail(request, pk):
    booking = _get_booking_for_user(request.user, pk)
    user = request.user
    is_mentor = booking.slot.mentor.user_id == user.pk
    is_mentee = booking.mentee_id == user.pk
    now = timezone.now()
    context = {
        "booking": booking,
        "slot": booking.slot,
        "is_mentor": is_mentor,
        "is_mentee": is_mentee,
        # Private notes: the mentor and Centre staff only.
        "can_read_notes": is_mentor or roles.is_centre_staff(user),
        "can_cancel": services.can_cancel(booking, user, now),
        "reason_form": ReasonForm(),
        "started": booking.slot.starts_at <= now,
        "finished": booking.slot.ends_at <= now,
        "session_title": session_title(booking, user),
    }
    if is_mentor and context["started"] and booking.status != MentoringBooking.Status.CANCELLED:
        context["outcome_form"] = SessionOutcomeForm(initial={
            "held": {"held": "yes", "not_held": "no"}.get(booking.status),
            "notes": booking.mentor_notes,
        })
    if is_mentee and context["finished"] and booking.status in (
        MentoringBooking.Status.BOOKED, MentoringBooking.Status.HELD
    ):
        context["feedback_form"] = FeedbackForm(instance=booking)
    return render(request, "secondments/mentoring_booking.html", context)


def session_title(booking, user):
    """A session is named by the other person and the day: "Margaret Holt, 3 March 2027"."""
    other = booking.mentee if booking.slot.mentor.user_id == user.pk else booking.slot.mentor.user
    name = other.get_full_name() or other.email
    return f"Mentoring with {name}, {timezone.localtime(booking.slot.starts_at):%-d %B %Y}"


@login_required
@require_POST
@staff_mfa_required
def booking_cancel(request, pk):
    booking = _get_booking_for_user(request.user, pk)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.cancel_booking(booking, request.user, reason)
    except services.SecondmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The session has been cancelled and the other person told.")
    return redirect(booking.get_absolute_url())


@login_required
@require_POST
@staff_mfa_required
def booking_outcome(request, pk):
    booking = _get_booking_for_user(request.user, pk)
    form = SessionOutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Say whether the session took place.")
        return redirect(booking.get_absolute_url())
    try:
        services.record_session_outcome(
            booking, request.user, held=form.cleaned_data["held"] == "yes",
            notes=form.cleaned_data["notes"],
        )
    except services.SecondmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Your record of the session has been saved.")
    return redirect(booking.get_absolute_url())


@login_required
def booking_feedback(request, pk):
    booking = _get_booking_for_user(request.user, pk)
    if booking.mentee_id != request.user.pk:
        raise Http404
    form = FeedbackForm(_posted(request), instance=booking)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_mentee_feedback(
                booking, request.user, feedback=form.cleaned_data["mentee_feedback"],
                goals_progress=form.cleaned_data["goals_progress"],
            )
        except services.SecondmentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Thank you. The session has been added to your CPD record.")
            return redirect(booking.get_absolute_url())
    return render(request, "secondments/feedback_form.html", {"booking": booking, "form": form})


@staff_mfa_required
def booking_ics(request, pk):
    booking = _get_booking_for_user(request.user, pk)
    response = HttpResponse(calendar.ics_for_booking(booking, request.user),
                            content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{booking.reference}.ics"'
    return response


def _get_mentor_profile_for_user(user):
    """Mentors only: a person whose Mentors role was removed keeps no way to publish."""
    if not roles.is_mentor(user):
        raise Http404
    return MentorProfile.objects.filter(user=user).prefetch_related("expertise").first()


@login_required
def mentor_dashboard(request):
    profile = _get_mentor_profile_for_user(request.user)
    if profile is None:
        return redirect("secondments:mentor_profile_edit")
    now = timezone.now()
    slots = (
        profile.slots.filter(starts_at__gt=now)
        .prefetch_related(Prefetch(
            "bookings",
            queryset=MentoringBooking.objects.filter(status__in=MentoringBooking.ACTIVE)
            .select_related("mentee__organisation"),
            to_attr="active_bookings",
        ))
        .order_by("starts_at")
    )
    past = (
        MentoringBooking.objects.filter(slot__mentor=profile, slot__starts_at__lte=now)
        .exclude(status=MentoringBooking.Status.CANCELLED)
        .select_related("slot", "mentee")
        .order_by("-slot__starts_at")[:50]
    )
    return render(request, "secondments/mentor_dashboard.html", {
        "profile": profile, "slots": slots,
        "past": past,
    })


@login_required
def mentor_profile_edit(request):
    profile = _get_mentor_profile_for_user(request.user)
    form = MentorProfileForm(_posted(request), instance=profile)
    if request.method == "POST" and form.is_valid():
        profile = form.save(commit=False)
        profile.user = request.user
        profile.save()
        form.save_m2m()
        messages.success(request, "Your mentor profile has been saved.")
        return redirect("secondments:mentor_dashboard")
    return render(request, "secondments/mentor_profile_form.html", {"form": form})


@login_required
def publish_slots(request):
    profile = _get_mentor_profile_for_user(request.user)
    if profile is None:
        return redirect("secondments:mentor_profile_edit")
    form = SlotForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            slots = services.publish_slots(
                profile, starts_at=data["starts_at"], duration_minutes=data["duration_minutes"],
                mode=data["mode"], location=data["location"], video_link=data["video_link"],
                weeks=data["weeks"],
            )
        except services.SecondmentError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{len(slots)} slot{'s' if len(slots) != 1 else ''} "
                                      "published.")
            return redirect("secondments:mentor_dashboard")
    return render(request, "secondments/slot_form.html", {"form": form})


@login_required
@require_POST
def remove_slot(request, pk):
    slot = get_object_or_404(MentoringSlot.objects.select_related("mentor"), pk=pk,
                             mentor__user=request.user)
    try:
        services.remove_slot(slot, request.user)
    except services.SecondmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "The slot has been removed.")
    return redirect("secondments:mentor_dashboard")


# A leader's development page ------------------------------------------------------------


def _event_bookings(user):
    """The person's event bookings, when the events app is installed. Looked up through the
    app registry, not imported: secondments does not depend on events."""
    from django.apps import apps

    try:
        EventBooking = apps.get_model("events", "EventBooking")
    except LookupError:
        return None, None
    try:
        bookings = list(
            EventBooking.objects.filter(user=user).select_related("event").order_by("-pk")[:20]
        )
    except Exception:  # noqa: BLE001 - a different shape of model must not break this page
        return None, None
    try:
        url = reverse("events:my_bookings")
    except NoReverseMatch:
        url = None
    return bookings, url


@login_required
def development(request):
    user = request.user
    applications = (
        SecondmentApplication.objects.filter(applicant=user)
        .select_related("opportunity")
        .order_by("-created_at")
    )
    secondments = [a for a in applications if a.status in (
        SecondmentApplication.Status.ACCEPTED, SecondmentApplication.Status.COMPLETED)]
    now = timezone.now()
    sessions = (
        MentoringBooking.objects.filter(mentee=user)
        .exclude(status=MentoringBooking.Status.CANCELLED)
        .select_related("slot__mentor__user")
        .order_by("slot__starts_at")
    )
    upcoming = [b for b in sessions if b.slot.starts_at > now]
    past = [b for b in sessions if b.slot.starts_at <= now]
    event_bookings, events_url = _event_bookings(user)
    from cms.home import panels_for

    return render(request, "secondments/development.html", {
        "goals": _goals_of(user),
        "goal_form": GoalForm(),
        "comment_form": GoalCommentForm(),
        # Courses, CPD and certificates come from the other apps through the kernel's
        # home panels: this app imports none of them.
        "learning_panels": [p for p in panels_for(request)
                            if p.title in LEARNING_PANEL_TITLES],
        "applications": applications,
        "secondments": secondments,
        "upcoming": upcoming,
        "past": past,
        "event_bookings": event_bookings,
        "events_url": events_url,
    })


LEARNING_PANEL_TITLES = {"Continue where you left off", "Assigned to you", "Your learning",
                         "Certificates about to expire", "CPD this registration year"}


def _goals_of(leader):
    from secondments.models import DevelopmentGoal

    return list(DevelopmentGoal.objects.filter(leader=leader)
                .select_related("agreed_by").prefetch_related("comments__author"))


def _get_goal_for_user(user, pk):
    """A goal is reached by its leader, their mentors and staff (services.can_see_plan)."""
    from secondments.models import DevelopmentGoal

    goal = get_object_or_404(DevelopmentGoal.objects.select_related("leader"), pk=pk)
    if not services.can_see_plan(user, goal.leader):
        raise Http404
    return goal


@login_required
def goal_edit(request, pk=None):
    goal = _get_goal_for_user(request.user, pk) if pk else None
    if goal is not None and goal.leader_id != request.user.pk:
        raise Http404
    form = GoalForm(request.POST or None, instance=goal)
    if request.method == "POST" and form.is_valid():
        goal = form.save(commit=False)
        goal.leader = request.user
        goal.save()
        messages.success(request, "Your development plan is saved.")
        return redirect(f"{reverse('secondments:development')}#goal-{goal.pk}")
    return render(request, "secondments/goal_form.html", {"form": form, "goal": goal})


@login_required
@require_POST
@staff_mfa_required
def goal_comment(request, pk):
    goal = _get_goal_for_user(request.user, pk)
    form = GoalCommentForm(request.POST)
    if form.is_valid():
        services.comment_on_goal(goal, request.user, form.cleaned_data["text"])
        messages.success(request, "Your comment is added to the plan.")
    else:
        messages.error(request, "Write your comment before adding it.")
    return redirect(_plan_url(request.user, goal))


@login_required
@require_POST
@staff_mfa_required
def goal_agree(request, pk):
    goal = _get_goal_for_user(request.user, pk)
    try:
        services.agree_goal(goal, request.user)
    except services.SecondmentError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"You have agreed the plan for “{goal.title}”.")
    return redirect(_plan_url(request.user, goal))


def _plan_url(user, goal):
    if user.pk == goal.leader_id:
        return f"{reverse('secondments:development')}#goal-{goal.pk}"
    return f"{reverse('secondments:mentee_plan', args=[goal.leader_id])}#goal-{goal.pk}"


@login_required
@staff_mfa_required
def mentee_plan(request, user_id):
    """A mentor reads the development plan of a leader they mentor, and comments on it."""
    from cms.models import User

    leader = get_object_or_404(User, pk=user_id)
    if leader.pk == request.user.pk or not services.can_see_plan(request.user, leader):
        raise Http404
    return render(request, "secondments/mentee_plan.html", {
        "leader": leader, "goals": _goals_of(leader), "comment_form": GoalCommentForm(),
    })
