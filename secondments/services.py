"""The rules of secondments and mentoring. Views, admin screens, commands and tests all
call these functions; each keeps one rule and raises SecondmentError when it is broken."""

import datetime
import uuid

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone

from cms import audit, roles
from cms.locking import lock
from cms.notify import notify
from secondments.models import (
    MentoringBooking,
    MentoringSlot,
    MentorProfile,
    SecondmentApplication,
    SecondmentOpportunityPage,
)

Status = SecondmentApplication.Status

SPONSOR_SALT = "secondments.sponsor-endorsement"
CANCELLATION_NOTICE = datetime.timedelta(hours=24)


class SecondmentError(Exception):
    """A rule was broken; the message is fit to show the person who tried."""


def _history(application, *, actor, action, from_status="", to_status="", reason="",
             actor_label=None):
    """One entry in the application's audit trail (cms.audit): secondments.application.*.
    A sponsor has no account: their name goes with the entry; no actor is the system."""
    return audit.record(application, f"secondments.application.{action}", actor=actor,
                        actor_label=actor_label or ("" if actor else audit.SYSTEM),
                        from_status=from_status, to_status=to_status, reason=reason)


# Applications ---------------------------------------------------------------------------


def submit_application(opportunity, applicant, *, current_role, experience, learning_goals,
                       sponsor_name, sponsor_email, today=None):
    """A person applies once per opportunity (while an application is active), before its
    deadline; their sponsoring manager is asked to endorse it by a signed link."""
    today = today or timezone.localdate()
    if not opportunity.is_open(today):
        raise SecondmentError("The closing date for applications has passed.")
    check_sponsor_email(applicant, sponsor_email)
    try:
        with transaction.atomic():
            application = SecondmentApplication.objects.create(
                opportunity=opportunity,
                opportunity_title=opportunity.title,
                applicant=applicant,
                organisation_name=applicant.organisation.name if applicant.organisation else "",
                current_role=current_role,
                experience=experience,
                learning_goals=learning_goals,
                sponsor_name=sponsor_name,
                sponsor_email=sponsor_email.strip().lower(),
            )
            _history(application, actor=applicant, action="submitted",
                     to_status=Status.SUBMITTED)
    except IntegrityError:
        raise SecondmentError("You have already applied for this secondment.") from None
    context = {"application": application, "applicant": applicant}
    notify(applicant.email, "secondments-application-received", context)
    notify(application.sponsor_email, "secondments-sponsor-request", {**context, "endorse_url": settings.SITE_URL + sponsor_url(application)})
    return application


# Gmail and Googlemail ignore dots in the name part: j.smith@ and jsmith@ are one mailbox.
DOTLESS_DOMAINS = {"gmail.com", "googlemail.com"}
# Mail services anyone can sign up to: a sponsor there is not shown to be a manager.
PERSONAL_MAIL_DOMAINS = DOTLESS_DOMAINS | {
    "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "live.co.uk", "yahoo.com",
    "yahoo.co.uk", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com",
    "btinternet.com", "gmx.com", "mail.com",
}


def mailbox(address):
    """The mailbox an address delivers to: lower case, without a +tag, and for Gmail
    without dots, so that Name+x@Example.org and name@example.org compare equal."""
    local, _, domain = address.strip().lower().rpartition("@")
    local = local.split("+", 1)[0]
    if domain in DOTLESS_DOMAINS:
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def sponsors_per_day():
    return settings.SECONDMENT_NEW_SPONSORS_PER_DAY


def check_sponsor_email(applicant, sponsor_email):
    """A sponsor is someone else: not the applicant's address nor an alias of any address
    on their account. And the platform mails applicant-written text to few new addresses:
    at most SECONDMENT_NEW_SPONSORS_PER_DAY different sponsors in any 24 hours (naming one
    already named in that time again is always allowed)."""
    from allauth.account.models import EmailAddress

    sponsor = mailbox(sponsor_email)
    own = {applicant.email, *EmailAddress.objects.filter(user=applicant)
           .values_list("email", flat=True)}
    if sponsor in {mailbox(address) for address in own}:
        raise SecondmentError("Your sponsor must be someone other than you: enter your "
                              "sponsoring manager's own email address.")
    since = timezone.now() - datetime.timedelta(days=1)
    named = {mailbox(address) for address in SecondmentApplication.objects.filter(
        applicant=applicant, created_at__gte=since).values_list("sponsor_email", flat=True)}
    if sponsor not in named and len(named) >= sponsors_per_day():
        raise SecondmentError(
            f"You have named {len(named)} different sponsors in the last 24 hours, the "
            "most we accept. Name one of them, or try again tomorrow.")


