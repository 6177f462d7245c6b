"""The Innovation programme's measures and their figures per RES cluster and period.

Only aggregate figures are ever held: a number per cluster, measure and period (with the base
it was worked out on, for combining clusters). Nothing about a child or a family.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from outcomes.periods import MONTH, QUARTER, Period, is_period_start


def clusters():
    """The teams figures are kept for: every team that serves a cluster (the RES teams)."""
    from cms.models import Team

    return Team.objects.exclude(cluster="")


class Measure(ClusterableModel):
    class Unit(models.TextChoices):
        COUNT = "count", "Count"
        RATE = "rate_10000", "Rate per 10,000"
        PERCENTAGE = "percentage", "Percentage"
        DAYS = "days", "Days"

    class Direction(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"

    class Frequency(models.TextChoices):
        QUARTERLY = QUARTER, "Quarterly"
        MONTHLY = MONTH, "Monthly"

    name = models.CharField(max_length=150, unique=True)
    code = models.SlugField(
        max_length=60, unique=True,
        help_text="Short name used in CSV imports, e.g. re-referrals.")
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.COUNT)
    direction = models.CharField("direction of improvement", max_length=10,
                                 choices=Direction.choices, default=Direction.LOWER)
    frequency = models.CharField(max_length=10, choices=Frequency.choices,
                                 default=Frequency.QUARTERLY)
    description = models.TextField(blank=True, help_text="What is counted, in a sentence.")
    source_note = models.TextField(
        blank=True, help_text="Where the figures come from and how they are worked out.")
    base_label = models.CharField(
        "base", max_length=120, blank=True,
        help_text="What a figure is a rate, percentage or average of, e.g. children aged 0 "
        "to 17, referrals, possible school sessions. Clusters are combined weighted by it.")
    baseline_period = models.DateField(
        null=True, blank=True,
        help_text="First day of the period every cluster is compared with, unless the "
        "cluster has its own below.")
    published = models.BooleanField(
        "publish headline", default=False,
        help_text="Show this measure's published figures in the public team directory.")
    sort_order = models.PositiveSmallIntegerField(default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("direction"), FieldPanel("frequency")]),
        FieldPanel("description"),
        FieldPanel("source_note"),
        FieldPanel("base_label"),
        MultiFieldPanel([FieldPanel("baseline_period"), InlinePanel(
            "cluster_baselines", label="Cluster with its own baseline")], heading="Baseline"),
        FieldRowPanel([FieldPanel("published"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        permissions = [("view_outcomes", "Can view programme outcome figures")]

    def __str__(self):
        return self.name

    def clean(self):
        if self.baseline_period and not is_period_start(self.baseline_period, self.frequency):
            raise ValidationError({"baseline_period": "Give the first day of a "
                                   f"{self.get_frequency_display().lower()} period."})

    @property
    def is_ratio(self):
        """Rates, percentages and averages are combined weighted by their base; counts
        are added up."""
        return self.unit != self.Unit.COUNT

    @cached_property
    def baseline(self):
        return Period(self.baseline_period, self.frequency) if self.baseline_period else None

    def format_value(self, value):
        if value is None:
            return ""
        value = Decimal(value)
        if self.unit == self.Unit.COUNT:
            return f"{value:,.0f}"
        text = f"{value:,.1f}"
        if self.unit == self.Unit.PERCENTAGE:
            return f"{text}%"
        if self.unit == self.Unit.RATE:
            return f"{text} per 10,000"
        return f"{text} days"


class ClusterBaseline(Orderable):
    """A cluster compared with a period of its own (a team that started later, say)."""

    measure = ParentalKey(Measure, on_delete=models.CASCADE, related_name="cluster_baselines")
    team = models.ForeignKey("cms.Team", on_delete=models.CASCADE, related_name="+",
                             verbose_name="cluster", limit_choices_to=~models.Q(cluster=""))
    period = models.DateField(help_text="First day of the baseline period.")

    panels = [FieldPanel("team"), FieldPanel("period")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["measure", "team"],
                                               name="one_baseline_per_cluster")]

    def clean(self):
        if self.period and self.measure_id and not is_period_start(
                self.period, self.measure.frequency):
            raise ValidationError({"period": "Give the first day of a period."})


class Figure(models.Model):
    """One aggregate figure: a measure's value for a cluster in a period."""

    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="figures")
    team = models.ForeignKey("cms.Team", on_delete=models.PROTECT, related_name="+",
                             verbose_name="cluster", limit_choices_to=~models.Q(cluster=""))
    period_start = models.DateField(
        "period", help_text="First day of the quarter (or month).")
    value = models.DecimalField(max_digits=12, decimal_places=2,
                                validators=[MinValueValidator(0)])
    base = models.DecimalField(
        max_digits=12, decimal_places=0, null=True, blank=True,
        validators=[MinValueValidator(1)],
        help_text="For rates, percentages and averages: the number it was worked out on "
        "(children, referrals, sessions, cases). Used to combine clusters fairly.")
    published = models.BooleanField(
        default=False, help_text="Show in the public team directory (if the measure is "
        "published too).")
    entered_by = models.ForeignKey("cms.User", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("measure"),
        FieldPanel("team"),
        FieldPanel("period_start"),
        FieldRowPanel([FieldPanel("value"), FieldPanel("base")]),
        FieldPanel("published"),
    ]

    class Meta:
        ordering = ["measure__sort_order", "measure__name", "team__name", "period_start"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "team", "period_start"],
                                    name="one_figure_per_cluster_period"),
            models.CheckConstraint(condition=models.Q(value__gte=0),
                                   name="figure_not_negative"),
        ]

    def __str__(self):
        return f"{self.measure} – {self.team} – {self.period}"

    @property
    def period(self):
        return Period(self.period_start, self.measure.frequency)

    @property
    def formatted(self):
        return self.measure.format_value(self.value)

    def clean(self):
        from outcomes.services import figure_problems

        if self.measure_id and self.team_id and self.period_start:
            problems = figure_problems(self.measure, self.team, self.period_start,
                                       self.value, self.base)
            if problems:
                raise ValidationError(problems)
