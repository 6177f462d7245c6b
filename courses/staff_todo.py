"""What this app puts on Centre staff's admin home (cms.registry.STAFF_TODO): certificates
about to expire and overdue assignments by team, each linked to where staff act on them
(a person's record; the team's matrix filtered to what is overdue)."""

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from cms import roles
from cms.registry import Todo, TodoItem
from courses.services import (
    EXPIRY_NOTICE_DAYS,
    expiring_certificates,
    outstanding_assignments,
)

SHOWN = 6


def staff_todos(request):
    if not roles.is_centre_staff(request.user):
        return []
    today = timezone.localdate()
    expiring = expiring_certificates(today).select_related("user").order_by("expires_on", "pk")
    by_team = list(outstanding_assignments(today).filter(user__team__isnull=False).order_by()
                   .values("user__team", "user__team__name")
                   .annotate(n=Count("pk"), people=Count("user", distinct=True))
                   .order_by("-n", "user__team__name"))
    matrix = reverse("courses:team_matrix")
    return [
        Todo(key="certificates-expiring", title="Certificates expiring",
             items=tuple(TodoItem(
                 title=f"{c.user.get_full_name()}: {c.course_title}",
                 url=reverse("courses:person", args=[c.user_id]),
                 meta=f"Expires {c.expires_on:%-d %b %Y}.", tag="Expiring",
                 tag_colour="yellow") for c in expiring[:SHOWN]),
             count=expiring.count(), noun=("certificate", "certificates"),
             summary=f"expiring in the next {EXPIRY_NOTICE_DAYS} days",
             empty=f"No certificates expire in the next {EXPIRY_NOTICE_DAYS} days.",
             order=40),
        Todo(key="overdue-by-team", title="Overdue training by team",
             items=tuple(TodoItem(
                 title=row["user__team__name"],
                 url=f"{matrix}?team={row['user__team']}&show=overdue",
                 meta=(f"{row['n']} overdue "
                       f"{'assignment' if row['n'] == 1 else 'assignments'}, "
                       f"{row['people']} {'person' if row['people'] == 1 else 'people'}."),
                 tag="Overdue", tag_colour="red") for row in by_team[:SHOWN]),
             count=len(by_team), noun=("team", "teams"), summary="with overdue training",
             empty="No team has overdue training.", urgent=bool(by_team), order=15),
    ]
