"""A partnership's record (what a review meeting needs, on one screen) and its one-page
PDF."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.widgets import Button
from wagtail.snippets.views.snippets import InspectView

from cms import roles
from partnerships import services
from partnerships.models import ImprovementPartnership


def _get_partnership_for_user(user, pk):
    """The one way a view reaches a partnership: Centre staff only."""
    if not roles.is_centre_staff(user):
        raise PermissionDenied
    return get_object_or_404(
        ImprovementPartnership.objects.select_related("organisation", "centre_lead")
        .prefetch_related("priorities", "actions", "support"), pk=pk)


class PartnershipRecordView(InspectView):
    template_name = "partnerships/admin/record.html"
    page_title = "Improvement partnership"
    pdf_url_name = None

    def get_object(self, queryset=None):
        return _get_partnership_for_user(self.request.user, self.pk)

    def get_fields(self):
        return []

    def get_page_subtitle(self):
        return self.object.organisation.name

    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons,
                Button("One-page summary (PDF)", url=reverse(self.pdf_url_name,
                                                             args=[self.object.pk]),
                       icon_name="doc-full", priority=5)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(services.record_for(self.object))
        context["pdf_url"] = reverse(self.pdf_url_name, args=[self.object.pk])
        return context


def partnership_pdf(request, pk):
    from cms.pdf import render_pdf

    partnership = _get_partnership_for_user(request.user, pk)
    pdf = render_pdf("partnerships/summary_pdf.html", services.record_for(partnership))
    response = HttpResponse(pdf, content_type="application/pdf")
    name = partnership.organisation.name.lower().replace(" ", "-")
    response["Content-Disposition"] = (
        f'inline; filename="partnership-{name}-{timezone.localdate():%Y-%m-%d}.pdf"')
    return response
