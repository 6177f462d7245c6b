"""Events: the pages staff author, and the bookings, history and feedback they gather."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import limits
from cms.blocks import BaseStreamBlock
from cms.page_cache import ViewRestrictionsFromCacheMixin


class ModuleChooserPanel(PageChooserPanel):
    """Chooses a course module. The courses app may not define ModulePage yet (it is built
    in parallel), so the page type is resolved when the form is built."""

    def get_form_options(self):
        from django.apps import apps

        try:
            apps.get_model("courses", "ModulePage")
            self.page_type = ["courses.ModulePage"]
        except LookupError:
            self.page_type = None
        return super().get_form_options()


class Venue(models.Model):
    name = models.CharField(max_length=200)
    address = models.TextField(max_length=limits.SUMMARY)
    postcode = models.CharField(max_length=12, blank=True)
    access_information = models.TextField(
        blank=True, max_length=limits.TEXT,
        help_text="Step-free access, hearing loop, accessible toilets, parking, quiet room.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("postcode"),
        FieldPanel("access_information"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def one_line(self):
        lines = [line.strip() for line in self.address.splitlines() if line.strip()]
        parts = [self.name, *lines, self.postcode]
        return ", ".join(p for p in parts if p)


class Audience(models.TextChoices):
    EVERYONE = "everyone", "Everyone"
    HOST_STAFF = "host_staff", "Host authority staff only"
    VISITING_LEADERS = "visiting_leaders", "Visiting leaders only"


class EventIndexPage(ViewRestrictionsFromCacheMixin, Page):
    introduction = models.TextField(blank=True, max_length=limits.TEXT)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = "event listing"

    def get_context(self, request, *args, **kwargs):
        from events.listing import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context


class EventPage(ViewRestrictionsFromCacheMixin, Page):
    summary = models.TextField(max_length=400, help_text="One or two sentences for the listing.")
    programme = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)
    start = models.DateTimeField(help_text="UK time.",
                                 validators=[limits.DateRangeValidator(years_ahead=5)])
    end = models.DateTimeField(help_text="UK time.",
                               validators=[limits.DateRangeValidator(years_ahead=5)])
    venue = models.ForeignKey(
        Venue, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    is_online = models.BooleanField("online event", default=False)
    joining_link = models.URLField(
        blank=True, help_text="Shown only to people with a confirmed place."
    )
    capacity = models.PositiveIntegerField(
        default=30, help_text="Raising it later offers the new places to the waiting list."
    )
    booking_opens = models.DateTimeField(null=True, blank=True)
    booking_closes = models.DateTimeField(
        null=True, blank=True, help_text="Leave blank to take bookings until the start."
    )
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    waitlist_enabled = models.BooleanField("keep a waiting list", default=True)
    offer_hold_hours = models.PositiveIntegerField(
        "hours to accept an offered place",
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 14)],
    )
    cpd_hours = models.DecimalField("CPD hours", max_digits=4, decimal_places=1, default=0)
    contact_name = models.CharField(max_length=150, blank=True)
    contact_email = models.EmailField(blank=True)
    linked_module = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For blended courses: attending this event completes the module.",
    )
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("venue"),
             FieldRowPanel([FieldPanel("is_online"), FieldPanel("joining_link")])],
            heading="When and where",
        ),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("audience"),
             FieldRowPanel([FieldPanel("booking_opens"), FieldPanel("booking_closes")]),
             FieldRowPanel([FieldPanel("waitlist_enabled"), FieldPanel("offer_hold_hours")])],
            heading="Booking",
        ),
        FieldPanel("programme"),
        MultiFieldPanel(
            [FieldPanel("cpd_hours"), ModuleChooserPanel("linked_module")],
            heading="Learning",
        ),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "event"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "The end must be after the start."})
        if self.booking_opens and self.booking_closes and self.booking_closes <= self.booking_opens:
            raise ValidationError({"booking_closes": "Booking must close after it opens."})
        if not self.is_online and not self.venue_id:
            raise ValidationError({"venue": "Choose a venue, or mark the event as online."})

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    @property
    def is_past(self):
        return self.end <= timezone.now()

    @property
    def location(self):
        if self.is_online:
            return "Online"
        return self.venue.one_line if self.venue else ""

    def places_taken(self):
        """Places held: the one count every booking rule and screen uses."""
        return self.bookings.holding_places().count()

    def places_left(self, taken=None):
        if taken is None:
            taken = getattr(self, "taken", None)
        if taken is None:
            taken = self.places_taken()
        return max(self.capacity - taken, 0)

    def url_path_for_calendar(self):
        return self.get_url() or "/"

    def get_context(self, request, *args, **kwargs):
        from events.listing import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(self, request))
        return context


def new_reference():
    # No 0/O or 1/I: read out over the phone.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "EV-" + "".join(secrets.choice(alphabet) for _ in range(6))


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    WAITLISTED = "waitlisted", "Waitlisted"
    OFFERED = "offered", "Place offered"
    CANCELLED = "cancelled", "Cancelled"
    OFFER_EXPIRED = "offer_expired", "Offer expired"
    ATTENDED = "attended", "Attended"
    NO_SHOW = "no_show", "Did not attend"


# Said once: the statuses that hold one of the event's places, and those that count as the
# person's one booking of the event (the constraint below uses the same list).
HOLDS_PLACE = [BookingStatus.CONFIRMED, BookingStatus.OFFERED, BookingStatus.ATTENDED,
               BookingStatus.NO_SHOW]
ACTIVE = [BookingStatus.CONFIRMED, BookingStatus.WAITLISTED, BookingStatus.OFFERED,
          BookingStatus.ATTENDED, BookingStatus.NO_SHOW]


class EventBookingQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE)

    def holding_places(self):
        return self.filter(status__in=HOLDS_PLACE)

    def with_waitlist_position(self):
        """Annotate `waitlist_position`: 1 for the first waitlisted person, by booking order
        (bookings are inserted while the event row is locked, so pk order is commit order)."""
        ahead = (
            EventBooking.objects.filter(
                event=models.OuterRef("event"),
                status=EventBooking.Status.WAITLISTED,
                pk__lte=models.OuterRef("pk"),
            )
            .order_by()
            .values("event")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(waitlist_position=models.Subquery(ahead))


class EventBooking(models.Model):
    # A record, not content: Wagtail's reference index has nothing to learn from it.
    wagtail_reference_index_ignore = True

    Status = BookingStatus
    HOLDS_PLACE = HOLDS_PLACE
    ACTIVE = ACTIVE

    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    event = models.ForeignKey(EventPage, on_delete=models.PROTECT, related_name="bookings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_bookings"
    )
    status = models.CharField(max_length=20, choices=Status.choices, db_index=True)
    access_requirements = models.TextField(
        blank=True, max_length=limits.SUMMARY,
        help_text="Dietary or access needs. Deleted a few days after the event.",
    )
    access_requirements_erased_at = models.DateTimeField(null=True, blank=True)
    # What the person was last told, so a changed event can be announced (and records
    # outlive the page).
    event_title = models.CharField(max_length=255)
    event_start = models.DateTimeField()
    event_end = models.DateTimeField()
    event_location = models.CharField(max_length=500, blank=True)
    sequence = models.PositiveIntegerField(
        default=0, help_text="iCalendar SEQUENCE: raised on every change."
    )
    offer_expires_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    feedback_requested_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventBookingQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(status__in=ACTIVE),
                name="one_active_booking_per_person",
            )
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.reference} {self.event_title}"

    @property
    def audit_title(self):
        """How the audit trail names it (cms.audit): never the person's name."""
        return f"Booking {self.reference}: {self.event_title}"

    @property
    def is_active(self):
        return self.status in self.ACTIVE

    @property
    def holds_place(self):
        return self.status in self.HOLDS_PLACE

    @property
    def status_tag(self):
        return {
            self.Status.CONFIRMED: "green",
            self.Status.ATTENDED: "green",
            self.Status.WAITLISTED: "yellow",
            self.Status.OFFERED: "purple",
            self.Status.NO_SHOW: "red",
        }.get(self.status, "grey")


class EventFeedback(models.Model):
    # A record, not content: Wagtail's reference index has nothing to learn from it.
    wagtail_reference_index_ignore = True

    booking = models.OneToOneField(EventBooking, on_delete=models.CASCADE, related_name="feedback")
    rating = models.PositiveSmallIntegerField(
        "overall rating", validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    most_useful = models.TextField("what was most useful", blank=True, max_length=limits.TEXT)
    do_differently = models.TextField("what you will do differently in practice", blank=True,
                                      max_length=limits.TEXT)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "event feedback"
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"
            )
        ]

    def __str__(self):
        return f"{self.booking.event_title}: {self.rating}/5"

    @property
    def event_title(self):
        return self.booking.event_title

    event_title.fget.short_description = "event"
