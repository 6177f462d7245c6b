from django import forms

from cms.limits import LengthMessages


class BookingForm(LengthMessages, forms.Form):
    access_requirements = forms.CharField(
        label="Access or dietary requirements (optional)",
        help_text="For example a hearing loop, step-free access or a vegetarian lunch. "
        "We delete this a few days after the event.",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CancelForm(LengthMessages, forms.Form):
    reason = forms.CharField(
        label="Reason (optional)", required=False, max_length=200,
        help_text="Staff only: shown to the person in their email.",
    )


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(label="Number of places", min_value=0, max_value=10000)


class CancelEventForm(LengthMessages, forms.Form):
    reason = forms.CharField(
        label="Why the event is cancelled", max_length=200,
        help_text="Everyone booked or waiting receives this in an email.",
    )
    confirm = forms.BooleanField(label="Yes, cancel the event and every booking")


RATINGS = [(5, "5 – excellent"), (4, "4 – good"), (3, "3 – fair"), (2, "2 – poor"),
           (1, "1 – very poor")]


class FeedbackForm(LengthMessages, forms.Form):
    rating = forms.TypedChoiceField(
        label="Overall, how would you rate the event?", choices=RATINGS, coerce=int,
        widget=forms.RadioSelect,
    )
    most_useful = forms.CharField(
        label="What was most useful?", required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    do_differently = forms.CharField(
        label="What will you do differently in your practice?", required=False,
        max_length=2000, widget=forms.Textarea(attrs={"rows": 4}),
    )


class AttendanceForm(forms.Form):
    booking = forms.IntegerField(widget=forms.HiddenInput)
    attended = forms.TypedChoiceField(choices=[("1", "Attended"), ("0", "Did not attend")],
                                      coerce=lambda v: v == "1")