def sponsor_warnings(application):
    """What staff should check before trusting an endorsement: a sponsor whose address is
    at a personal mail service, or at a domain none of the applicant's addresses share."""
    from allauth.account.models import EmailAddress

    sponsor_domain = mailbox(application.sponsor_email).rpartition("@")[2]
    if sponsor_domain in PERSONAL_MAIL_DOMAINS:
        return [f"The sponsor's address is at a personal mail service ({sponsor_domain}), "
                "not at the applicant's organisation."]
    applicant = application.applicant
    domains = {address.rpartition("@")[2].lower() for address in [
        applicant.email,
        *EmailAddress.objects.filter(user=applicant, verified=True)
        .values_list("email", flat=True)]}
    domains -= PERSONAL_MAIL_DOMAINS

    def related(a, b):
        return a == b or a.endswith("." + b) or b.endswith("." + a)

    if not any(related(sponsor_domain, domain) for domain in domains):
        organisation = application.organisation_name or "the applicant's organisation"
        return [f"The sponsor's address ({sponsor_domain}) does not match the address of "
                f"{organisation} the applicant uses ({', '.join(sorted(domains)) or 'none'}). "
                "Check the sponsor is their manager before relying on the endorsement."]
    return []


def sponsor_token(application):
    return signing.dumps(
        {"a": application.pk, "e": application.sponsor_email}, salt=SPONSOR_SALT, compress=True
    )


def sponsor_url(application):
    from django.urls import reverse

    return reverse("secondments:sponsor", args=[sponsor_token(application)])


def sponsor_link_max_age():
    return getattr(settings, "SECONDMENT_SPONSOR_LINK_MAX_AGE", 60 * 60 * 24 * 21)


def application_for_sponsor_token(token):
    """The one application a sponsor's link opens. Raises signing.SignatureExpired for a
    link past its age, signing.BadSignature for a tampered one, and
    SecondmentApplication.DoesNotExist when the application has gone."""
    data = signing.loads(token, salt=SPONSOR_SALT, max_age=sponsor_link_max_age())
    if not isinstance(data, dict):
        raise signing.BadSignature("Unexpected payload")
    return SecondmentApplication.objects.select_related("applicant", "opportunity").get(
        pk=data.get("a"), sponsor_email=data.get("e")
    )


def record_sponsor_decision(application, *, endorsed, comment=""):
    """The sponsor endorses or declines once; the applicant is told."""
    with transaction.atomic():
        application = lock(application)
        if application.sponsor_decision != SecondmentApplication.SponsorDecision.PENDING:
            raise SecondmentError("This application has already been answered.")
        if not application.is_active:
            raise SecondmentError("This application is no longer being considered.")
        decision = (
            SecondmentApplication.SponsorDecision.ENDORSED
            if endorsed
            else SecondmentApplication.SponsorDecision.DECLINED
        )
        application.sponsor_decision = decision
        application.sponsor_decided_at = timezone.now()
        application.sponsor_comment = comment
        application.save(update_fields=[
            "sponsor_decision", "sponsor_decided_at", "sponsor_comment", "updated_at"
        ])
        _history(
            application, actor=None, action=f"sponsor_{decision}", reason=comment,
            actor_label=f"Sponsor: {application.sponsor_name}",
        )
    notify(application.applicant.email, "secondments-sponsor-decision", {"application": application})
    return application


