import datetime

from django import forms
from django.utils import timezone

from cms.limits import DateRangeValidator, LengthMessages
from secondments.models import (
    ExpertiseArea,
    MentoringBooking,
    MentoringSlot,
    MentorProfile,
    SecondmentApplication,
)


class ApplicationForm(LengthMessages, forms.ModelForm):
    class Meta:
        model = SecondmentApplication
        fields = ["current_role", "experience", "learning_goals", "sponsor_name",
                  "sponsor_email"]
        widgets = {
            "current_role": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "experience": forms.Textarea(attrs={"rows": 5}),
            "learning_goals": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "experience": "Your experience of leading practice or services, in a few sentences.",
            "learning_goals": "What you hope to learn and take back to your authority.",
            "sponsor_name": "The manager in your authority who supports your application.",
            "sponsor_email": "We will email them a link to endorse your application. "
                             "They do not need an account.",
        }
        error_messages = {
            "current_role": {"required": "Enter your current role."},
            "experience": {"required": "Describe your relevant experience."},
            "learning_goals": {"required": "Say what you want to learn."},
            "sponsor_name": {"required": "Enter your sponsoring manager's name."},
            "sponsor_email": {
                "required": "Enter your sponsoring manager's email address.",
                "invalid": "Enter an email address in the correct format, like "
                           "name@example.org.",
            },
        }


    def __init__(self, *args, applicant, **kwargs):
        self.applicant = applicant
        super().__init__(*args, **kwargs)

    def clean_sponsor_email(self):
        from secondments import services

        address = self.cleaned_data["sponsor_email"].strip().lower()
        try:
            services.check_sponsor_email(self.applicant, address)
        except services.SecondmentError as error:
            raise forms.ValidationError(str(error)) from None
        return address


