"""Bounded input: how long typed text may be and which dates make sense, said once for every
app's models and forms.

Models give every free-text field a `max_length` from the sizes below; forms built on
them (and plain forms with their own `max_length`) take `LengthMessages` so that the error
reads the GOV.UK way: "Your reflection must be 2,000 characters or fewer".
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import pretty_name
from django.utils import timezone
from django.utils.deconstruct import deconstructible

# Sizes of typed text, in characters.
NAME = 200          # a name, a title, a role
SUMMARY = 1_000     # a sentence or two shown on a card
TEXT = 2_000        # a comment, an answer, an introduction
LONG_TEXT = 4_000   # an application's experience and goals, a biography
NOTES = 10_000      # a mentor's private notes
RICH_TEXT = 20_000  # an editor's formatted page text (counted without its markup)

EARLIEST_YEAR = 1990  # nothing anyone records here happened before this


@deconstructible
class DateRangeValidator:
    """A date from 1 January `earliest_year` to 31 December of the year `years_ahead` after
    this one (checked on the day it is entered)."""

    def __init__(self, earliest_year=EARLIEST_YEAR, years_ahead=1):
        self.earliest_year, self.years_ahead = earliest_year, years_ahead

    def bounds(self):
        latest = timezone.localdate().year + self.years_ahead
        return datetime.date(self.earliest_year, 1, 1), datetime.date(latest, 12, 31)

    def __call__(self, value):
        if isinstance(value, datetime.datetime):
            value = value.date()
        earliest, latest = self.bounds()
        if not earliest <= value <= latest:
            raise ValidationError(
                "Enter a date between %(earliest)s and %(latest)s.",
                code="date_range",
                params={"earliest": f"{earliest:%-d %B %Y}", "latest": f"{latest:%-d %B %Y}"},
            )

    def __eq__(self, other):
        return (isinstance(other, DateRangeValidator)
                and (self.earliest_year, self.years_ahead)
                == (other.earliest_year, other.years_ahead))


def too_long_message(label, limit):
    """GOV.UK's wording for text over its limit."""
    label = str(label or "").replace("(optional)", "").strip()
    if not label or label.endswith("?"):
        label = "Your answer"
    return f"{label} must be {limit:,} characters or fewer."


class LengthMessages:
    """Form mixin: every text field with a max_length says so in GOV.UK words."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            limit = getattr(field, "max_length", None)
            if limit and isinstance(field, forms.CharField):
                field.error_messages["max_length"] = too_long_message(
                    field.label or pretty_name(name), limit)


PDF_LINES = 40  # line breaks kept per answer in a PDF


def flowed(text, max_lines=PDF_LINES):
    """Text for a PDF: at most `max_lines` lines, blank runs collapsed, the rest flowed
    into the last line. A PDF's cost is its pages, and 4,000 characters of line breaks
    would otherwise be 40 pages; every word is kept."""
    lines = [line.strip() for line in str(text or "").replace("\r\n", "\n").split("\n")]
    kept = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    if len(kept) > max_lines:
        kept = kept[: max_lines - 1] + [" ".join(line for line in kept[max_lines - 1:] if line)]
    return "\n".join(kept)