def _transition(application, to_status, *, actor, reason="", extra_fields=None,
                lock_opportunity=False):
    """Move an application along one allowed edge of SecondmentApplication.TRANSITIONS."""
    with transaction.atomic():
        if lock_opportunity:
            # Concurrent offers for the same opportunity queue here and count places after
            # the one before commits.
            opportunity, application = lock(
                SecondmentOpportunityPage(pk=application.opportunity_id), application
            )
        else:
            opportunity = SecondmentOpportunityPage.objects.get(pk=application.opportunity_id)
            application = lock(application)
        from_status = application.status
        if not application.can_move_to(to_status):
            raise SecondmentError(
                f"An application that is {application.get_status_display().lower()} cannot be "
                f"moved to {Status(to_status).label.lower()}."
            )
        if lock_opportunity:
            taken = opportunity.places_taken()
            if taken >= opportunity.places:
                raise SecondmentError(
                    f"All {opportunity.places} places on this secondment have been offered."
                )
        application.status = to_status
        fields = ["status", "updated_at"]
        for name, value in (extra_fields or {}).items():
            setattr(application, name, value)
            fields.append(name)
        application.save(update_fields=fields)
        _history(application, actor=actor, action=to_status,
                 from_status=from_status, to_status=to_status, reason=reason)
    notify(application.applicant.email, "secondments-application-status", {"application": application, "reason": reason})
    return application


def _require_staff(actor):
    if not roles.is_centre_staff(actor):
        raise SecondmentError("Only Centre staff can do this.")


def _require_applicant(application, actor):
    if actor.pk != application.applicant_id:
        raise SecondmentError("Only the applicant can do this.")


def shortlist_application(application, actor, reason=""):
    """Staff shortlist a submitted application."""
    _require_staff(actor)
    return _transition(application, Status.SHORTLISTED, actor=actor, reason=reason)


class OfferNeedsConfirmation(SecondmentError):
    """An offer that staff must confirm they mean: `warnings` says why."""

    def __init__(self, warnings):
        self.warnings = warnings
        super().__init__("Confirm that you want to offer the place: " + " ".join(warnings))


def offer_warnings(application, today=None):
    """Why offering a place now may be premature: the closing date has not passed (others
    may still apply), or the sponsor has not endorsed the application."""
    today = today or timezone.localdate()
    opportunity = application.opportunity
    warnings = []
    if today <= opportunity.application_deadline:
        warnings.append(
            f"The closing date ({opportunity.application_deadline:%-d %B %Y}) has not "
            "passed: others may still apply.")
    Sponsor = SecondmentApplication.SponsorDecision
    if application.sponsor_decision == Sponsor.PENDING:
        warnings.append(f"The sponsor, {application.sponsor_name}, has not answered yet.")
    elif application.sponsor_decision == Sponsor.DECLINED:
        warnings.append(f"The sponsor, {application.sponsor_name}, did not endorse this "
                        "application.")
    return warnings


def offer_reply_days():
    return getattr(settings, "SECONDMENT_OFFER_REPLY_DAYS", 14)


def reply_by_date(opportunity, today=None):
    """The day an offer must be answered by: OFFER_REPLY_DAYS from today, and never after
    the day before the secondment starts (unless that has passed)."""
    today = today or timezone.localdate()
    reply_by = today + datetime.timedelta(days=offer_reply_days())
    day_before = opportunity.start_date - datetime.timedelta(days=1)
    return min(reply_by, day_before) if day_before > today else reply_by


def offer_place(application, actor, reason="", *, confirmed=False, today=None):
    """Staff offer a place; offers plus acceptances never exceed the opportunity's places,
    however many staff offer at once (the opportunity's row is locked, then counted).
    Offering before the closing date or without the sponsor's endorsement is refused
    (OfferNeedsConfirmation) unless staff confirm it, and the confirmation is recorded in
    the history. The applicant is given a date to reply by."""
    _require_staff(actor)
    today = today or timezone.localdate()
    with transaction.atomic():
        application = lock(application)
        warnings = offer_warnings(application, today)
        if warnings and not confirmed:
            raise OfferNeedsConfirmation(warnings)
        if warnings:
            # Written first, in the same transaction: it goes if the offer fails.
            _history(application, actor=actor, action="offer_confirmed_despite",
                     reason=" ".join(warnings))
        return _transition(
            application, Status.OFFERED, actor=actor, reason=reason, lock_opportunity=True,
            extra_fields={"reply_by": reply_by_date(application.opportunity, today)})


