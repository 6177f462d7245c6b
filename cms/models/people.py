"""People and the organisations and teams they belong to."""

import secrets

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.urls import reverse

from cms import limits


class OrganisationQuerySet(models.QuerySet):
    def partner_authorities(self):
        """Local authorities other than the host: the councils the improvement partner
        offer is for (an NHS trust or a schools partnership is a partner, not an
        authority)."""
        return self.filter(kind=Organisation.Kind.LOCAL_AUTHORITY, is_host_authority=False)


class Organisation(models.Model):
    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        NHS = "nhs", "NHS trust"
        SCHOOL = "school", "School or academy trust"
        VOLUNTARY = "voluntary", "Voluntary or community body"
        OTHER = "other", "Other partner"

    class Ofsted(models.TextChoices):
        OUTSTANDING = "outstanding", "Outstanding"
        GOOD = "good", "Good"
        REQUIRES_IMPROVEMENT = "requires_improvement", "Requires improvement to be good"
        INADEQUATE = "inadequate", "Inadequate"
        NOT_INSPECTED = "", "Not inspected"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.LOCAL_AUTHORITY)
    is_host_authority = models.BooleanField(
        default=False,
        help_text="The council that runs the Centre. Its people are practitioners; "
        "people from other authorities are visiting leaders.",
    )
    ofsted_judgement = models.CharField(
        "latest Ofsted judgement", max_length=30, choices=Ofsted.choices, blank=True
    )
    ofsted_judgement_date = models.DateField("date of judgement", null=True, blank=True,
                                             validators=[limits.DateRangeValidator()])
    email_domains = models.CharField(
        max_length=500, blank=True,
        help_text="Email domains of this organisation's staff, separated by commas (for "
        "example leeds.gov.uk). People with a confirmed address on one of them join the "
        "organisation at once; anyone else joins the host authority only when staff approve.",
    )
    is_confirmed = models.BooleanField(
        "confirmed", default=True,
        help_text="Organisations named at sign-up (\"my organisation is not listed\") wait "
        "here for staff to check them.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        permissions = [("view_reports", "Can view monitoring and evaluation reports")]

    def __str__(self):
        return self.name

    def domain_list(self):
        return [d.strip().lower().lstrip("@") for d in self.email_domains.split(",")
                if d.strip()]

    def owns_address(self, email):
        """Is this address on one of the organisation's own domains (not a subdomain
        someone else could register, nor a look-alike)?"""
        domain = email.rpartition("@")[2].strip().lower()
        return bool(domain) and domain in self.domain_list()

    @property
    def needs_improvement_support(self):
        return self.ofsted_judgement in {
            self.Ofsted.INADEQUATE,
            self.Ofsted.REQUIRES_IMPROVEMENT,
        }


class Team(models.Model):
    name = models.CharField(max_length=200)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="teams"
    )
    service = models.CharField(
        max_length=200, blank=True, help_text="For example Restorative Early Support."
    )
    cluster = models.CharField(max_length=200, blank=True)
    area = models.CharField(max_length=100, blank=True, help_text="For example South.")
    phone = models.CharField(max_length=40, blank=True)
    show_in_directory = models.BooleanField(
        default=False, help_text="List this team, with its phone number, in the team directory."
    )
    managers = models.ManyToManyField(
        "cms.User",
        blank=True,
        related_name="managed_teams",
        help_text="Team managers see and assign their team's training.",
    )

    class Meta:
        ordering = ["area", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_team_name")
        ]

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        email = self.normalize_email(email).lower()
        user = self.model(email=email, **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in. The email address is the login."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(max_length=150, blank=True)
    job_title = models.CharField(max_length=150, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="members"
    )
    calendar_token = models.CharField(max_length=64, blank=True, db_index=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    @classmethod
    def from_db(cls, db, field_names, values):
        user = super().from_db(db, field_names, values)
        # Who the person belonged to as read, so a save can tell whether they joined or
        # left a team (cms.page_cache.invalidate_on_membership_change).
        user._loaded_membership = user.membership
        return user

    @property
    def membership(self):
        """What puts a person in a team's matrix: the team, and being active. A field left
        out of the query reads as unknown."""
        loaded = self.get_deferred_fields()
        if {"team", "is_active"} & loaded:
            return None
        return (self.team_id, self.is_active)

    # Wagtail and Django admin call these.
    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return (self.full_name or self.email).split(" ")[0]

    @property
    def first_name_or_email(self):
        return self.get_short_name()

    def reset_calendar_token(self):
        self.calendar_token = secrets.token_urlsafe(32)
        self.save(update_fields=["calendar_token"])
        return self.calendar_token

    def get_calendar_feed_url(self):
        if not self.calendar_token:
            return ""
        return reverse("calendar_feed", args=[self.calendar_token])


class MembershipRequest(models.Model):
    """A person asks to belong somewhere; someone with the right to say so decides."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    user = models.ForeignKey("cms.User", on_delete=models.CASCADE)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey("cms.User", on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


class OrganisationMembershipRequest(MembershipRequest):
    """Joining the host authority without a confirmed address on its domains: staff approve."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="membership_requests")

    class Meta(MembershipRequest.Meta):
        verbose_name = "host membership request"
        constraints = [models.UniqueConstraint(
            fields=["user"], condition=models.Q(status="pending"),
            name="one_pending_organisation_request")]

    def __str__(self):
        return f"{self.user} asks to join {self.organisation}"


class TeamMembershipRequest(MembershipRequest):
    """Joining a team: the team's manager or Centre staff approve."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="membership_requests")

    class Meta(MembershipRequest.Meta):
        verbose_name = "team membership request"
        constraints = [models.UniqueConstraint(
            fields=["user"], condition=models.Q(status="pending"),
            name="one_pending_team_request")]

    def __str__(self):
        return f"{self.user} asks to join {self.team}"
