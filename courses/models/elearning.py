"""E-learning packages (SCORM 1.2 and 2004) and each learner's attempt at them.

A package is a snippet: reusable content without a URL of its own, uploaded once and
chosen from an "E-learning package" block in any module's body. Its files live in Django's
default storage under `elearning/<storage key>/`, so they work on shared media.

An attempt is a record of learning: like completions it belongs to the enrolment and keeps
snapshots of the module's and package's titles, so deleting either never loses it."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.search import index


class ELearningPackage(index.Indexed, models.Model):
    class Version(models.TextChoices):
        SCORM_12 = "1.2", "SCORM 1.2"
        SCORM_2004 = "2004", "SCORM 2004"

    title = models.CharField(max_length=255)
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False,
                           help_text="The package's address: /elearning/<key>/...")
    # Each upload goes to a fresh folder, so replacing a package never mixes two versions'
    # files and a learner mid-way through the old one is not served half of the new one.
    storage_prefix = models.CharField(max_length=100, editable=False)
    version = models.CharField(max_length=10, choices=Version.choices, editable=False)
    edition = models.CharField(max_length=60, editable=False)
    launch_path = models.CharField(max_length=2000, editable=False)
    items = models.JSONField(default=list, editable=False,
                             help_text="The organisation's items: identifier, title, href, "
                                       "is_sco, mastery_score.")
    mastery_score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True,
                                        editable=False)
    file_count = models.PositiveIntegerField(default=0, editable=False)
    total_bytes = models.PositiveBigIntegerField(default=0, editable=False)
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+",
                                    editable=False)

    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]
        verbose_name = "e-learning package"

    def __str__(self):
        return self.title

    @property
    def scos(self):
        return [item for item in self.items if item.get("is_sco")]

    def tracked_items(self):
        """The items whose runtime data decides completion: the SCOs. A package of plain
        pages (assets) never talks to the runtime, so its module is marked complete by hand,
        like a module of text."""
        return self.scos

    def item(self, identifier):
        return next((i for i in self.items if i["identifier"] == identifier), None)

    def storage_path(self, path):
        return f"{self.storage_prefix}/{path}"


class ELearningAttempt(models.Model):
    """One learner's runtime data for one SCO of a package in a module, in one enrolment
    (a refresher enrolment starts afresh)."""

    # A record, not content, saved at every commit of the runtime: Wagtail's reference
    # index has nothing to learn from it and must not be asked to, each time.
    wagtail_reference_index_ignore = True

    class Completion(models.TextChoices):
        NOT_ATTEMPTED = "not attempted", "Not attempted"
        INCOMPLETE = "incomplete", "Incomplete"
        COMPLETED = "completed", "Completed"
        UNKNOWN = "unknown", "Unknown"

    class Success(models.TextChoices):
        UNKNOWN = "unknown", "Unknown"
        PASSED = "passed", "Passed"
        FAILED = "failed", "Failed"

    enrolment = models.ForeignKey("courses.Enrolment", on_delete=models.CASCADE,
                                  related_name="elearning_attempts")
    module = models.ForeignKey("courses.ModulePage", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="elearning_attempts")
    module_title = models.CharField(max_length=255)
    package = models.ForeignKey(ELearningPackage, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="attempts")
    package_title = models.CharField(max_length=255)
    block_id = models.CharField(max_length=64, help_text="The module's e-learning block id.")
    sco_identifier = models.CharField(max_length=255)
    version = models.CharField(max_length=10, choices=ELearningPackage.Version.choices)
    # The CMI elements the SCO wrote (validated), as flat "cmi.x.y": value pairs: what the
    # runtime is given back when the learner returns.
    cmi = models.JSONField(default=dict, blank=True)
    location = models.CharField(max_length=1000, blank=True)
    suspend_data = models.TextField(blank=True, max_length=64000)
    lesson_status = models.CharField("SCORM 1.2 lesson status", max_length=20, blank=True)
    completion_status = models.CharField(max_length=20, choices=Completion.choices,
                                         default=Completion.NOT_ATTEMPTED)
    success_status = models.CharField(max_length=20, choices=Success.choices,
                                      default=Success.UNKNOWN)
    score_raw = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    score_min = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    score_max = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    score_scaled = models.DecimalField(max_digits=7, decimal_places=6, null=True, blank=True)
    exit = models.CharField(max_length=20, blank=True)
    session_seconds = models.DecimalField("last session (seconds)", max_digits=12,
                                          decimal_places=2, default=0)
    total_seconds = models.DecimalField("total time (seconds)", max_digits=14,
                                        decimal_places=2, default=0)
    # {session key: {"seq": last commit applied, "seconds": its session time}}: a commit
    # sent twice, or late, changes nothing; total time is the sum over sessions.
    sessions = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    satisfied_at = models.DateTimeField(
        null=True, blank=True, help_text="When the SCO first reported what the module asks "
                                         "(completed, or passed).")

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = "e-learning attempt"
        constraints = [models.UniqueConstraint(
            fields=["enrolment", "block_id", "package", "sco_identifier"],
            name="one_elearning_attempt_per_sco")]
        indexes = [models.Index(fields=["module", "enrolment"])]

    def __str__(self):
        return f"{self.package_title} ({self.module_title})"

    @property
    def score_percent(self):
        """The score as a percentage, as people read it."""
        if self.score_scaled is not None:
            return round(float(self.score_scaled) * 100)
        if self.score_raw is None:
            return None
        low = float(self.score_min) if self.score_min is not None else 0.0
        high = float(self.score_max) if self.score_max is not None else 100.0
        if high <= low:
            return round(float(self.score_raw))
        return round(100 * (float(self.score_raw) - low) / (high - low))

    @property
    def total_time_display(self):
        seconds = int(self.total_seconds)
        hours, rest = divmod(seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        if hours:
            return f"{hours} h {minutes} min"
        if minutes:
            return f"{minutes} min {seconds} s"
        return f"{seconds} s"

    def status_display(self):
        if self.success_status == self.Success.PASSED:
            return "Passed"
        if self.success_status == self.Success.FAILED:
            return "Failed"
        return self.get_completion_status_display()