def reject_application(application, actor, reason):
    """Staff turn an application down, always with a reason the applicant reads."""
    _require_staff(actor)
    if not reason.strip():
        raise SecondmentError("Give a reason: the applicant will read it.")
    return _transition(application, Status.REJECTED, actor=actor, reason=reason)


def accept_offer(application, actor, reason=""):
    _require_applicant(application, actor)
    return _transition(application, Status.ACCEPTED, actor=actor, reason=reason)


def decline_offer(application, actor, reason=""):
    _require_applicant(application, actor)
    return _transition(application, Status.DECLINED, actor=actor, reason=reason)


def withdraw_application(application, actor, reason=""):
    """The applicant may withdraw at any point before the secondment is completed."""
    _require_applicant(application, actor)
    return _transition(application, Status.WITHDRAWN, actor=actor, reason=reason)


def complete_secondment(application, actor, outcome):
    """Staff mark an accepted secondment completed with its outcome; it joins the
    secondee's CPD record in the same transaction, so neither is written without the
    other."""
    from cpd.models import CPDEntry
    from cpd.services import record_cpd_activity

    _require_staff(actor)
    if not outcome.strip():
        raise SecondmentError("Record the outcome of the secondment.")
    with transaction.atomic():
        application = _transition(application, Status.COMPLETED, actor=actor, reason=outcome,
                                  extra_fields={"outcome": outcome})
        opportunity = application.opportunity
        record_cpd_activity(
            application.applicant,
            source_type="secondment_application",
            source_id=application.pk,
            kind=CPDEntry.Kind.SECONDMENT,
            title=f"Secondment: {application.opportunity_title}",
            date=opportunity.end_date,
            provider=f"{settings.CENTRE_NAME} ({opportunity.host_service})",
            what_learnt=outcome,
        )
    return application


STAFF_ACTIONS = {
    "shortlist": shortlist_application,
    "offer": offer_place,
    "reject": reject_application,
    "complete": complete_secondment,
}
APPLICANT_ACTIONS = {
    "accept": accept_offer,
    "decline": decline_offer,
    "withdraw": withdraw_application,
}


def offer_letter_statuses():
    return (Status.OFFERED, Status.ACCEPTED, Status.COMPLETED)


def letter_title(application):
    """An offer letter while the offer is open; once accepted, a confirmation letter
    (which no longer asks the person to accept)."""
    if application.status == Status.OFFERED:
        return "Offer letter"
    return "Confirmation letter"


def offer_letter_pdf(application):
    from cms.pdf import render_pdf

    if application.status not in offer_letter_statuses():
        raise SecondmentError("There is no offer letter for this application.")
    history = audit.history_of(application)
    offered = history.filter(action="secondments.application.offered").last()
    accepted = history.filter(action="secondments.application.accepted").last()
    return render_pdf(
        "secondments/offer_letter.html",
        {
            "application": application,
            "opportunity": application.opportunity,
            "offered_at": offered.timestamp if offered else None,
            "accepted_at": accepted.timestamp if accepted else None,
            "is_confirmation": application.status != Status.OFFERED,
            "sponsor_endorsed": application.sponsor_decision
            == SecondmentApplication.SponsorDecision.ENDORSED,
        },
    )


# Mentoring ------------------------------------------------------------------------------


def _overlapping(mentor, starts_at, ends_at):
    return MentoringSlot.objects.filter(
        mentor=mentor, starts_at__lt=ends_at, ends_at__gt=starts_at
    )


