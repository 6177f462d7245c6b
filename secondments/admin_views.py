"""The admin screens where Centre staff decide on secondment applications.

Each decision calls the one service that keeps its rule (secondments.services: it locks,
records the history row and emails the applicant); a broken rule comes back as a form
error and an admin message, never a server error."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.views.snippets import IndexView, InspectView

from cms import audit, roles
from secondments import services
from secondments.forms import StaffActionForm
from secondments.models import SecondmentApplication, SecondmentOpportunityPage


class ApplicationIndexView(IndexView):
    """The pipeline: each application's reference opens the decision screen."""

    decide_url_name = None

    @cached_property
    def opportunity(self):
        """The one opportunity the pipeline is filtered to, if it is."""
        chosen = self.request.GET.getlist("opportunity")
        if len(chosen) != 1 or not chosen[0].isdigit() or int(chosen[0]) >= 2**31:
            return None
        return SecondmentOpportunityPage.objects.with_places_taken().filter(
            pk=int(chosen[0])).first()

    def get_page_subtitle(self):
        if self.opportunity is None:
            return super().get_page_subtitle()
        opportunity = self.opportunity
        return (f"{opportunity.title}, {opportunity.places_taken_count} of "
                f"{opportunity.places} places offered or taken")

    def get_decide_url(self, instance):
        return reverse(self.decide_url_name, args=[instance.pk])

    def _get_title_column(self, *args, **kwargs):
        column = super()._get_title_column(*args, **kwargs)
        column._get_url_func = self.get_decide_url
        return column

    def get_list_more_buttons(self, instance):
        return [
            MenuItem("Review and decide", self.get_decide_url(instance), icon_name="tasks",
                     priority=5),
            *super().get_list_more_buttons(instance),
        ]


class ApplicationDecisionView(InspectView):
    """One application: what the applicant wrote, the sponsor's endorsement, its history
    and the decisions open to staff from its current status."""

    page_title = "Review and decide"
    template_name = "secondments/admin/application_decision.html"
    decide_url_name = None

    def dispatch(self, request, *args, **kwargs):
        # Deciding is Centre staff's work whatever model permissions an account holds.
        if not roles.is_centre_staff(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_fields(self):
        return []  # the template lays out the application itself

    def get_object(self, queryset=None):
        application = get_object_or_404(
            SecondmentApplication.objects.select_related("applicant", "opportunity"),
            pk=self.pk,
        )
        return audit.attach([application])[0]

    def get_page_subtitle(self):
        return f"{self.object.reference}: {self.object.applicant.get_full_name()}"

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.offer_letter_url:
            buttons.append(Button(f"{services.letter_title(self.object)} (PDF)",
                                  url=self.offer_letter_url,
                                  icon_name="doc-full", priority=5))
        return buttons

    @cached_property
    def offer_letter_url(self):
        if self.object.status in services.offer_letter_statuses():
            return reverse("secondments:offer_letter", args=[self.object.pk])
        return None

    @cached_property
    def offer_warnings(self):
        if not self.object.can_move_to(SecondmentApplication.Status.OFFERED):
            return []
        return services.offer_warnings(self.object)

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return StaffActionForm(data, application=self.object,
                               offer_warnings=self.offer_warnings)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        opportunity = application.opportunity
        context.update({
            "application": application,
            "form": kwargs.get("form") or self.get_form(),
            "sponsor_warnings": services.sponsor_warnings(application),
            "offer_warnings": self.offer_warnings,
            "letter_title": services.letter_title(application),
            "places": opportunity.places,
            "places_taken": opportunity.places_taken(),
            "offer_letter_url": self.offer_letter_url,
            "pipeline_url": reverse(self.index_url_name) + f"?opportunity={opportunity.pk}",
            "action_url": reverse(self.decide_url_name, args=[application.pk]),
        })
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            action = form.cleaned_data["action"]
            options = {}
            if action == "offer":
                options["confirmed"] = bool(form.cleaned_data.get("confirm_offer"))
            try:
                services.STAFF_ACTIONS[action](
                    self.object, request.user, form.cleaned_data["reason"], **options
                )
            except services.OfferNeedsConfirmation:
                field = "confirm_offer" if "confirm_offer" in form.fields else None
                form.add_error(field, "Tick the box to confirm you want to offer the place "
                                      "despite the warnings, or choose another decision.")
            except services.SecondmentError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, f"{self.object.reference}: {form.LABELS[action]} recorded. "
                             "The applicant has been emailed.")
                return redirect(self.decide_url_name, pk=self.object.pk)
        return self.render_to_response(self.get_context_data(form=form), status=200)
