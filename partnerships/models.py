"""The improvement partner offer as a record: one partnership per partner authority, with
the priorities agreed, a plan of actions with owners, the Centre's lead, review dates and
status, and the support given that the platform does not hold itself (visits, publications
shared). Secondments, mentoring and events are found from the platform's own records
(cms.registry.ORGANISATION_SUPPORT), never typed in twice."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from cms import limits
from cms.models import Organisation


class ImprovementPartnership(ClusterableModel):
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        AGREEING = "agreeing", "Agreeing priorities"
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        CLOSED = "closed", "Closed"

    organisation = models.OneToOneField(
        Organisation, on_delete=models.PROTECT, related_name="improvement_partnership",
        verbose_name="partner authority",
        limit_choices_to={"kind": Organisation.Kind.LOCAL_AUTHORITY,
                          "is_host_authority": False},
        help_text="A local authority (not the Centre's own council). Its Ofsted judgement "
                  "is kept on the organisation.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AGREEING)
    centre_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name="the Centre's lead")
    started_on = models.DateField("started on", default=timezone.localdate,
                                  validators=[limits.DateRangeValidator()])
    last_review_on = models.DateField("last reviewed on", null=True, blank=True,
                                      validators=[limits.DateRangeValidator()])
    next_review_on = models.DateField("next review due", null=True, blank=True,
                                      validators=[limits.DateRangeValidator(years_ahead=3)])
    summary = models.TextField(
        blank=True, max_length=limits.TEXT,
        help_text="Why the partnership exists and what success looks like, in a few lines.")
    progress = models.TextField(
        "progress at the last review", blank=True, max_length=limits.LONG_TEXT)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("centre_lead")]),
        FieldPanel("summary"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("started_on"), FieldPanel("last_review_on"),
                                        FieldPanel("next_review_on")]),
                         FieldPanel("progress")], heading="Reviews"),
        InlinePanel("priorities", heading="Agreed priorities", label="Priority"),
        InlinePanel("actions", heading="Plan", label="Action"),
        InlinePanel("support", heading="Visits and publications shared",
                    label="Support given"),
    ]

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = "improvement partnership"

    def __str__(self):
        return f"Improvement partnership with {self.organisation}"

    def clean(self):
        super().clean()
        organisation = getattr(self, "organisation", None)
        if organisation is not None and (
                organisation.kind != Organisation.Kind.LOCAL_AUTHORITY
                or organisation.is_host_authority):
            raise ValidationError({"organisation": "Choose a partner local authority: an NHS "
                                   "trust, a school or the Centre's own council cannot be one."})
        if self.last_review_on and self.next_review_on and \
                self.next_review_on < self.last_review_on:
            raise ValidationError({"next_review_on": "The next review must be after the last."})

    def flags(self, today=None):
        """Early warnings: the authority's latest judgement needs improvement support, or
        the review is overdue."""
        today = today or timezone.localdate()
        found = []
        if self.organisation.needs_improvement_support:
            judged = self.organisation.ofsted_judgement_date
            found.append(f"Ofsted: {self.organisation.get_ofsted_judgement_display()}"
                         + (f" ({judged:%-d %b %Y})" if judged else ""))
        if self.status != self.Status.CLOSED and self.next_review_on and \
                self.next_review_on < today:
            found.append(f"Review overdue since {self.next_review_on:%-d %b %Y}")
        return found


class Priority(models.Model):
    partnership = ParentalKey(ImprovementPartnership, on_delete=models.CASCADE,
                              related_name="priorities")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, max_length=limits.TEXT)
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name_plural = "priorities"

    def __str__(self):
        return self.title


class PlanAction(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        UNDER_WAY = "under_way", "Under way"
        DONE = "done", "Done"

    partnership = ParentalKey(ImprovementPartnership, on_delete=models.CASCADE,
                              related_name="actions")
    action = models.CharField(max_length=300)
    owner = models.CharField(max_length=150, help_text="Who does it: a name and role, at "
                                                       "the Centre or the authority.")
    due_on = models.DateField("due by", null=True, blank=True,
                              validators=[limits.DateRangeValidator(years_ahead=3)])
    status = models.CharField(max_length=20, choices=Status.choices,
                              default=Status.NOT_STARTED)
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    panels = [FieldPanel("action"),
              FieldRowPanel([FieldPanel("owner"), FieldPanel("due_on"), FieldPanel("status")])]

    class Meta:
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.action


class SupportRecord(models.Model):
    """Support the platform holds no record of: a visit, a publication shared."""

    class Kind(models.TextChoices):
        VISIT = "visit", "Visit"
        PUBLICATION = "publication", "Publication shared"
        OTHER = "other", "Other support"

    partnership = ParentalKey(ImprovementPartnership, on_delete=models.CASCADE,
                              related_name="support")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.VISIT)
    date = models.DateField(validators=[limits.DateRangeValidator()])
    description = models.CharField(max_length=300)
    sort_order = models.IntegerField(null=True, blank=True, editable=False)

    panels = [FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
              FieldPanel("description")]

    class Meta:
        ordering = ["-date", "pk"]

    def __str__(self):
        return self.description