def publish_slots(mentor, *, starts_at, duration_minutes, mode, location="", video_link="",
                  weeks=1):
    """A mentor publishes a slot, or the same slot weekly for `weeks` weeks. None of them
    may overlap one of the mentor's slots (the mentor's row is locked while checking)."""
    if not 1 <= weeks <= 26:
        raise SecondmentError("Repeat for between 1 and 26 weeks.")
    if not 15 <= duration_minutes <= 480:
        raise SecondmentError("A session lasts between 15 minutes and 8 hours.")
    if starts_at <= timezone.now():
        raise SecondmentError("Choose a time in the future.")
    if mode == MentoringSlot.Mode.IN_PERSON and not location.strip():
        raise SecondmentError("Give the venue for an in-person session.")
    if mode == MentoringSlot.Mode.VIDEO and not video_link.strip():
        raise SecondmentError("Give the video call link.")
    local_start = timezone.localtime(starts_at)
    series = uuid.uuid4().hex if weeks > 1 else ""
    with transaction.atomic():
        lock(mentor)
        slots = []
        for week in range(weeks):
            # Repeat at the same wall-clock time each week, across clock changes.
            naive = local_start.replace(tzinfo=None) + datetime.timedelta(weeks=week)
            start = timezone.make_aware(naive)
            end = start + datetime.timedelta(minutes=duration_minutes)
            clash = _overlapping(mentor, start, end).first()
            if clash is not None:
                raise SecondmentError(
                    f"This overlaps your slot on "
                    f"{timezone.localtime(clash.starts_at):%A %d %B %Y at %H:%M}."
                )
            slots.append(MentoringSlot(
                mentor=mentor, starts_at=start, ends_at=end, mode=mode,
                location=location, video_link=video_link, series=series,
            ))
        MentoringSlot.objects.bulk_create(slots)
    return slots


def remove_slot(slot, actor):
    """A mentor takes back a slot nobody has booked."""
    if actor.pk != slot.mentor.user_id and not roles.is_centre_staff(actor):
        raise SecondmentError("Only the mentor can remove this slot.")
    with transaction.atomic():
        slot = lock(slot)
        if slot.bookings.exists():
            raise SecondmentError("This slot has a booking: cancel the booking instead.")
        slot.delete()


def max_open_bookings():
    return getattr(settings, "MENTORING_MAX_OPEN_BOOKINGS", 3)


def _booking_history(booking, *, actor, action, from_status="", to_status="", reason=""):
    """One entry in the mentoring booking's audit trail (cms.audit): secondments.mentoring.*."""
    audit.record(booking, f"secondments.mentoring.{action}", actor=actor,
                 from_status=from_status, to_status=to_status, reason=reason)


def slot_is_taken(slot):
    return slot.bookings.filter(status__in=MentoringBooking.ACTIVE).exists()


def book_slot(slot, mentee, goals):
    """A mentee books an open future slot, stating their goals. One booking per slot (the
    slot row is locked and a database constraint backs it); at most
    MENTORING_MAX_OPEN_BOOKINGS open bookings per mentee."""
    if not goals.strip():
        raise SecondmentError("Say what you would like to get from the session.")
    try:
        with transaction.atomic():
            # The mentee's row serialises their own concurrent bookings for the limit.
            lock(slot, mentee)
            slot = MentoringSlot.objects.select_related("mentor__user").get(pk=slot.pk)
            if slot.mentor.user_id == mentee.pk:
                raise SecondmentError("You cannot book your own slot.")
            if not slot.mentor.is_active:
                raise SecondmentError("This mentor is not taking bookings at the moment.")
            if slot.starts_at <= timezone.now():
                raise SecondmentError("This slot has already started.")
            if slot_is_taken(slot):
                raise SecondmentError("Sorry, someone has just booked this slot.")
            open_count = MentoringBooking.objects.filter(
                mentee=mentee, status=MentoringBooking.Status.BOOKED,
                slot__starts_at__gt=timezone.now(),
            ).count()
            limit = max_open_bookings()
            if open_count >= limit:
                raise SecondmentError(
                    f"You already have {open_count} sessions booked, the most you can hold "
                    f"at once. You can book another after one has taken place."
                )
            booking = MentoringBooking.objects.create(slot=slot, mentee=mentee, goals=goals)
            _booking_history(booking, actor=mentee, action="booked",
                             to_status=MentoringBooking.Status.BOOKED, reason=goals)
    except IntegrityError:
        # Only reached without the slot lock: the constraint is the last line of defence.
        error = SecondmentError("Sorry, someone has just booked this slot.")
        error.caught_by_constraint = True
        raise error from None
    context = {"booking": booking, "slot": slot, "mentor": slot.mentor}
    notify(mentee.email, "secondments-booking-confirmed", {**context, "for_mentor": False})
    notify(slot.mentor.user.email, "secondments-booking-confirmed", {**context, "for_mentor": True})
    return booking


