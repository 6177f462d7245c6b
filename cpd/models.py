"""The CPD record: a person's continuing professional development, fit for registration.

Courses, events and secondments all add to it (through cpd.services); people add their own
entries by hand. The table is still `courses_cpdentry`, where the record began, so moving
the model into its own app lost no row."""

from django.conf import settings
from django.db import models

from cms import limits


class CPDEntry(models.Model):
    # A record, not content: Wagtail's reference index has nothing to learn from it.
    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        COURSE = "course", "Course"
        EVENT = "event", "Event or workshop"
        MENTORING = "mentoring", "Coaching or mentoring"
        SECONDMENT = "secondment", "Secondment"
        READING = "reading", "Reading or research"
        SUPERVISION = "supervision", "Supervision or reflective discussion"
        OTHER = "other", "Other learning"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cpd_entries"
    )
    kind = models.CharField("type", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(max_length=250)
    provider = models.CharField(max_length=250, blank=True)
    date = models.DateField("date of the activity", validators=[limits.DateRangeValidator()])
    hours = models.DecimalField(max_digits=5, decimal_places=1, default=0)
    what_learnt = models.TextField("what I learnt", blank=True, max_length=limits.LONG_TEXT)
    impact_on_practice = models.TextField("impact on my practice", blank=True,
                                          max_length=limits.LONG_TEXT)
    impact_on_people = models.TextField(
        "impact on the people I work with", blank=True, max_length=limits.LONG_TEXT
    )
    # Social Work England asks, of a peer reflection, who it was with, their role and the
    # date of the discussion; what was said is the person's own note.
    peer_name = models.CharField("who the discussion was with", max_length=150, blank=True)
    peer_role = models.CharField("their role", max_length=150, blank=True)
    peer_discussed_on = models.DateField("date of the discussion", null=True, blank=True,
                                         validators=[limits.DateRangeValidator()])
    peer_reflection = models.TextField("what I learnt from discussing it", blank=True,
                                       max_length=limits.LONG_TEXT)
    standards = models.CharField(
        "professional standards evidenced",
        max_length=500,
        blank=True,
        help_text="Comma-separated codes or names of the standards this evidences.",
    )
    # Where an entry came from (a certificate, an event booking, a mentoring session), so
    # that each activity creates one entry however often it is recorded.
    source_type = models.CharField(max_length=40, blank=True)
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    # Added for the person (a course completed, an event attended) and not yet written up
    # by them: it does not count towards the registration rule until they write it.
    to_write = models.BooleanField("still to write", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "CPD entry"
        verbose_name_plural = "CPD entries"
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "source_type", "source_id"],
                condition=models.Q(source_id__isnull=False),
                name="one_cpd_entry_per_source",
            )
        ]
        indexes = [models.Index(fields=["user", "date"], name="courses_cpd_user_id_0e6194_idx")]
        db_table = "courses_cpdentry"

    def __str__(self):
        return f"{self.title} ({self.date:%d/%m/%Y})"

    @property
    def is_written_up(self):
        """Both answers Social Work England asks of every piece are written."""
        return bool(self.what_learnt.strip() and self.impact_on_practice.strip())

    @property
    def is_peer_reflection(self):
        return bool(self.peer_name.strip() or self.peer_reflection.strip())
