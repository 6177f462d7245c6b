from django import forms
from django.db.models import Q
from django.forms.renderers import TemplatesSetting

from cms.limits import LengthMessages
from cms.models import Organisation, Team, User


class SiteFormRenderer(TemplatesSetting):
    """Render every form with labels above fields and errors linked to them."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class ProfileFieldsMixin:
    def clean_full_name(self):
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError("Enter your full name.")
        return name


class SignupForm(ProfileFieldsMixin, LengthMessages, forms.Form):
    """Extra fields for allauth's sign-up form (it adds email and password)."""

    full_name = forms.CharField(
        max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    job_title = forms.CharField(
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(is_confirmed=True).order_by(
            "-is_host_authority", "name"),
        required=False,
        empty_label="Choose your organisation",
        help_text="Your council, NHS trust, school or partner body. People join the host "
        "authority with an email address on its domains, or once the Centre confirms them.",
    )
    organisation_not_listed = forms.CharField(
        label="Not in the list? Type its name",
        max_length=200,
        required=False,
        help_text="Leave this empty if you chose your organisation above. The Centre checks "
        "organisations added here.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )

    field_order = ["full_name", "email", "job_title", "organisation", "organisation_not_listed",
                   "password1", "password2"]

    def clean(self):
        cleaned = super().clean()
        named = " ".join(cleaned.get("organisation_not_listed", "").split())
        cleaned["organisation_not_listed"] = named
        if not cleaned.get("organisation") and not named:
            self.add_error("organisation", "Choose your organisation, or name it below if "
                           "it is not listed.")
        elif cleaned.get("organisation") and named:
            self.add_error("organisation_not_listed", "Choose your organisation or name "
                           "one that is not listed, not both.")
        return cleaned

    def signup(self, request, user):
        from cms import services

        organisation = self.cleaned_data["organisation"] or services.name_organisation(
            self.cleaned_data["organisation_not_listed"])
        services.complete_signup(
            user,
            full_name=self.cleaned_data["full_name"],
            job_title=self.cleaned_data["job_title"],
            organisation=organisation,
        )


class ProfileForm(ProfileFieldsMixin, LengthMessages, forms.ModelForm):
    """Name and job title are saved as typed; organisation and team are asked for, and
    joined by the membership rules (cms.services.update_profile)."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), empty_label="Choose your organisation",
        help_text="Joining the host authority needs a confirmed email address on its "
        "domains, or the Centre's approval.")
    team = forms.ModelChoiceField(
        queryset=Team.objects.none(), required=False, empty_label="No team",
        help_text="Joining a team needs its manager's approval.")

    class Meta:
        model = User
        fields = ["full_name", "job_title"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance
        self.fields["full_name"].required = True
        self.fields["organisation"].queryset = Organisation.objects.filter(
            Q(is_confirmed=True) | Q(pk=user.organisation_id)).order_by(
            "-is_host_authority", "name")
        self.fields["organisation"].initial = user.organisation_id
        self.fields["team"].queryset = Team.objects.select_related("organisation").order_by(
            "organisation__name", "name"
        )
        self.fields["team"].initial = user.team_id

    def clean(self):
        cleaned = super().clean()
        team, organisation = cleaned.get("team"), cleaned.get("organisation")
        if team and organisation and team.organisation_id != organisation.pk:
            self.add_error("team", "Choose a team in your organisation, or no team.")
        return cleaned


class EraseAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="To be sure it is you.",
    )
    confirm = forms.BooleanField(
        label="I understand that my account and personal details will be erased and this "
        "cannot be undone",
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password


class WorkAccountForm(LengthMessages, forms.Form):
    email = forms.EmailField(
        label="Your work email address", max_length=254,
        error_messages={"required": "Enter your work email address",
                        "invalid": "Enter an email address in the correct format, like "
                                   "name@example.org"})
