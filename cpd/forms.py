from django import forms

from cms.limits import LengthMessages
from cpd.models import CPDEntry

PEER_FIELDS = ["peer_name", "peer_role", "peer_discussed_on"]


class CPDEntryForm(LengthMessages, forms.ModelForm):
    """The fields Social Work England's CPD form asks for (type, title, date, what I learnt,
    the impact on my practice, and of a peer reflection who, their role and when), then
    what this record adds (hours, provider, standards)."""

    class Meta:
        model = CPDEntry
        fields = ["kind", "title", "date", "what_learnt", "impact_on_practice",
                  "peer_name", "peer_role", "peer_discussed_on", "peer_reflection",
                  "hours", "provider", "impact_on_people", "standards"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "peer_discussed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "what_learnt": forms.Textarea(attrs={"rows": 5}),
            "impact_on_practice": forms.Textarea(attrs={"rows": 5}),
            "impact_on_people": forms.Textarea(attrs={"rows": 4}),
            "peer_reflection": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "what_learnt": "Needed, with the impact on your practice, for the entry to "
                           "count towards your registration.",
            "impact_on_practice": "How it changes what you do, for the people you work "
                                  "with.",
            "peer_name": "For a peer reflection: the colleague you discussed this with. "
                         "Social Work England asks for at least one each year.",
            "peer_reflection": "Social Work England asks what you learnt from the "
                               "discussion.",
            "standards": "For example: Social Work England standard 4; KSS 3.",
        }

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours is not None and hours < 0:
            raise forms.ValidationError("Enter hours as 0 or more.")
        return hours

    def clean(self):
        cleaned = super().clean()
        peer = [cleaned.get(name) for name in PEER_FIELDS] + [cleaned.get("peer_reflection")]
        if any(peer):
            messages = {"peer_name": "Enter who the discussion was with",
                        "peer_role": "Enter their role",
                        "peer_discussed_on": "Enter the date of the discussion"}
            for name in PEER_FIELDS:
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, messages[name])
        return cleaned
