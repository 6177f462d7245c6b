"""Partner authority engagement: per organisation, its Ofsted judgement, registered leaders,
secondments completed, mentoring sessions held, event attendances, courses completed and the
date of its last activity. Authorities judged inadequate or requiring improvement come first."""

from django.contrib.auth.models import Group
from django.db.models import Case, Count, Exists, IntegerField, Max, OuterRef, Q, Value, When

from cms import registry, roles
from cms.models import Organisation, User
from cms.reports.base import Column, ProgrammeReportView, count_of

SUPPORT_ORDER = Case(
    When(ofsted_judgement=Organisation.Ofsted.INADEQUATE, then=Value(0)),
    When(ofsted_judgement=Organisation.Ofsted.REQUIRES_IMPROVEMENT, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)



def figure_keys():
    """The activity columns, as feature apps register them (cms.registry)."""
    return [f.key for f in registry.engagement_figures() if f.key]


def engagement_queryset(*, organisation=None):
    """Partner authorities (local authorities, not the host), those needing improvement
    support first, with
    their registered (visiting) leaders counted."""
    leaders = Group.objects.filter(name=roles.VISITING_LEADERS).values_list("pk", flat=True)
    in_group = User.groups.through.objects.filter(user_id=OuterRef("pk"),
                                                  group_id__in=list(leaders))
    organisations = Organisation.objects.partner_authorities()
    if organisation is not None:
        organisations = organisations.filter(pk=organisation.pk)
    return (
        organisations.only("id", "name", "ofsted_judgement", "ofsted_judgement_date")
        .annotate(
            support_order=SUPPORT_ORDER,
            registered_leaders=count_of(User.objects.filter(Exists(in_group)),
                                        inner="organisation"),
        )
        .order_by("support_order", "name", "pk")
    )


def engagement_figures(organisation_ids, period=lambda field: Q()):
    """{organisation id: {figure: count, "last_activity": datetime or None}} for the given
    organisations: one grouped aggregate query per kind of activity (each a single pass
    over its table, however many organisations there are). `period(field)` narrows a
    record's date field to the dates chosen."""
    kinds = [(f.key, f.records(period), f.organisation, f.date_field)
             for f in registry.engagement_figures()]
    figures = {pk: {**dict.fromkeys(figure_keys(), 0), "last_activity": None}
               for pk in organisation_ids}
    for figure, records, organisation, date in kinds:
        grouped = (records.filter(**{f"{organisation}__in": list(figures)}).order_by()
                   .values(organisation).annotate(n=Count("pk"), last=Max(date))
                   .values_list(organisation, "n", "last"))
        for pk, n, last in grouped:  # one row per organisation
            if figure:
                figures[pk][figure] = n
            latest = figures[pk]["last_activity"]
            figures[pk]["last_activity"] = last if latest is None or (
                last and last > latest) else latest
    return figures


class EngagementReport(ProgrammeReportView):
    name = "partner_engagement"
    page_title = "Partner authority engagement"
    model = Organisation
    filter_names = ("date", "organisation")
    date_label = "Activity"
    export_filename = "partner-authority-engagement"
    description = (
        "Every partner local authority, those judged inadequate or requiring improvement "
        "first (NHS trusts, schools and other partners are not authorities). "
        "Activity in the dates chosen: secondment applications made (and completed), "
        "mentoring sessions held, events attended and courses completed by its people. "
        "Registered leaders counts its visiting leaders now."
    )
    @property
    def columns_spec(self):
        return [
            Column("name", "Organisation"),
            Column("ofsted", "Ofsted judgement"),
            Column("ofsted_judgement_date", "Judged on", "date"),
            Column("registered_leaders", "Registered leaders", "int"),
            *[Column(f.key, f.label, "int") for f in registry.engagement_figures() if f.key],
            Column("last_activity", "Last activity", "date"),
        ]

    def get_report_queryset(self):
        return engagement_queryset(organisation=self.filter_values.get("organisation"))

    def decorate_paginated_queryset(self, object_list):
        organisations = list(object_list)
        figures = engagement_figures([o.pk for o in organisations], period=self.in_period)
        for organisation in organisations:
            for key, value in figures[organisation.pk].items():
                setattr(organisation, key, value)
        return super().decorate_paginated_queryset(organisations)

    def row_values(self, item):
        item.ofsted = item.get_ofsted_judgement_display() if item.ofsted_judgement else \
            "Not inspected"
        return super().row_values(item)
