"""Wagtail's user screens, fitted to our user model (full name instead of first/last)."""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

PROFILE_FIELDS = ["email", "full_name", "job_title", "organisation", "team", "is_superuser", "groups"]


class CentreUserCreationForm(UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        fields = PROFILE_FIELDS
        widgets = {"groups": forms.CheckboxSelectMultiple}


class CentreUserEditForm(UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        fields = [*PROFILE_FIELDS, "is_active"]
        widgets = {"groups": forms.CheckboxSelectMultiple}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return CentreUserEditForm if for_update else CentreUserCreationForm
