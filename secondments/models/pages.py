"""Secondment opportunities are editorial pages under one index page."""

import datetime

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms import limits
from cms.page_cache import ViewRestrictionsFromCacheMixin


class SecondmentIndexPage(ViewRestrictionsFromCacheMixin, Page):
    introduction = models.TextField(blank=True, max_length=limits.TEXT)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["secondments.SecondmentOpportunityPage"]
    max_count = 1

    class Meta:
        verbose_name = "secondments index page"

    def get_opportunities(self):
        return (
            SecondmentOpportunityPage.objects.live()
            .public()
            .child_of(self)
            .with_places_taken()
            .order_by("start_date", "title")
        )

    def get_context(self, request, *args, **kwargs):
        from django.urls import reverse

        context = super().get_context(request, *args, **kwargs)
        context["opportunities"] = self.get_opportunities()
        context["mentor_directory_url"] = reverse("secondments:mentor_directory")
        return context


class OpportunityQuerySet(PageQuerySet):
    def with_places_taken(self):
        from secondments.models.applications import SecondmentApplication

        return self.annotate(
            places_taken_count=models.Count(
                "applications",
                filter=models.Q(applications__status__in=SecondmentApplication.PLACE_HOLDING),
            )
        )


OpportunityManager = PageManager.from_queryset(OpportunityQuerySet)


class SecondmentOpportunityPage(ViewRestrictionsFromCacheMixin, Page):
    host_service = models.CharField(
        "host service or team", max_length=200,
        help_text="For example the 2gether RES team or the Restorative Adolescent Service.",
    )
    summary = models.TextField(max_length=limits.SUMMARY,
                               help_text="One or two sentences shown on the listing.")
    what_you_will_do = RichTextField("what the secondee will do", max_length=limits.LONG_TEXT)
    what_you_will_learn = RichTextField("what the secondee will learn",
                                        max_length=limits.LONG_TEXT)
    start_date = models.DateField(validators=[limits.DateRangeValidator(years_ahead=5)])
    end_date = models.DateField(validators=[limits.DateRangeValidator(years_ahead=5)])
    places = models.PositiveSmallIntegerField(default=1)
    application_deadline = models.DateField(
        validators=[limits.DateRangeValidator(years_ahead=5)])
    eligibility = RichTextField(blank=True, max_length=limits.LONG_TEXT)
    location = models.CharField(max_length=250)
    time_commitment = models.CharField(
        max_length=200, help_text="For example three days a week for twelve weeks."
    )
    contact_name = models.CharField(max_length=150)
    contact_email = models.EmailField()

    objects = OpportunityManager()

    content_panels = Page.content_panels + [
        FieldPanel("host_service"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("places"), FieldPanel("application_deadline")]),
                FieldPanel("location"),
                FieldPanel("time_commitment"),
            ],
            heading="Dates and places",
        ),
        FieldPanel("what_you_will_do"),
        FieldPanel("what_you_will_learn"),
        FieldPanel("eligibility"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")], heading="Contact"
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("host_service"),
        index.SearchField("summary"),
        index.SearchField("what_you_will_do"),
        index.SearchField("what_you_will_learn"),
    ]
    parent_page_types = ["secondments.SecondmentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "secondment opportunity"
        verbose_name_plural = "secondment opportunities"

    def places_taken(self):
        from secondments.models.applications import SecondmentApplication

        if hasattr(self, "places_taken_count"):
            return self.places_taken_count
        return self.applications.filter(status__in=SecondmentApplication.PLACE_HOLDING).count()

    @property
    def places_left(self):
        return max(self.places - self.places_taken(), 0)

    def is_open(self, today=None):
        today = today or timezone.localdate()
        return today <= self.application_deadline

    @property
    def weeks(self):
        return max(((self.end_date - self.start_date) + datetime.timedelta(days=1)).days // 7, 1)

    def get_context(self, request, *args, **kwargs):
        from secondments.models.applications import SecondmentApplication

        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            context["my_application"] = (
                SecondmentApplication.objects.filter(opportunity=self, applicant=request.user)
                .order_by("-created_at")
                .first()
            )
        return context
