"""The courses app's endpoints: the public catalogue, a person's own learning (personal
token), and an organisation's completions and certificates (organisation token)."""

from django.db.models import F, Prefetch, Q
from django.db.models.functions import Coalesce
from rest_framework import serializers

from cms.api.base import (
    OrganisationViewSet,
    PersonalViewSet,
    PublicViewSet,
    filter_updated_since,
    with_updated_since,
)
from cms.site_url import absolute_url
from courses.models import Certificate, Competency, CoursePage, Enrolment, ModulePage
from courses.models.learning import ModuleCompletion


class CompetencySerializer(serializers.ModelSerializer):
    framework = serializers.CharField(source="framework.name")

    class Meta:
        model = Competency
        fields = ["code", "statement", "framework"]


class ModuleSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = ModulePage
        fields = ["id", "title", "estimated_minutes", "required"]


class CourseSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    programme = serializers.CharField(source="programme.name", allow_null=True, default=None)
    competencies = CompetencySerializer(many=True)
    modules = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField(source="last_published_at", allow_null=True)

    class Meta:
        model = CoursePage
        fields = ["id", "title", "url", "summary", "programme", "level", "delivery_mode",
                  "cpd_hours", "validity_months", "enrolment_open", "competencies", "modules",
                  "updated_at"]

    def get_url(self, page) -> str:
        return absolute_url(page.get_url(request=self.context["request"]._request) or "/")

    def get_modules(self, page) -> ModuleSummarySerializer(many=True):
        return ModuleSummarySerializer(getattr(page, "module_list", []), many=True).data


def _attach_modules(courses):
    """Each course's live modules, in order, in one query for the whole page of courses."""
    courses = list(courses)
    by_path = {course.path: course for course in courses}
    for course in courses:
        course.module_list = []
    if not courses:
        return courses
    step = CoursePage.steplen
    paths = Q()
    for course in courses:
        paths |= Q(path__startswith=course.path, depth=course.depth + 1)
    for module in (ModulePage.objects.live().filter(paths).order_by("path")
                   .only("id", "title", "path", "depth", "estimated_minutes", "required")):
        parent = by_path.get(module.path[:-step])
        if parent is not None:
            parent.module_list.append(module)
    return courses


@with_updated_since
class CourseViewSet(PublicViewSet):
    """The course catalogue: each published course with its modules, competencies and CPD
    hours."""
    serializer_class = CourseSerializer

    def records(self):
        courses = (CoursePage.objects.live().public().select_related("programme")
                   .prefetch_related(Prefetch("competencies",
                                              Competency.objects.select_related("framework")))
                   .order_by("title", "pk"))
        return filter_updated_since(courses, self.request, "last_published_at")

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return _attach_modules(page) if page is not None else None

    def get_object(self):
        return _attach_modules([super().get_object()])[0]


class ModuleCompletionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ModuleCompletion
        fields = ["module_id", "module_title", "completed_at"]


class ProgressSerializer(serializers.Serializer):
    modules_completed = serializers.IntegerField()
    modules_required = serializers.IntegerField()
    percent = serializers.IntegerField()


class EnrolmentSerializer(serializers.ModelSerializer):
    progress = serializers.SerializerMethodField()
    module_completions = ModuleCompletionSerializer(many=True)
    certificate_id = serializers.SerializerMethodField()

    class Meta:
        model = Enrolment
        fields = ["id", "course_id", "course_title", "status", "enrolled_at", "completed_at",
                  "withdrawn_at", "progress", "module_completions", "certificate_id"]

    def get_progress(self, enrolment) -> ProgressSerializer:
        required = self.context["required_modules"].get(enrolment.course_id, set())
        done = sum(1 for c in enrolment.module_completions.all() if c.module_id in required)
        if enrolment.status == Enrolment.Status.COMPLETED:
            done = len(required)
        return {"modules_completed": done, "modules_required": len(required),
                "percent": round(100 * done / len(required)) if required else 0}

    def get_certificate_id(self, enrolment) -> str | None:
        certificate = getattr(enrolment, "certificate", None)
        return certificate.public_id if certificate else None


def _required_modules(course_ids):
    """{course id: ids of its live required modules}, in one query."""
    courses = {c.path: c.pk for c in CoursePage.objects.filter(pk__in=course_ids)
               .only("id", "path")} if course_ids else {}
    found = {pk: set() for pk in courses.values()}
    if courses:
        paths = Q()
        for path in courses:
            paths |= Q(path__startswith=path)
        for pk, path in (ModulePage.objects.live().filter(paths, required=True)
                         .values_list("pk", "path")):
            course_id = courses.get(path[:-CoursePage.steplen])
            if course_id is not None:
                found[course_id].add(pk)
    return found


