"""What a partnership's record and its review meeting need: the support given (the
platform's own records through cms.registry.ORGANISATION_SUPPORT, with the visits and
publications staff record here), the plan's progress and the early warnings."""

import datetime

from django.utils import timezone

from cms import registry
from cms.models import Organisation
from partnerships.models import ImprovementPartnership, PlanAction


def support_given(partnership):
    """Everything the Centre has done with the authority since the partnership began:
    from the platform's records, and the visits and publications recorded on it."""
    found = registry.organisation_support(partnership.organisation, partnership.started_on)
    own = [registry.SupportItem(kind=record.get_kind_display(), title=record.description,
                                date=record.date) for record in partnership.support.all()]
    return sorted([*found, *own], key=lambda item: (item.date, item.kind, item.title),
                  reverse=True)


NOUNS = {"Mentoring": ("mentoring session", "mentoring sessions"),
         "Event": ("event attended", "events attended"),
         "Secondment": ("secondment", "secondments"),
         "Visit": ("visit", "visits"),
         "Publication shared": ("publication shared", "publications shared")}


def support_summary(items):
    """{kind: "3 visits"}, in the order kinds first appear."""
    counts = {}
    for item in items:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    return {kind: f"{n} {NOUNS.get(kind, (kind.lower(), kind.lower()))[n != 1]}"
            for kind, n in counts.items()}


def record_for(partnership, today=None):
    """The partnership's record as the screen and the one-page PDF show it."""
    today = today or timezone.localdate()
    actions = list(partnership.actions.all())
    support = support_given(partnership)
    return {
        "partnership": partnership,
        "organisation": partnership.organisation,
        "priorities": list(partnership.priorities.all()),
        "actions": actions,
        "actions_done": sum(a.status == PlanAction.Status.DONE for a in actions),
        "overdue_actions": [a for a in actions if a.due_on and a.due_on < today
                            and a.status != PlanAction.Status.DONE],
        "support": support,
        "support_summary": support_summary(support),
        "flags": partnership.flags(today),
        "today": today,
    }


def early_warnings(today=None):
    """Partner authorities needing attention: a latest judgement of requires improvement
    or inadequate, or a partnership whose review is overdue. [(organisation, partnership
    or None, [reasons])], most urgent first."""
    today = today or timezone.localdate()
    warnings = []
    authorities = (Organisation.objects.partner_authorities()
                   .select_related("improvement_partnership__centre_lead").order_by("name"))
    for organisation in authorities:
        partnership = getattr(organisation, "improvement_partnership", None)
        if partnership is not None:
            reasons = partnership.flags(today)
        elif organisation.needs_improvement_support:
            reasons = [f"Ofsted: {organisation.get_ofsted_judgement_display()}",
                       "No improvement partnership yet"]
        else:
            reasons = []
        if reasons:
            warnings.append((organisation, partnership, reasons))
    order = {Organisation.Ofsted.INADEQUATE: 0, Organisation.Ofsted.REQUIRES_IMPROVEMENT: 1}
    return sorted(warnings, key=lambda w: (order.get(w[0].ofsted_judgement, 2), w[0].name))


def reviews_due(today=None, within=datetime.timedelta(days=14)):
    today = today or timezone.localdate()
    return (ImprovementPartnership.objects.exclude(status=ImprovementPartnership.Status.CLOSED)
            .filter(next_review_on__lte=today + within).select_related("organisation")
            .order_by("next_review_on"))