def can_cancel(booking, actor, now=None):
    now = now or timezone.now()
    if booking.status != MentoringBooking.Status.BOOKED:
        return False
    if roles.is_centre_staff(actor):
        return True
    if actor.pk not in (booking.mentee_id, booking.slot.mentor.user_id):
        return False
    return booking.slot.starts_at - now >= CANCELLATION_NOTICE


def cancel_booking(booking, actor, reason=""):
    """The mentee or the mentor cancel up to 24 hours before (Centre staff at any time);
    the slot is free again and the other person is told."""
    with transaction.atomic():
        booking = lock(booking)
        if booking.status != MentoringBooking.Status.BOOKED:
            raise SecondmentError("This session is not booked.")
        if not can_cancel(booking, actor):
            if actor.pk in (booking.mentee_id, booking.slot.mentor.user_id):
                raise SecondmentError(
                    "Sessions can be cancelled here up to 24 hours before they start. "
                    "Contact the Centre to cancel now."
                )
            raise SecondmentError("You cannot cancel this session.")
        booking.status = MentoringBooking.Status.CANCELLED
        booking.cancelled_at = timezone.now()
        booking.cancel_reason = reason
        booking.sequence += 1
        booking.save(update_fields=[
            "status", "cancelled_at", "cancel_reason", "sequence", "updated_at"
        ])
        _booking_history(booking, actor=actor, action="cancelled",
                         from_status=MentoringBooking.Status.BOOKED,
                         to_status=MentoringBooking.Status.CANCELLED, reason=reason)
    mentor_user = booking.slot.mentor.user
    if actor.pk == booking.mentee_id:
        recipients = [mentor_user.email]
    elif actor.pk == mentor_user.pk:
        recipients = [booking.mentee.email]
    else:
        recipients = [booking.mentee.email, mentor_user.email]
    for address in recipients:
        notify(address, "secondments-booking-cancelled", {"booking": booking, "slot": booking.slot, "cancelled_by": actor,
                     "reason": reason})
    return booking


def record_session_outcome(booking, actor, *, held, notes=""):
    """After the session starts, its mentor records whether it was held and private notes."""
    with transaction.atomic():
        booking = lock(booking)
        if actor.pk != booking.slot.mentor.user_id:
            raise SecondmentError("Only the mentor can record how the session went.")
        if booking.status == MentoringBooking.Status.CANCELLED:
            raise SecondmentError("This session was cancelled.")
        if booking.slot.starts_at > timezone.now():
            raise SecondmentError("You can record the session once it has started.")
        from_status = booking.status
        booking.status = (
            MentoringBooking.Status.HELD if held else MentoringBooking.Status.NOT_HELD
        )
        booking.mentor_notes = notes
        booking.outcome_recorded_at = timezone.now()
        booking.save(update_fields=["status", "mentor_notes", "outcome_recorded_at",
                                    "updated_at"])
        if from_status != booking.status:
            _booking_history(booking, actor=actor, action=booking.status,
                             from_status=from_status, to_status=booking.status)
    return booking


