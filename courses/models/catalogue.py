"""What staff author: programmes and competency frameworks (snippets), and the page tree
CourseIndexPage -> CoursePage -> ModulePage."""

import functools

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms import limits
from cms.page_cache import ViewRestrictionsFromCacheMixin, shared_fragment
from courses.blocks import ModuleStreamBlock


class Programme(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True, max_length=limits.TEXT)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class CompetencyFramework(ClusterableModel):
    """A framework of knowledge and skills statements (the DfE's post-qualifying standards,
    the Centre's own). It changes over time: each version has its dates and its own
    statements; courses map to the statements of a version (see courses.frameworks)."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True, max_length=limits.TEXT)

    panels = [FieldPanel("name"), FieldPanel("description"),
              InlinePanel("versions", heading="Versions", label="Version"),
              InlinePanel("statements", heading="Statements", label="Statement")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class FrameworkVersion(Orderable):
    framework = ParentalKey(CompetencyFramework, on_delete=models.CASCADE,
                            related_name="versions")
    label = models.CharField(max_length=100, help_text="For example: From 1 April 2027.")
    effective_from = models.DateField(
        null=True, blank=True, validators=[limits.DateRangeValidator(years_ahead=10)],
        help_text="Leave blank for a version in force since the framework was added.")
    effective_until = models.DateField(
        null=True, blank=True, validators=[limits.DateRangeValidator(years_ahead=10)],
        help_text="Leave blank while it is in force.")

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("effective_from"),
                             FieldPanel("effective_until")])]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["framework", "label"],
                                               name="unique_framework_version_label")]

    def __str__(self):
        return f"{self.framework.name}: {self.label}" if self.framework_id else self.label

    def in_force_on(self, date):
        return ((self.effective_from is None or self.effective_from <= date)
                and (self.effective_until is None or date <= self.effective_until))

    @property
    def dates_label(self):
        if self.effective_from and self.effective_until:
            return f"{self.effective_from:%-d %B %Y} to {self.effective_until:%-d %B %Y}"
        if self.effective_from:
            return f"From {self.effective_from:%-d %B %Y}"
        if self.effective_until:
            return f"Until {self.effective_until:%-d %B %Y}"
        return "In force"


class Competency(Orderable):
    framework = ParentalKey(CompetencyFramework, on_delete=models.CASCADE,
                            related_name="statements")
    # The version the statement belongs to; a new version's statements are copied from the
    # old with `carried_from`, so evidence of the old statement counts for the new.
    version = models.ForeignKey(FrameworkVersion, null=True, blank=True,
                                on_delete=models.PROTECT, related_name="competencies")
    carried_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="carried_to")
    code = models.CharField(max_length=20)
    statement = models.CharField(max_length=300)

    panels = [FieldRowPanel([FieldPanel("version"), FieldPanel("code"),
                             FieldPanel("statement")])]

    class Meta(Orderable.Meta):
        verbose_name_plural = "competencies"
        constraints = [models.UniqueConstraint(fields=["version", "code"],
                                               name="unique_competency_code_per_version")]

    def __str__(self):
        return f"{self.code} {self.statement}"

    def save(self, *args, **kwargs):
        # A statement added in the admin without a version joins the framework's latest.
        if self.version_id is None and self.framework_id:
            self.version = (FrameworkVersion.objects.filter(framework_id=self.framework_id)
                            .order_by(models.F("effective_from").desc(nulls_last=True), "-pk")
                            .first())
        super().save(*args, **kwargs)


class CourseIndexPage(ViewRestrictionsFromCacheMixin, Page):
    introduction = models.TextField(blank=True, max_length=limits.TEXT)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = "course catalogue"

    def get_courses(self, programme="", level="", mode="", query="", statement=None):
        courses = (
            CoursePage.objects.live().public().child_of(self)
            .select_related("programme")
            .order_by("programme__name", "title")
        )
        if programme:
            courses = courses.filter(programme__slug=programme)
        if level:
            courses = courses.filter(level=level)
        if mode:
            courses = courses.filter(delivery_mode=mode)
        if statement:
            courses = courses.filter(competencies=statement)
        if query:
            courses = courses.filter(
                Q(title__icontains=query) | Q(summary__icontains=query)
                | Q(audience__icontains=query)
            )
        return courses

    def get_context(self, request, *args, **kwargs):
        from courses.forms import CatalogueFilterForm
        from courses.services import course_states_for

        context = super().get_context(request, *args, **kwargs)
        form = CatalogueFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        courses = self.get_courses(
            programme=filters.get("programme") or "",
            level=filters.get("level") or "",
            mode=filters.get("mode") or "",
            query=filters.get("q") or "",
            statement=filters.get("statement"),
        )
        page = Paginator(courses, 24).get_page(request.GET.get("page"))
        states = course_states_for(request.user, [c.pk for c in page.object_list])
        context.update({
            "filter_form": form,
            "courses": page,
            "course_cards": [(c, states.get(c.pk)) for c in page.object_list],
            "is_filtered": any(filters.values()) if filters else False,
        })
        return context


class CoursePage(ViewRestrictionsFromCacheMixin, Page):
    class Level(models.TextChoices):
        AWARENESS = "awareness", "Awareness"
        PRACTITIONER = "practitioner", "Practitioner"
        ADVANCED = "advanced", "Advanced"
        TRAINER = "trainer", "Trainer"

    class DeliveryMode(models.TextChoices):
        ONLINE = "online", "Online"
        BLENDED = "blended", "Blended"
        FACE_TO_FACE = "face_to_face", "Face to face"

    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="courses")
    level = models.CharField(max_length=20, choices=Level.choices, default=Level.PRACTITIONER)
    delivery_mode = models.CharField(max_length=20, choices=DeliveryMode.choices,
                                     default=DeliveryMode.ONLINE)
    summary = models.TextField(max_length=limits.SUMMARY,
                               help_text="One or two sentences shown on the course card.")
    audience = models.TextField("who it is for", blank=True, max_length=limits.TEXT)
    learning_outcomes = RichTextField(features=["bold", "italic", "ul", "ol", "link"],
                                      blank=True, max_length=limits.TEXT)
    cpd_hours = models.DecimalField("CPD hours", max_digits=5, decimal_places=1, default=0)
    competencies = ParentalManyToManyField(Competency, blank=True, related_name="courses")
    prerequisites = ParentalManyToManyField(
        "self", symmetrical=False, blank=True, related_name="required_for",
        help_text="Courses a learner must complete before enrolling on this one.",
    )
    validity_months = models.PositiveSmallIntegerField(
        "certificate valid for (months)", null=True, blank=True,
        help_text="Leave blank if the certificate does not expire.",
    )
    enrolment_open = models.BooleanField(default=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel([
            FieldPanel("programme"),
            FieldRowPanel([FieldPanel("level"), FieldPanel("delivery_mode")]),
            FieldRowPanel([FieldPanel("cpd_hours"), FieldPanel("validity_months")]),
            FieldPanel("enrolment_open"),
        ], heading="Facts"),
        FieldPanel("audience"),
        FieldPanel("learning_outcomes"),
        FieldPanel("competencies"),
        FieldPanel("prerequisites"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"), index.SearchField("audience"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = "course"

    def get_modules(self):
        return ModulePage.objects.live().child_of(self).order_by("path")

    def competencies_in_force(self, on=None):
        """The statements this course evidences in the framework versions in force on a
        date (today by default): a version published for later is not shown yet."""
        on = on or timezone.localdate()
        return (self.competencies
                .filter(Q(version__isnull=True) | (
                    (Q(version__effective_from__isnull=True)
                     | Q(version__effective_from__lte=on))
                    & (Q(version__effective_until__isnull=True)
                       | Q(version__effective_until__gte=on))))
                .order_by("framework__name", "sort_order", "code"))

    def get_module_list(self, cached=True):
        """The live modules in order (the fields the course and module pages show), kept
        in the shared cache until the next change of the page tree."""
        def build():
            return list(self.get_modules().only(
                "id", "title", "url_path", "path", "depth", "required", "estimated_minutes"))

        if not cached or self.pk is None:
            return build()
        return shared_fragment(f"course-modules:{self.pk}", build)

    def get_facts(self, cached=True):
        """What the course page shows everyone: its modules, programme, the competencies in
        force today and prerequisites. Kept in the shared cache until the next change of the
        page tree, or the next day."""
        def build():
            modules = self.get_module_list(cached)
            prerequisites = list(self.prerequisites.all())
            return {
                "modules": modules,
                "programme": self.programme,
                "competency_list": list(self.competencies_in_force()
                                        .select_related("framework")),
                "prerequisite_list": [p for p in prerequisites if p.live],
                "all_prerequisites": prerequisites,
                "total_minutes": sum(m.estimated_minutes or 0 for m in modules),
            }

        if not cached or self.pk is None:
            return build()
        # Keyed by the day too: a framework version takes effect on its date, with no edit
        # of any page to drop the fragment.
        return shared_fragment(f"course-facts:{self.pk}:{timezone.localdate()}", build)

    def get_context(self, request, *args, **kwargs):
        from courses.services import course_progress_for

        context = super().get_context(request, *args, **kwargs)
        # An admin preview shows the form's unsaved data (a new course has no id yet), so
        # it is built afresh, never taken from or put in the shared cache.
        # Everything here is lazy (a callable the template calls): a view whose shared and
        # personal fragments are all kept reads none of it.
        facts = functools.cache(
            lambda: self.get_facts(cached=not getattr(request, "is_preview", False)))
        for name in COURSE_FACTS:
            context[name] = functools.partial(lambda name: facts()[name], name)
        context["today"] = timezone.localdate()  # shared fragments that show statements in force
        # Read only when the person's part of the page is not already kept for them
        # ({% personal %} in the template, cms.page_cache path 4).
        context["progress"] = functools.cache(lambda: course_progress_for(
            request.user, self, facts()["modules"], facts()["all_prerequisites"]))
        return context


COURSE_FACTS = ("modules", "programme", "competency_list", "prerequisite_list",
                "all_prerequisites", "total_minutes")


class ModulePage(ViewRestrictionsFromCacheMixin, Page):
    required = models.BooleanField(
        default=True, help_text="Required modules must be completed to finish the course."
    )
    estimated_minutes = models.PositiveSmallIntegerField(default=20)
    introduction = models.TextField(blank=True, max_length=limits.TEXT)
    body = StreamField(ModuleStreamBlock(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("required"), FieldPanel("estimated_minutes")]),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    # The module's own text is searchable ("social discipline window" finds its module).
    search_fields = Page.search_fields + [index.SearchField("introduction"),
                                          index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = "module"

    def knowledge_checks(self):
        """The knowledge-check blocks in this module, as (block id, value)."""
        return [(b.id, b.value) for b in self.body if b.block_type == "knowledge_check"]

    def reflection_prompts(self):
        return [(b.id, b.value) for b in self.body if b.block_type == "reflection"]

    def get_context(self, request, *args, **kwargs):
        from courses.elearning_services import add_launches
        from courses.services import module_context_for

        context = super().get_context(request, *args, **kwargs)

        # Read only when the person's view of this module is not already kept for them
        # ({% personal ... using module_state %} in the template, cms.page_cache path 4).
        @functools.cache
        def module_state():
            # A knowledge check posted with errors is shown again with them (see views).
            state = module_context_for(request.user, self,
                                       posted=getattr(request, "posted_checks", None))
            add_launches(request, self, state)
            return state

        context["module_state"] = module_state
        # E-learning carries a running session's state, and a query string picks its part:
        # such a page is built afresh on every view.
        context["personal_not_kept"] = bool(request.GET) or any(
            block["type"] == "elearning" for block in self.body.raw_data)
        return context