class SponsorDecisionForm(LengthMessages, forms.Form):
    decision = forms.ChoiceField(
        label="Do you endorse this application?",
        choices=[("endorse", "Yes, I endorse it"), ("decline", "No, I do not endorse it")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you endorse the application."},
    )
    comment = forms.CharField(
        label="Comments for the Centre", required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReasonForm(LengthMessages, forms.Form):
    reason = forms.CharField(
        label="Reason", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class StaffActionForm(LengthMessages, forms.Form):
    action = forms.ChoiceField(
        label="Decision",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a decision."},
    )
    reason = forms.CharField(
        label="Reason or outcome", required=False, max_length=4000,
        help_text="The applicant reads this. Required when rejecting or completing.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    confirm_offer = forms.BooleanField(
        label="I have read the warnings above and want to offer the place now",
        required=False)

    LABELS = {
        "shortlist": "Shortlist",
        "offer": "Offer a place",
        "reject": "Reject",
        "complete": "Mark the secondment completed",
    }
    TARGETS = {
        "shortlist": "shortlisted",
        "offer": "offered",
        "reject": "rejected",
        "complete": "completed",
    }

    def __init__(self, *args, application, offer_warnings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [
            (action, label) for action, label in self.LABELS.items()
            if application.can_move_to(self.TARGETS[action])
        ]
        if not offer_warnings or "offer" not in dict(self.fields["action"].choices):
            del self.fields["confirm_offer"]


class MentorDirectoryFilter(forms.Form):
    expertise = forms.ModelChoiceField(
        label="Area of expertise", queryset=ExpertiseArea.objects.all(), required=False,
        empty_label="Any area", to_field_name="slug",
    )
    offers = forms.ChoiceField(
        label="Offers", required=False,
        choices=[("", "Coaching or mentoring"), ("coaching", "Coaching"),
                 ("mentoring", "Mentoring")],
    )


class MentorProfileForm(LengthMessages, forms.ModelForm):
    class Meta:
        model = MentorProfile
        fields = ["role", "biography", "expertise", "offers_coaching", "offers_mentoring",
                  "is_active"]
        widgets = {
            "biography": forms.Textarea(attrs={"rows": 6}),
            "expertise": forms.CheckboxSelectMultiple,
        }
        labels = {"is_active": "Show me in the mentor directory"}


class BookingForm(LengthMessages, forms.Form):
    goals = forms.CharField(
        label="Your goals for the session", max_length=4000,
        help_text="What would you like to get from this session?",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Say what you would like to get from the session."},
    )


class SessionOutcomeForm(LengthMessages, forms.Form):
    held = forms.ChoiceField(
        label="Did the session take place?",
        choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect,
        error_messages={"required": "Say whether the session took place."},
    )
    notes = forms.CharField(
        label="Private notes", required=False, max_length=10000,
        help_text="Only you and Centre staff can read these.",
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class FeedbackForm(LengthMessages, forms.ModelForm):
    class Meta:
        model = MentoringBooking
        fields = ["mentee_feedback", "goals_progress"]
        widgets = {
            "mentee_feedback": forms.Textarea(attrs={"rows": 4}),
            "goals_progress": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "mentee_feedback": "Your mentor and the Centre's staff read this with your name.",
            "goals_progress": "This goes into your CPD record as what you learnt.",
        }
        error_messages = {
            "mentee_feedback": {"required": "Give your feedback on the session."},
            "goals_progress": {"required": "Describe your progress towards your goals."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True


class SlotForm(LengthMessages, forms.Form):
    date = forms.DateField(
        label="Date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[DateRangeValidator(years_ahead=2)],
        error_messages={"required": "Enter the date.", "invalid": "Enter a real date."},
    )
    start_time = forms.TimeField(
        label="Start time", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": "Enter the start time.",
                        "invalid": "Enter a time like 09:30."},
    )
    duration_minutes = forms.TypedChoiceField(
        label="Length", coerce=int, initial=60,
        choices=[(30, "30 minutes"), (45, "45 minutes"), (60, "1 hour"), (90, "1.5 hours"),
                 (120, "2 hours")],
    )
    mode = forms.ChoiceField(
        label="How the session happens", choices=MentoringSlot.Mode.choices,
        widget=forms.RadioSelect, initial=MentoringSlot.Mode.VIDEO,
    )
    location = forms.CharField(
        label="Venue", required=False, max_length=250,
        help_text="For an in-person session. Only the person who books sees it.",
    )
    video_link = forms.URLField(
        label="Video call link", required=False, assume_scheme="https", max_length=200,
        help_text="For a video call. Only the person who books sees it.",
        error_messages={"invalid": "Enter a full web address starting https://"},
    )
    weeks = forms.IntegerField(
        label="Repeat weekly for how many weeks", min_value=1, max_value=26, initial=1,
        help_text="1 publishes a single slot.",
        error_messages={"min_value": "Enter a number from 1 to 26.",
                        "max_value": "Enter a number from 1 to 26.",
                        "invalid": "Enter a number from 1 to 26."},
    )

    def clean(self):
        cleaned = super().clean()
        date, time = cleaned.get("date"), cleaned.get("start_time")
        if date and time:
            starts_at = timezone.make_aware(datetime.datetime.combine(date, time))
            if starts_at <= timezone.now():
                self.add_error("date", "Choose a date and time in the future.")
            cleaned["starts_at"] = starts_at
        mode = cleaned.get("mode")
        if mode == MentoringSlot.Mode.IN_PERSON and not cleaned.get("location", "").strip():
            self.add_error("location", "Enter the venue for an in-person session.")
        if mode == MentoringSlot.Mode.VIDEO and not cleaned.get("video_link"):
            self.add_error("video_link", "Enter the video call link.")
        return cleaned


class GoalForm(LengthMessages, forms.ModelForm):
    class Meta:
        from secondments.models import DevelopmentGoal

        model = DevelopmentGoal
        fields = ["title", "plan", "reflection", "status"]
        help_texts = {
            "title": "For example: lead a multi-agency panel by the spring.",
            "plan": "Sessions, shadowing, reading or a secondment. Your mentor can see this.",
            "reflection": "What you have tried and learnt so far. Your mentor can see this.",
        }
        widgets = {"plan": forms.Textarea(attrs={"rows": 4}),
                   "reflection": forms.Textarea(attrs={"rows": 4}),
                   "status": forms.RadioSelect}


class GoalCommentForm(LengthMessages, forms.Form):
    text = forms.CharField(label="Your comment", max_length=2000,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           error_messages={"required": "Write your comment."})
