"""Certificates in the admin: a read-only record that Centre staff search, filter by
status and revoke with a reason (courses.services.revoke_certificate keeps the rule).

Certificates are records of learning: nobody adds, edits or deletes them here, whatever
model permissions an account holds; the one change the admin makes is a revocation."""

import django_filters
from django.urls import reverse
from django.utils.functional import cached_property
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem as AdminMenuItem
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic.base import BaseObjectMixin, WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import Button
from wagtail.snippets.views.snippets import IndexView, InspectView

from courses import services
from courses.forms import RevokeForm
from courses.models import Certificate


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status", choices=Certificate.Status.choices, method="filter_status",
        empty_label="Any status",
    )

    class Meta:
        model = Certificate
        fields = ["issued_on", "expires_on"]

    def filter_status(self, queryset, name, value):
        return queryset.with_status(value)


def can_revoke(user, certificate):
    return not certificate.revoked_at and user.has_perm("courses.revoke_certificate")


class CertificateIndexView(IndexView):
    revoke_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if can_revoke(self.request.user, instance):
            buttons.append(MenuItem("Revoke", reverse(self.revoke_url_name, args=[instance.pk]),
                                    icon_name="warning", priority=40))
        return buttons


class CertificateInspectView(InspectView):
    revoke_url_name = None
    REVOCATION = ("revoked_at", "revoked_reason", "revoked_by")

    def get_fields_context(self):
        hidden = () if self.object.revoked_at else self.REVOCATION
        return [self.get_context_for_field(name) for name in self.fields if name not in hidden]

    def get_field_label(self, field_name, field):
        return "CPD hours" if field_name == "cpd_hours" else super().get_field_label(
            field_name, field)

    def get_status_display_value(self):
        return self.object.get_status_display()

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if can_revoke(self.request.user, self.object):
            buttons.append(Button("Revoke", url=reverse(self.revoke_url_name,
                                                         args=[self.object.pk]),
                                  icon_name="warning", priority=30))
        return buttons


class RevokeCertificateView(PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin,
                            FormView):
    """Ask for the reason, then revoke; a certificate already revoked says so instead."""

    model = Certificate
    permission_required = "revoke"
    form_class = RevokeForm
    template_name = "courses/admin/certificate_revoke.html"
    page_title = "Revoke certificate"
    header_icon = "warning"
    index_url_name = None
    inspect_url_name = None
    revoke_url_name = None

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Certificates"},
            {"url": reverse(self.inspect_url_name, args=[self.object.pk]),
             "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({
            "certificate": self.object,
            "action_url": reverse(self.revoke_url_name, args=[self.object.pk]),
            "cancel_url": reverse(self.inspect_url_name, args=[self.object.pk]),
        })
        return context

    def form_valid(self, form):
        try:
            services.revoke_certificate(self.object, self.request.user,
                                        form.cleaned_data["reason"])
        except services.LearningError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, f"The certificate for {self.object.learner_name} "
                                       "is revoked. Its public check page now says so.")
        return super().form_valid(form)

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=[self.object.pk])


# --- framework coverage --------------------------------------------------------------------

def can_view_coverage(user):
    return user.has_perm("courses.change_competencyframework") or user.has_perm(
        "courses.view_competencyframework")


class CoverageMenuItem(AdminMenuItem):
    def is_shown(self, request):
        return can_view_coverage(request.user)


def framework_coverage(request, version_id=None):
    """Each statement of a framework version with the live courses that evidence it, and
    the gaps named in words (staff decide what to commission from this)."""
    from django.core.exceptions import PermissionDenied
    from django.http import Http404
    from django.shortcuts import render

    from courses import frameworks
    from courses.models import CompetencyFramework, FrameworkVersion

    if not can_view_coverage(request.user):
        raise PermissionDenied
    framework_list = list(CompetencyFramework.objects.prefetch_related("versions"))
    if version_id is None:
        # Every framework's version in force, so a gap anywhere is on the first screen.
        versions = list(frameworks.versions_in_force().values())
    else:
        version = FrameworkVersion.objects.select_related("framework").filter(
            pk=version_id).first()
        if version is None:
            raise Http404
        versions = [version]
    sections = []
    for version in versions:
        rows = frameworks.coverage(version)
        sections.append({"version": version, "rows": rows,
                         "gaps": [row for row in rows if row.is_gap]})
    return render(request, "courses/admin/framework_coverage.html", {
        "page_title": "Framework coverage", "sections": sections,
        "version": versions[0] if version_id is not None else None,
        "frameworks": [(f, frameworks.versions_in_order(f)) for f in framework_list],
    })
