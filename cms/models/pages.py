"""The Centre's editorial pages: home, content, publications and the team directory."""

from django.core.paginator import Paginator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import limits
from cms.blocks import BaseStreamBlock
from cms.page_cache import ViewRestrictionsFromCacheMixin


class HomePage(ViewRestrictionsFromCacheMixin, Page):
    introduction = models.TextField(blank=True, max_length=limits.TEXT)
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().in_menu().specific()
        return context


class ContentPage(ViewRestrictionsFromCacheMixin, Page):
    """About the Centre, the Leeds Practice Model and the like."""

    introduction = models.TextField(blank=True, max_length=limits.TEXT)
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.ContentPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public()
        return context


class PublicationTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.PublicationPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class PublicationIndexPage(ViewRestrictionsFromCacheMixin, Page):
    introduction = models.TextField(blank=True, max_length=limits.TEXT)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.PublicationPage"]
    max_count = 1

    def get_publications(self, tag=None):
        publications = (
            PublicationPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("document")
            .prefetch_related("tags")
            .order_by("-published_on", "title")
        )
        if tag:
            publications = publications.filter(tags__slug=tag)
        return publications

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tag = request.GET.get("tag", "")[:100]
        paginator = Paginator(self.get_publications(tag), 20)
        context["publications"] = paginator.get_page(request.GET.get("page"))
        context["current_tag"] = tag
        context["tags"] = (
            Tag.objects.filter(
                cms_publicationtag_items__content_object__live=True
            )
            .distinct()
            .order_by("name")
        )
        return context


class PublicationPage(ViewRestrictionsFromCacheMixin, Page):
    class Kind(models.TextChoices):
        GUIDE = "guide", "Guide"
        REPORT = "report", "Report"
        TOOLKIT = "toolkit", "Toolkit or product"
        BRIEFING = "briefing", "Briefing"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.GUIDE)
    summary = models.TextField(max_length=limits.SUMMARY)
    published_on = models.DateField(null=True, blank=True,
                                    validators=[limits.DateRangeValidator()])
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(blank=True, max_length=limits.RICH_TEXT)
    tags = ClusterTaggableManager(through=PublicationTag, blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("published_on"), FieldPanel("tags")], "About"
        ),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = ["cms.PublicationIndexPage"]
    subpage_types = []


class TeamDirectoryPage(ViewRestrictionsFromCacheMixin, Page):
    """The directory of teams (the seven RES teams), grouped by area."""

    introduction = RichTextField(blank=True, max_length=limits.TEXT)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    subpage_types = []
    max_count = 1

    def get_teams_by_area(self):
        from cms.models import Team

        teams = Team.objects.filter(show_in_directory=True).order_by("area", "name")
        areas = {}
        for team in teams:
            areas.setdefault(team.area or "Other", []).append(team)
        return areas

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["areas"] = self.get_teams_by_area()
        return context
