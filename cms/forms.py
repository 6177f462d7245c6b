from django import forms
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
        queryset=Organisation.objects.order_by("-is_host_authority", "name"),
        empty_label="Choose your organisation",
        help_text="Your council, NHS trust, school or partner body.",
    )

    field_order = ["full_name", "email", "job_title", "organisation", "password1", "password2"]

    def signup(self, request, user):
        from cms import services

        services.complete_signup(
            user,
            full_name=self.cleaned_data["full_name"],
            job_title=self.cleaned_data["job_title"],
            organisation=self.cleaned_data["organisation"],
        )


class ProfileForm(ProfileFieldsMixin, LengthMessages, forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "job_title", "organisation", "team"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        self.fields["organisation"].required = True
        self.fields["organisation"].empty_label = "Choose your organisation"
        self.fields["team"].queryset = Team.objects.select_related("organisation").order_by(
            "organisation__name", "name"
        )
        self.fields["team"].empty_label = "No team"

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
