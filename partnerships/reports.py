"""Improvement partnerships: every partner authority, its judgement, its partnership (or
none), the Centre's lead, the next review and the early warnings, those needing support
first."""

from django.db.models import Count, Q
from django.utils import timezone

from cms.models import Organisation
from cms.reports.base import Column, ProgrammeReportView
from cms.reports.engagement import SUPPORT_ORDER


class PartnershipsReport(ProgrammeReportView):
    name = "improvement_partnerships"
    page_title = "Improvement partnerships"
    model = Organisation
    filter_names = ("organisation",)
    description = (
        "Every partner local authority, those judged inadequate or requiring improvement "
        "first, with its improvement partnership: status, the Centre's lead, the plan's "
        "progress and the next review. Warnings name a judgement that needs support, a "
        "review overdue, or an authority needing support with no partnership yet.")
    columns_spec = [
        Column("name", "Partner authority"),
        Column("ofsted", "Ofsted judgement"),
        Column("ofsted_judgement_date", "Judged on", "date"),
        Column("partnership_status", "Partnership"),
        Column("lead", "Centre lead"),
        Column("actions_done", "Actions done", "int"),
        Column("actions_total", "Actions", "int"),
        Column("next_review", "Next review", "date"),
        Column("warnings", "Early warnings"),
    ]

    def get_report_queryset(self):
        authorities = Organisation.objects.partner_authorities()
        chosen = self.filter_values.get("organisation")
        if chosen is not None:
            authorities = authorities.filter(pk=chosen.pk)
        return (authorities.select_related("improvement_partnership__centre_lead")
                .annotate(
                    support_order=SUPPORT_ORDER,
                    actions_total=Count("improvement_partnership__actions"),
                    actions_done=Count("improvement_partnership__actions", filter=Q(
                        improvement_partnership__actions__status="done")))
                .order_by("support_order", "name", "pk"))

    def row_values(self, item):
        today = timezone.localdate()
        partnership = getattr(item, "improvement_partnership", None)
        item.ofsted = (item.get_ofsted_judgement_display() if item.ofsted_judgement
                       else "Not inspected")
        item.partnership_status = partnership.get_status_display() if partnership else "None"
        item.lead = (partnership.centre_lead.get_full_name()
                     if partnership and partnership.centre_lead else "")
        item.next_review = partnership.next_review_on if partnership else None
        if partnership is not None:
            warnings = partnership.flags(today)
        elif item.needs_improvement_support:
            warnings = [f"Ofsted: {item.get_ofsted_judgement_display()}",
                        "No improvement partnership yet"]
        else:
            warnings = []
        item.warnings = "; ".join(warnings)
        return super().row_values(item)
