"""The records of learning. They outlive the pages they are about: every link to a page is
SET_NULL with a snapshot of its title, so deleting or moving a course or module never
deletes an enrolment, a completion, an attempt, a reflection or a certificate."""

import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone

from cms import limits


def new_public_id():
    return secrets.token_urlsafe(16)


# Certificate numbers are read out over the phone and typed in by employers: no 0/O, 1/I/L,
# and no U (so no accidental words), in two groups of four after the Centre's prefix.
# 30 ** 8 is about 6.6e11 numbers; each is drawn by the CSPRNG and retried on a collision.
NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
NUMBER_PREFIX = "RPC"
NUMBER_LENGTH = 8
NUMBER_ATTEMPTS = 10


def new_certificate_number():
    core = "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(NUMBER_LENGTH))
    return f"{NUMBER_PREFIX}-{core[:4]}-{core[4:]}"


def normalise_certificate_number(value):
    """The stored form of what someone typed ("rpc 7k4m 9qxd", "7K4M9QXD", "RPC-7K4M-9QXD"
    are one number), or None when it cannot be a certificate number at all."""
    characters = "".join(c for c in (value or "").upper() if c.isascii() and c.isalnum())
    if len(characters) == len(NUMBER_PREFIX) + NUMBER_LENGTH and characters.startswith(
            NUMBER_PREFIX):
        characters = characters[len(NUMBER_PREFIX):]
    if len(characters) != NUMBER_LENGTH or any(c not in NUMBER_ALPHABET for c in characters):
        return None
    return f"{NUMBER_PREFIX}-{characters[:4]}-{characters[4:]}"


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
        indexes = [models.Index(fields=["course", "status"]),
                   # A person's own enrolments by status, newest completion first (My
                   # learning, the course page), and "has this person completed this course
                   # since?" (open assignments): leading with the person, so that SQLite
                   # picks it even without statistics, rather than walk every completed
                   # enrolment through (status, completed_at).
                   models.Index(fields=["user", "status", "completed_at"],
                                name="courses_enrolment_user_done")]

    def __str__(self):
        return f"{self.user} – {self.course_title} ({self.get_status_display()})"

    @property
    def audit_title(self):
        """How the audit trail names it (cms.audit): never the person's name."""
        return f"Enrolment {self.pk}: {self.course_title}"


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
        if status == Certificate.Status.SUPERSEDED:
            return not_revoked.filter(superseded_by__isnull=False)
        not_revoked = not_revoked.filter(superseded_by__isnull=True)
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
    # The short number people read and type (RPC-7K4M-9QXD), stored in that normal form;
    # the unguessable public_id stays the link. Given on first save (save()).
    number = models.CharField("certificate number", max_length=16, unique=True,
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
    # The renewal that replaced this certificate (the same person completing the course
    # again); cleared if that renewal is revoked.
    superseded_by = models.ForeignKey("self", null=True, blank=True, editable=False,
                                      on_delete=models.SET_NULL, related_name="supersedes")

    class Status(models.TextChoices):
        VALID = "valid", "Valid"
        EXPIRED = "expired", "Expired"
        REVOKED = "revoked", "Revoked"
        SUPERSEDED = "superseded", "Superseded"

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        # "Is there a later certificate of this person for this course?" (the latest
        # certificate, expiring certificates): one index probe, not a walk of the course's.
        indexes = [models.Index(fields=["user", "course", "issued_on"],
                                name="courses_certificate_latest")]
        # Certificates are never edited or deleted in the admin, only revoked, by those
        # holding this (Centre staff: cms.roles gives them every courses permission).
        permissions = [("revoke_certificate", "Can revoke a certificate")]

    def __str__(self):
        return f"{self.course_title} – {self.learner_name} ({self.issued_on:%d/%m/%Y})"

    def save(self, *args, **kwargs):
        if self.number:
            return super().save(*args, **kwargs)
        # A new number until one is free: the unique index is what decides, so two
        # certificates issued at once cannot both take the same number.
        for _ in range(NUMBER_ATTEMPTS):
            self.number = new_certificate_number()
            try:
                with transaction.atomic():
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if not Certificate.objects.filter(number=self.number).exists():
                    self.number = ""
                    raise
        raise IntegrityError("No free certificate number was found.")

    def get_absolute_url(self):
        return reverse("courses:certificate_verify", args=[self.public_id])

    def status(self, today=None):
        today = today or timezone.localdate()
        if self.revoked_at:
            return self.Status.REVOKED
        if self.superseded_by_id:
            return self.Status.SUPERSEDED
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
