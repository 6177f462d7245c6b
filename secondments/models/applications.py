"""Applications for secondments and the record of every change to them."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from cms import limits


class SecondmentApplication(models.Model):
    # A record, not content: Wagtail's reference index has nothing to learn from it.
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        SHORTLISTED = "shortlisted", "Shortlisted"
        OFFERED = "offered", "Offered"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        COMPLETED = "completed", "Completed"
        REJECTED = "rejected", "Not successful"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class SponsorDecision(models.TextChoices):
        PENDING = "pending", "Awaiting sponsor"
        ENDORSED = "endorsed", "Endorsed"
        DECLINED = "declined", "Not endorsed"

    # The one table of allowed moves: each service function checks against it.
    TRANSITIONS = {
        Status.SUBMITTED: {Status.SHORTLISTED, Status.OFFERED, Status.REJECTED, Status.WITHDRAWN},
        Status.SHORTLISTED: {Status.OFFERED, Status.REJECTED, Status.WITHDRAWN},
        Status.OFFERED: {Status.ACCEPTED, Status.DECLINED, Status.WITHDRAWN},
        Status.ACCEPTED: {Status.COMPLETED, Status.WITHDRAWN},
        Status.DECLINED: set(),
        Status.COMPLETED: set(),
        Status.REJECTED: set(),
        Status.WITHDRAWN: set(),
    }
    # A person has at most one of these per opportunity.
    ACTIVE = [Status.SUBMITTED, Status.SHORTLISTED, Status.OFFERED, Status.ACCEPTED]
    # These use up one of the opportunity's places.
    PLACE_HOLDING = [Status.OFFERED, Status.ACCEPTED, Status.COMPLETED]

    opportunity = models.ForeignKey(
        "secondments.SecondmentOpportunityPage",
        on_delete=models.PROTECT,
        related_name="applications",
    )
    opportunity_title = models.CharField(max_length=255)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="secondment_applications"
    )
    organisation_name = models.CharField("organisation", max_length=200, blank=True)
    current_role = models.CharField("current role", max_length=200)
    experience = models.TextField("relevant experience", max_length=limits.LONG_TEXT)
    learning_goals = models.TextField("what you want to learn", max_length=limits.LONG_TEXT)
    sponsor_name = models.CharField("sponsoring manager's name", max_length=150)
    sponsor_email = models.EmailField("sponsoring manager's email")
    sponsor_decision = models.CharField(
        max_length=20, choices=SponsorDecision.choices, default=SponsorDecision.PENDING
    )
    sponsor_decided_at = models.DateTimeField(null=True, blank=True)
    sponsor_comment = models.TextField(blank=True, max_length=limits.TEXT)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    outcome = models.TextField(
        blank=True, max_length=limits.LONG_TEXT, help_text="What the secondment achieved, recorded when it is completed."
    )
    reply_by = models.DateField(
        "reply by", null=True, blank=True,
        help_text="Set when a place is offered: the day the applicant should answer by.")
    staff_notes = models.TextField(
        blank=True, max_length=limits.LONG_TEXT,
        help_text="For Centre staff only: never shown to the applicant or their sponsor. "
                  "The applicant's own answers cannot be changed here.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "applicant"],
                condition=models.Q(
                    status__in=["submitted", "shortlisted", "offered", "accepted"]
                ),
                name="one_active_application_per_person",
            )
        ]
        indexes = [models.Index(fields=["opportunity", "status"])]

    def __str__(self):
        return f"{self.reference}: {self.applicant} – {self.opportunity_title}"

    def get_absolute_url(self):
        return reverse("secondments:application_detail", args=[self.pk])

    @property
    def audit_title(self):
        """How the audit trail names it (cms.audit): never the person's name."""
        return f"Application {self.reference}: {self.opportunity_title}"

    @property
    def reference(self):
        return f"SEC-{self.pk:05d}" if self.pk else "SEC-new"

    def can_move_to(self, status):
        return status in self.TRANSITIONS.get(self.status, set())

    @property
    def is_active(self):
        return self.status in self.ACTIVE

    @property
    def status_tag(self):
        return STATUS_TAGS.get(self.status, "grey")

    @property
    def sponsor_tag(self):
        return {"endorsed": "green", "declined": "red"}.get(self.sponsor_decision, "yellow")


STATUS_TAGS = {
    "submitted": "purple",
    "shortlisted": "yellow",
    "offered": "yellow",
    "accepted": "green",
    "completed": "green",
    "declined": "grey",
    "rejected": "red",
    "withdrawn": "grey",
}
