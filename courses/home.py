"""What this app adds to a person's home (see cms.home): where they left off, what is
assigned and when, certificates about to expire, and for a team manager each member who is overdue. (This
registration year's CPD is the cpd app's panel.)"""

from django.urls import reverse
from django.utils import timezone

from cms import roles
from cms.home import Line, list_panel
from cms.models import User
from courses import reports, services
from courses.models import Assignment


def _url(record):
    return record.course.url if record.course_id and record.course else ""


def home_panels(request):
    user = request.user
    today = timezone.localdate()
    learning = reports.my_learning(user, today)
    panels = []

    overdue = [a for a in learning["assigned"] if a["overdue"]]
    if learning["assigned"]:
        panels.append(list_panel("Assigned to you", [
            Line(title=row["assignment"].course_title, url=_url(row["assignment"]),
                 meta=(f"Was due on {row['assignment'].due_on:%-d %B %Y}: it is overdue."
                       if row["overdue"] else f"Due by {row['assignment'].due_on:%-d %B %Y}."),
                 tag="Overdue" if row["overdue"] else "Assigned",
                 tag_colour="red" if row["overdue"] else "yellow")
            for row in learning["assigned"]], order=15, urgent=bool(overdue)))

    if learning["in_progress"]:
        latest = learning["in_progress"][0]["enrolment"]
        panels.append(list_panel("Continue where you left off", [
            Line(title=row["enrolment"].course_title, url=_url(row["enrolment"]),
                 meta=f"{row['percent']}% complete",
                 action_label="Continue" if row["enrolment"] is latest else "",
                 action_url=_url(row["enrolment"])
                 if row["enrolment"] is latest else "")
            for row in learning["in_progress"][:3]],
            order=5, more_url=reverse("courses:my_learning"), more_label="All your learning"))
    elif not learning["assigned"]:
        panels.append(list_panel("Your learning", [], order=5,
                                 more_url="/courses/", more_label="Find a course",
                                 empty="You are not taking a course at the moment."))

    if learning["expiring"]:
        panels.append(list_panel("Certificates about to expire", [
            Line(title=c.course_title, url=c.get_absolute_url(),
                 meta=f"Expires on {c.expires_on:%-d %B %Y}. Take the course again to renew it.",
                 tag="Expiring", tag_colour="yellow") for c in learning["expiring"]],
            order=25, urgent=True))

    if roles.is_team_manager(user):
        members = User.objects.filter(team__managers=user, is_active=True)
        assignments = list(Assignment.objects.filter(user__in=members, due_on__lt=today)
                           .select_related("user").order_by("due_on"))
        done = services.completed_assignment_ids(assignments)
        late = [a for a in assignments if a.pk not in done]
        panels.append(list_panel("Your team: overdue training", [
            Line(title=a.user.full_name or a.user.email,
                 meta=f"{a.course_title}, due {a.due_on:%-d %B %Y}", tag="Overdue",
                 tag_colour="red") for a in late],
            order=12, urgent=bool(late), more_url=reverse("courses:team_matrix"),
            more_label="Team training", empty="Nobody in your team is overdue."))
    return panels
