"""What the secondments app holds about a person, and how it forgets them (see cms.privacy)."""

from django.utils import timezone

from cms import audit
from secondments import services
from secondments.models import MentoringBooking, MentorProfile, SecondmentApplication


def export_for(user):
    applications = audit.attach(SecondmentApplication.objects.filter(applicant=user).order_by("pk"))
    bookings = MentoringBooking.objects.filter(mentee=user).select_related(
        "slot__mentor__user").order_by("slot__starts_at")
    profile = MentorProfile.objects.filter(user=user).first()
    return {
        "secondment_applications": [
            {
                "reference": a.reference,
                "opportunity": a.opportunity_title,
                "status": a.get_status_display(),
                "current_role": a.current_role,
                "experience": a.experience,
                "learning_goals": a.learning_goals,
                "sponsor_name": a.sponsor_name,
                "sponsor_email": a.sponsor_email,
                "history": [
                    {"at": h.timestamp.isoformat(), "what": h.description,
                     "from": h.data.get("from_status", ""), "to": h.data.get("to_status", ""),
                     "reason": h.reason}
                    for h in a.trail
                ],
            }
            for a in applications
        ],
        "mentoring_sessions": [
            {
                "mentor": str(b.slot.mentor.user),
                "starts_at": b.slot.starts_at.isoformat(),
                "status": b.get_status_display(),
                "goals": b.goals,
                "feedback": b.mentee_feedback,
                "goals_progress": b.goals_progress,
            }
            for b in bookings
        ],
        "development_goals": [
            {"goal": g.title, "plan": g.plan, "reflection": g.reflection,
             "status": g.get_status_display(),
             "agreed_at": g.agreed_at.isoformat() if g.agreed_at else None,
             "comments": [{"at": c.created_at.isoformat(), "text": c.text}
                          for c in g.comments.all()]}
            for g in user.development_goals.prefetch_related("comments")
        ],
        "mentor_profile": {
            "role": profile.role,
            "biography": profile.biography,
        } if profile else None,
    }


ERASED = "(erased)"


def erase_for(user):
    """Cancel future sessions, blank what the person wrote about themselves and their
    sponsor, and retire their mentor profile. Statuses stay, so the figures stay right."""
    now = timezone.now()
    for booking in MentoringBooking.objects.filter(
        mentee=user, status=MentoringBooking.Status.BOOKED, slot__starts_at__gt=now
    ):
        try:
            services.cancel_booking(booking, user, reason="account deleted")
        except services.SecondmentError:
            pass  # inside the 24-hour notice: the mentor keeps the session on their list
    MentoringBooking.objects.filter(mentee=user).update(
        goals=ERASED, mentee_feedback="", goals_progress=""
    )
    SecondmentApplication.objects.filter(applicant=user).update(
        current_role=ERASED, experience=ERASED, learning_goals=ERASED,
        sponsor_name=ERASED, sponsor_email="erased@invalid.example", sponsor_comment="",
    )
    MentorProfile.objects.filter(user=user).update(is_active=False, biography=ERASED)
    # The sponsor's name went with the application above; it goes from its history too.
    audit.relabel(audit.entries_for(SecondmentApplication.objects.filter(applicant=user))
                  .filter(user__isnull=True, action__startswith="secondments.application.sponsor_"),
                  "Sponsor")
    # A development plan is the person's own writing, counted in no figure: it goes.
    user.development_goals.all().delete()
