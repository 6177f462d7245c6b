"""What the CPD record adds to a person's home (see cms.home): this registration year's
progress against Social Work England's rule, and the entries still to write."""

from django.urls import reverse

from cms.home import Line, list_panel
from cpd import services
from cpd.models import CPDEntry


def home_panels(request):
    user = request.user
    progress = services.renewal_progress(user)
    start, end = services.registration_year_bounds(progress.year)
    to_write = list(CPDEntry.objects.filter(user=user, to_write=True,
                                            date__range=(start, end))
                    .only("pk", "title", "date")[:3])
    lines = [Line(title=progress.summary[:1].upper() + progress.summary[1:],
                  meta=f"{services.format_hours(progress.hours)} recorded, "
                       f"{start:%-d %B %Y} to {end:%-d %B %Y}",
                  tag="Rule met" if progress.met else "Not met yet",
                  tag_colour="green" if progress.met else ("red" if progress.urgent
                                                           else "yellow"),
                  action_label="Add a CPD entry", action_url=reverse("cpd:add"))]
    lines += [Line(title=entry.title, meta=f"{entry.date:%-d %B %Y}", tag="Still to write", tag_colour="yellow",
                   action_label="Write this entry",
                   action_url=reverse("cpd:edit", args=[entry.pk]))
              for entry in to_write]
    return [list_panel("CPD this registration year", lines, order=60,
                       urgent=progress.urgent, more_url=reverse("cpd:record"),
                       more_label="Your CPD record")]
