"""The records of learning. They outlive the pages they are about: every link to a page is
SET_NULL with a snapshot of its title, so deleting or moving a course or module never
deletes an enrolment, a completion, an attempt, a reflection or a certificate."""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from cms import limits


def new_public_id():
    return secrets.token_urlsafe(16)


class Enrolment(models.Model):
    # A record, not content: Wagtail's reference index has nothing to learn from it.
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        ACTIVE = "active", "In progress"
        COMPLETED = "completed", "Completed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="enrolments")
    course = models.ForeignKey("courses.CoursePage", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="enrolments")
    course_title = models.CharField(max_length=255)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    enrolled_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], condition=models.Q(status="active"),
                name="one_active_enrolment_per_course",
            )
        ]
        indexes = [models.Index(fields=["course", "status"])]

    def __str__(self):
        return f"{self.user} – {self.course_title} ({self.get_status_display()})"


class EnrolmentHistory(models.Model):
    """Every change of an enrolment's state: who, when, from, to, why."""

    # A record, not content: Wagtail's reference index has nothing to learn from it.
    wagtail_reference_index_ignore = True

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="history")
    action = models.CharField(max_length=60)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                           on_delete=models.SET_NULL, related_name="+")
    note = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name_plural = "enrolment history"

    def __str__(self):
        return f"{self.action} at {self.at:%d/%m/%Y %H:%M}"


class ModuleCompletion(models.Model):
    # A record, not content: Wagtail's reference index has nothing to learn from it.
    wagtail_reference_index_ignore = True

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE,
                                  related_name="module_completions")
    module = models.ForeignKey("courses.ModulePage", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="completions")
    module_title = models.CharField(max_length=255)
    completed_at = models.DateTimeField(default=timezone.now)
    # Set when attending a linked event completed the module, so that taking the
    # attendance back (a no-show) takes back this completion and no other.
    by_attendance = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enrolment", "module"],
                                               name="one_completion_per_module")]

    def __str__(self):
        return self.module_title


class KnowledgeCheckAttempt(models.Model):
    # A record, not content: Wagtail's reference index has nothing to learn from it.
    wagtail_reference_index_ignore = True

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    module = models.ForeignKey("courses.ModulePage", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="attempts")
    module_title = models.CharField(max_length=255)
    check_id = models.CharField(max_length=64, help_text="The knowledge-check block's id.")
    answers = models.JSONField(default=dict, help_text="Question id -> chosen answer ids.")
    score = models.PositiveSmallIntegerField()
    pass_mark = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["enrolment", "check_id"])]

    def __str__(self):
        return f"{self.module_title}: {self.score}%"


class Reflection(models.Model):
    """A learner's private answer to a reflection prompt: only its author ever reads it."""

    # A record, not content: Wagtail's reference index has nothing to learn from it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="reflections")
    module = models.ForeignKey("courses.ModulePage", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="reflections")
    module_title = models.CharField(max_length=255)
    prompt_id = models.CharField(max_length=64)
    prompt = models.TextField(max_length=limits.TEXT)
    text = models.TextField(max_length=limits.RICH_TEXT)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "module", "prompt_id"],
                                               name="one_reflection_per_prompt")]

    def __str__(self):
        return f"Reflection on {self.module_title}"


class CertificateQuerySet(models.QuerySet):
    def with_status(self, status, today=None):
        """The certificates whose status() is `status` that day (the same rule, in SQL)."""
        today = today or timezone.localdate()
        if status == Certificate.Status.REVOKED:
            return self.filter(revoked_at__isnull=False)
        not_revoked = self.filter(revoked_at__isnull=True)
        if status == Certificate.Status.EXPIRED:
            return not_revoked.filter(expires_on__lt=today)
        if status == Certificate.Status.VALID:
            return not_revoked.filter(
                models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=today))
        return self


class Certificate(models.Model):
    # A record, not content: Wagtail's reference index has nothing to learn from it.
    wagtail_reference_index_ignore = True

    public_id = models.CharField(max_length=32, unique=True, default=new_public_id,
                                 editable=False)
    # One certificate per completed enrolment: a double submit cannot issue two.
    enrolment = models.OneToOneField(Enrolment, on_delete=models.PROTECT,
                                     related_name="certificate")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="certificates")
    course = models.ForeignKey("courses.CoursePage", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="certificates")
    learner_name = models.CharField(max_length=200)
    course_title = models.CharField(max_length=255)
    cpd_hours = models.DecimalField(max_digits=5, decimal_places=1, default=0)
    competencies = models.JSONField(default=list, blank=True,
                                    help_text="Snapshot of [code, statement] pairs.")
    issued_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=300, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    expiry_reminder_sent_at = models.DateTimeField(null=True, blank=True)

    class Status(models.TextChoices):
        VALID = "valid", "Valid"
        EXPIRED = "expired", "Expired"
        REVOKED = "revoked", "Revoked"

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        # Certificates are never edited or deleted in the admin, only revoked, by those
        # holding this (Centre staff: cms.roles gives them every courses permission).
        permissions = [("revoke_certificate", "Can revoke a certificate")]

    def __str__(self):
        return f"{self.course_title} – {self.learner_name} ({self.issued_on:%d/%m/%Y})"

    def get_absolute_url(self):
        return reverse("courses:certificate_verify", args=[self.public_id])

    def status(self, today=None):
        today = today or timezone.localdate()
        if self.revoked_at:
            return self.Status.REVOKED
        if self.expires_on and self.expires_on < today:
            return self.Status.EXPIRED
        return self.Status.VALID

    def get_status_display(self):
        return self.Status(self.status()).label

    def verification_url(self):
        from cms.site_url import absolute_url

        return absolute_url(self.get_absolute_url())


class Assignment(models.Model):
    """A manager asks a member of their team to take a course by a date."""

    # A record, not content: Wagtail's reference index has nothing to learn from it.
    wagtail_reference_index_ignore = True

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="course_assignments")
    course = models.ForeignKey("courses.CoursePage", null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="assignments")
    course_title = models.CharField(max_length=255)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    due_on = models.DateField("due date", validators=[limits.DateRangeValidator(years_ahead=5)])
    assigned_at = models.DateTimeField(default=timezone.now)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on"]
        constraints = [models.UniqueConstraint(fields=["user", "course"],
                                               name="one_assignment_per_course")]

    def __str__(self):
        return f"{self.course_title} for {self.user} by {self.due_on:%d/%m/%Y}"


class TrainingReminder(models.Model):
    """A reminder a manager or Centre staff sent someone about their overdue training: at
    most one a person a day (services.send_training_reminder), whoever asks."""

    wagtail_reference_index_ignore = True

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="training_reminders")
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="+")
    courses = models.TextField(max_length=limits.TEXT,
                               help_text="The overdue courses the reminder named.")
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self):
        return f"Reminder to {self.user} on {self.sent_at:%d/%m/%Y}"
