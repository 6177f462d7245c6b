from django import forms

from cms.limits import LengthMessages
from cpd.models import CPDEntry


class CPDEntryForm(LengthMessages, forms.ModelForm):
    class Meta:
        model = CPDEntry
        fields = ["kind", "title", "provider", "date", "hours", "what_learnt",
                  "impact_on_practice", "impact_on_people", "peer_reflection", "peer_role",
                  "standards"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "what_learnt": forms.Textarea(attrs={"rows": 4}),
            "impact_on_practice": forms.Textarea(attrs={"rows": 4}),
            "impact_on_people": forms.Textarea(attrs={"rows": 4}),
            "peer_reflection": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "peer_reflection": "Optional: what a colleague said when you discussed this.",
            "standards": "For example: Social Work England standard 4; KSS 3.",
        }

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours is not None and hours < 0:
            raise forms.ValidationError("Enter hours as 0 or more.")
        return hours