def record_mentee_feedback(booking, actor, *, feedback, goals_progress):
    """After a session that was held, the mentee gives feedback and records progress on
    their goals; the session joins their CPD record."""
    from cpd.models import CPDEntry
    from cpd.services import record_cpd_activity

    with transaction.atomic():
        booking = lock(booking)
        if actor.pk != booking.mentee_id:
            raise SecondmentError("Only the person who booked can give feedback.")
        if booking.status == MentoringBooking.Status.CANCELLED:
            raise SecondmentError("This session was cancelled.")
        if booking.status == MentoringBooking.Status.NOT_HELD:
            raise SecondmentError("Your mentor recorded that this session did not take place.")
        if booking.slot.ends_at > timezone.now():
            raise SecondmentError("You can give feedback once the session has finished.")
        booking.mentee_feedback = feedback
        booking.goals_progress = goals_progress
        booking.feedback_at = timezone.now()
        booking.save(update_fields=["mentee_feedback", "goals_progress", "feedback_at",
                                    "updated_at"])
        slot = booking.slot
        mentor = slot.mentor
        record_cpd_activity(
            actor,
            source_type="mentoring_booking",
            source_id=booking.pk,
            kind=CPDEntry.Kind.MENTORING,
            title=f"{mentor.offers_display().split(' and ')[0]} session with {mentor.name}",
            date=timezone.localtime(slot.starts_at).date(),
            hours=round(slot.duration_minutes / 60, 1),
            provider=f"{mentor.name}, {mentor.role}",
            what_learnt=goals_progress,
        )
    return booking


def send_reminders(now=None):
    """Remind mentee and mentor of each session the day before. Safe to run repeatedly:
    a booking is reminded once (its row is claimed, then marked)."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    end = start + datetime.timedelta(days=1)
    sent = 0
    pending = MentoringBooking.objects.filter(
        status=MentoringBooking.Status.BOOKED,
        reminder_sent_at__isnull=True,
        slot__starts_at__gte=start,
        slot__starts_at__lt=end,
    ).values_list("pk", flat=True)
    for pk in list(pending):
        with transaction.atomic():
            # Claimed by a conditional update: a second process finds nothing to claim.
            claimed = MentoringBooking.objects.filter(
                pk=pk, reminder_sent_at__isnull=True, status=MentoringBooking.Status.BOOKED
            ).update(reminder_sent_at=now)
            if not claimed:
                continue
            booking = MentoringBooking.objects.select_related(
                "slot__mentor__user", "mentee"
            ).get(pk=pk)
            for address, for_mentor in ((booking.mentee.email, False),
                                        (booking.slot.mentor.user.email, True)):
                notify(address, "secondments-booking-reminder", {"booking": booking, "slot": booking.slot, "for_mentor": for_mentor})
            sent += 1
    return sent


# --- development plans ------------------------------------------------------------------

def can_see_plan(user, leader):
    """A development plan is read by its leader, by a mentor they have had or booked a
    session with, and by Centre staff."""
    if not user.is_authenticated:
        return False
    if user.pk == leader.pk or roles.is_centre_staff(user):
        return True
    return MentoringBooking.objects.filter(
        mentee=leader, slot__mentor__user=user).exclude(
        status=MentoringBooking.Status.CANCELLED).exists()


def agree_goal(goal, mentor):
    """A mentor agrees a goal and its plan: recorded with who and when."""
    if mentor.pk == goal.leader_id or not can_see_plan(mentor, goal.leader):
        raise SecondmentError("Only the leader's mentor can agree their plan.")
    goal.agreed_by = mentor
    goal.agreed_at = timezone.now()
    goal.save(update_fields=["agreed_by", "agreed_at", "updated_at"])
    return goal


def comment_on_goal(goal, author, text):
    if not can_see_plan(author, goal.leader):
        raise SecondmentError("You cannot comment on this plan.")
    from secondments.models import GoalComment

    return GoalComment.objects.create(goal=goal, author=author, text=text[:2000])


def close_mentoring(user):
    """A person who is no longer a mentor: their profile leaves the directory and their
    future slots nobody has booked are withdrawn. Sessions already booked stay (mentor and
    mentee still meet, or cancel as usual)."""
    profile = MentorProfile.objects.filter(user=user).first()
    if profile is None:
        return 0
    with transaction.atomic():
        profile = lock(profile)
        MentorProfile.objects.filter(pk=profile.pk).update(is_active=False)
        withdrawn, _ = MentoringSlot.objects.filter(
            mentor=profile, starts_at__gt=timezone.now(), bookings__isnull=True).delete()
    return withdrawn


def close_mentoring_on_role_removed(sender=None, user=None, **kwargs):
    """Receiver of the kernel's `mentor_role_removed`."""
    close_mentoring(user)
