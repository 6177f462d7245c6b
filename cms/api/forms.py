from django import forms

from cms.limits import LengthMessages
from cms.models import Organisation


class PersonalTokenForm(LengthMessages, forms.Form):
    name = forms.CharField(
        label="What will use this token?", max_length=100,
        help_text="For example \"My spreadsheet\". It helps you tell your tokens apart.",
        error_messages={"required": "Enter what will use this token"})


class OrganisationTokenForm(LengthMessages, forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(is_confirmed=True),
        help_text="The token reads the completions and certificates of this organisation's "
        "people, and nobody else's.",
        error_messages={"required": "Choose the organisation the token is for"})
    name = forms.CharField(
        label="What will use this token?", max_length=100,
        help_text="For example \"Northfield HR nightly import\".",
        error_messages={"required": "Enter what will use this token"})
