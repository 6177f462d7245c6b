from django import forms

from cms.limits import DateRangeValidator, LengthMessages
from courses.models import CoursePage, CPDEntry, Programme


class CatalogueFilterForm(LengthMessages, forms.Form):
    q = forms.CharField(label="Search courses", required=False, max_length=100)
    programme = forms.ChoiceField(label="Programme", required=False)
    level = forms.ChoiceField(label="Level", required=False,
                              choices=[("", "Any level")] + CoursePage.Level.choices)
    mode = forms.ChoiceField(label="Delivery", required=False,
                             choices=[("", "Any delivery")] + CoursePage.DeliveryMode.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", "Any programme")] + list(
            Programme.objects.values_list("slug", "name"))


class ReflectionForm(LengthMessages, forms.Form):
    text = forms.CharField(label="Your reflection", widget=forms.Textarea(attrs={"rows": 5}),
                           max_length=20000)


class CPDEntryForm(LengthMessages, forms.ModelForm):
    class Meta:
        model = CPDEntry
        fields = ["kind", "title", "provider", "date", "hours", "what_learnt",
                  "impact_on_practice", "impact_on_people", "peer_reflection", "peer_role",
                  "standards"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
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


class AssignmentForm(forms.Form):
    course = forms.ModelChoiceField(label="Course", queryset=CoursePage.objects.none(),
                                    empty_label="Choose a course")
    members = forms.ModelMultipleChoiceField(
        label="Team members", queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one team member."},
    )
    due_on = forms.DateField(label="Due date", widget=forms.DateInput(attrs={"type": "date"}),
                             validators=[DateRangeValidator(years_ahead=5)],
                             help_text="For example, 27 3 2027.")

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.live().order_by("title")
        self.fields["members"].queryset = members
        self.fields["members"].label_from_instance = lambda u: u.full_name or u.email


class RevokeForm(LengthMessages, forms.Form):
    reason = forms.CharField(
        label="Reason for revoking", max_length=300,
        help_text="Kept with the certificate's record; the public check page only says "
                  "that it was revoked and when.",
        error_messages={"required": "Give a reason for revoking the certificate."},
    )