@with_updated_since
class MyEnrolmentViewSet(PersonalViewSet):
    """Your enrolments, with progress and the modules you have completed. `updated_since`
    compares with the enrolment time, completion or withdrawal."""
    serializer_class = EnrolmentSerializer

    def records(self):
        enrolments = (Enrolment.objects.filter(user=self.person)
                      .select_related("certificate").prefetch_related("module_completions")
                      .annotate(changed_at=Coalesce("withdrawn_at", "completed_at",
                                                    "enrolled_at"))
                      .order_by("-enrolled_at", "-pk"))
        return filter_updated_since(enrolments, self.request, "changed_at")

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self._required = _required_modules({e.course_id for e in page or [] if e.course_id})
        return page

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["required_modules"] = getattr(self, "_required", None) or {}
        return context


class CertificateSerializer(serializers.ModelSerializer):
    id = serializers.CharField(source="public_id")
    status = serializers.SerializerMethodField()
    verification_url = serializers.SerializerMethodField()
    competencies = serializers.ListField(child=serializers.ListField(
        child=serializers.CharField()))

    class Meta:
        model = Certificate
        fields = ["id", "course_id", "course_title", "learner_name", "cpd_hours",
                  "competencies", "issued_on", "expires_on", "status", "revoked_at",
                  "verification_url"]

    def get_status(self, certificate) -> str:
        return certificate.status()

    def get_verification_url(self, certificate) -> str:
        return certificate.verification_url()


@with_updated_since
class MyCertificateViewSet(PersonalViewSet):
    """Your certificates, with their status (valid, expired or revoked)."""
    serializer_class = CertificateSerializer
    lookup_field = "public_id"

    def records(self):
        certificates = (Certificate.objects.filter(user=self.person)
                        .annotate(changed_at=Coalesce("revoked_at", "enrolment__completed_at"))
                        .order_by("-issued_on", "-pk"))
        return filter_updated_since(certificates, self.request, "changed_at")


class PersonSerializer(serializers.Serializer):
    email = serializers.EmailField()
    full_name = serializers.CharField()
    job_title = serializers.CharField()


class OrganisationCompletionSerializer(serializers.ModelSerializer):
    person = PersonSerializer(source="user")
    certificate_id = serializers.SerializerMethodField()
    changed_at = serializers.DateTimeField()

    class Meta:
        model = Enrolment
        fields = ["id", "person", "course_id", "course_title", "completed_at",
                  "certificate_id", "changed_at"]

    def get_certificate_id(self, enrolment) -> str | None:
        certificate = getattr(enrolment, "certificate", None)
        return certificate.public_id if certificate else None


@with_updated_since
class OrganisationCompletionViewSet(OrganisationViewSet):
    """Courses completed by the organisation's people, oldest change first: pull with
    `updated_since` set to the time of your last pull."""
    serializer_class = OrganisationCompletionSerializer

    def records(self):
        completions = (Enrolment.objects
                       .filter(user__organisation=self.organisation, user__erased_at__isnull=True,
                               status=Enrolment.Status.COMPLETED)
                       .select_related("user", "certificate")
                       .annotate(changed_at=F("completed_at"))
                       .order_by("changed_at", "pk"))
        return filter_updated_since(completions, self.request, "changed_at")


class OrganisationCertificateSerializer(CertificateSerializer):
    person = PersonSerializer(source="user")
    changed_at = serializers.DateTimeField()

    class Meta(CertificateSerializer.Meta):
        fields = ["id", "person", *CertificateSerializer.Meta.fields[1:], "changed_at"]


@with_updated_since
class OrganisationCertificateViewSet(OrganisationViewSet):
    """Certificates of the organisation's people, oldest change first (issue or
    revocation)."""
    serializer_class = OrganisationCertificateSerializer
    lookup_field = "public_id"

    def records(self):
        certificates = (Certificate.objects
                        .filter(user__organisation=self.organisation,
                                user__erased_at__isnull=True)
                        .select_related("user")
                        .annotate(changed_at=Coalesce("revoked_at", "enrolment__completed_at"))
                        .order_by("changed_at", "pk"))
        return filter_updated_since(certificates, self.request, "changed_at")


