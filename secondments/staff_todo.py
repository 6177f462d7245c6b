"""What this app puts on Centre staff's admin home (cms.registry.STAFF_TODO): applications
waiting for a decision and sponsors who have not answered, each linked to the decision
screen where staff act on it."""

from django.urls import reverse
from django.utils import timezone

from cms import roles
from cms.registry import Todo, TodoItem
from secondments.models import SecondmentApplication

Status = SecondmentApplication.Status
SHOWN = 5
DECIDE = "wagtailsnippets_secondments_secondmentapplication:decide"
PIPELINE = "wagtailsnippets_secondments_secondmentapplication:list"


def _days_ago(moment, today):
    days = (today - timezone.localtime(moment).date()).days
    return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"


def staff_todos(request):
    if not roles.is_centre_staff(request.user):
        return []
    today = timezone.localdate()
    waiting = (SecondmentApplication.objects
               .filter(status__in=[Status.SUBMITTED, Status.SHORTLISTED])
               .select_related("applicant", "opportunity").order_by("created_at", "pk"))
    awaiting = list(waiting[:SHOWN])
    sponsors = list(waiting.filter(
        sponsor_decision=SecondmentApplication.SponsorDecision.PENDING)[:SHOWN])
    closed = [a for a in awaiting if a.opportunity.application_deadline < today]
    return [
        Todo(
            key="applications", title="Applications awaiting a decision",
            items=tuple(TodoItem(
                title=f"{a.reference}: {a.applicant.get_full_name()}",
                url=reverse(DECIDE, args=[a.pk]),
                meta=(f"{a.opportunity_title}. Applied {_days_ago(a.created_at, today)}; "
                      f"closing date {a.opportunity.application_deadline:%-d %b %Y}."),
                tag=a.get_sponsor_decision_display(), tag_colour=a.sponsor_tag)
                for a in awaiting),
            count=waiting.count(), noun=("application", "applications"),
            summary="waiting for you to shortlist, offer or turn down",
            empty="No applications are waiting for a decision.",
            more_url=reverse(PIPELINE) + "?status=submitted&status=shortlisted",
            more_label="All applications awaiting a decision", urgent=bool(closed), order=10),
        Todo(
            key="sponsors", title="Sponsors who have not answered",
            items=tuple(TodoItem(
                title=f"{a.sponsor_name} for {a.applicant.get_full_name()}",
                url=reverse(DECIDE, args=[a.pk]),
                meta=(f"{a.reference}, {a.opportunity_title}. Asked "
                      f"{_days_ago(a.created_at, today)} at {a.sponsor_email}."))
                for a in sponsors),
            count=waiting.filter(
                sponsor_decision=SecondmentApplication.SponsorDecision.PENDING).count(),
            noun=("sponsor", "sponsors"), summary="not yet answered",
            empty="Every sponsor has answered.",
            more_url=reverse(PIPELINE) + "?sponsor_decision=pending",
            more_label="All applications awaiting their sponsor", order=11),
    ]
