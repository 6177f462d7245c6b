"""Coaching and mentoring: mentors, the slots they publish and the sessions booked."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from cms import limits


class ExpertiseArea(models.Model):
    """An area a mentor can help with, for example Leading a Front Door."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "area of expertise"
        verbose_name_plural = "areas of expertise"

    def __str__(self):
        return self.name


class MentorProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile"
    )
    role = models.CharField(
        max_length=200, help_text="Their senior role, e.g. Director of Children and Families."
    )
    biography = models.TextField(max_length=limits.LONG_TEXT)
    expertise = models.ManyToManyField(ExpertiseArea, blank=True, related_name="mentors")
    offers_coaching = models.BooleanField(default=False)
    offers_mentoring = models.BooleanField(default=True)
    is_active = models.BooleanField(
        "active", default=True, help_text="Only active mentors appear in the directory."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user__full_name"]

    def __str__(self):
        return f"{self.user.get_full_name()} ({self.role})"

    def get_absolute_url(self):
        return reverse("secondments:mentor_detail", args=[self.pk])

    @property
    def audit_title(self):
        """How the audit trail names it (cms.audit): never the person's name."""
        return f"Mentoring session MEN-{self.pk:05d}"

    @property
    def name(self):
        return self.user.get_full_name()

    def offers_display(self):
        offers = []
        if self.offers_coaching:
            offers.append("Coaching")
        if self.offers_mentoring:
            offers.append("Mentoring")
        return " and ".join(offers) or "Not offering sessions"


class MentoringSlotQuerySet(models.QuerySet):
    def open(self):
        """Slots a mentee can still book: in the future, with no active booking."""
        return self.filter(starts_at__gt=timezone.now()).exclude(
            bookings__status__in=MentoringBooking.ACTIVE)


class MentoringSlot(models.Model):
    # A record, not content: Wagtail's reference index has nothing to learn from it.
    wagtail_reference_index_ignore = True

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        VIDEO = "video", "Video call"

    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    mode = models.CharField(max_length=20, choices=Mode.choices, default=Mode.VIDEO)
    location = models.CharField(
        "venue", max_length=250, blank=True, help_text="Shown only to the booked mentee."
    )
    video_link = models.URLField(blank=True, help_text="Shown only to the booked mentee.")
    series = models.CharField(
        max_length=40, blank=True, help_text="Shared by slots published as one weekly series."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MentoringSlotQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="mentoring_slot_ends_after_start",
            )
        ]
        indexes = [models.Index(fields=["mentor", "starts_at"])]

    def __str__(self):
        local = timezone.localtime(self.starts_at)
        return f"{self.mentor.name}, {local:%d/%m/%Y %H:%M}"

    @property
    def duration_minutes(self):
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @property
    def is_in_future(self):
        return self.starts_at > timezone.now()


class MentoringBooking(models.Model):
    # A record, not content: Wagtail's reference index has nothing to learn from it.
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        BOOKED = "booked", "Booked"
        CANCELLED = "cancelled", "Cancelled"
        HELD = "held", "Held"
        NOT_HELD = "not_held", "Did not take place"

    ACTIVE = [Status.BOOKED, Status.HELD, Status.NOT_HELD]

    slot = models.ForeignKey(MentoringSlot, on_delete=models.PROTECT, related_name="bookings")
    mentee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentoring_bookings"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.BOOKED)
    goals = models.TextField("goals for the session", max_length=limits.LONG_TEXT)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True, max_length=limits.TEXT)
    # Only the mentor and Centre staff may read these.
    mentor_notes = models.TextField("private notes", blank=True, max_length=limits.NOTES)
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    mentee_feedback = models.TextField("feedback on the session", blank=True,
                                       max_length=limits.LONG_TEXT)
    goals_progress = models.TextField("progress towards my goals", blank=True,
                                      max_length=limits.LONG_TEXT)
    feedback_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # Incremented on every change a calendar should pick up (.ics SEQUENCE).
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slot__starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot"],
                condition=models.Q(status__in=["booked", "held", "not_held"]),
                name="one_active_booking_per_slot",
            )
        ]

    def __str__(self):
        return f"MEN-{self.pk:05d}: {self.mentee} with {self.slot}"

    def get_absolute_url(self):
        return reverse("secondments:booking_detail", args=[self.pk])

    @property
    def reference(self):
        return f"MEN-{self.pk:05d}"

    @property
    def status_tag(self):
        return {"booked": "green", "held": "green", "not_held": "grey"}.get(self.status, "grey")

    @property
    def mentor_user(self):
        return self.slot.mentor.user
