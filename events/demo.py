"""Demo events, written in `events/demo_content.py`: kinds of event with their own
programmes, and occasions over the eighteen months before the demo is loaded and the
months after it. Every occasion falls on a working day (never a weekend or a bank holiday
in England and Wales) at the time its kind usually runs.

Past occasions have attendance (marked through `events.services.mark_attendance`, which
writes the CPD entries) and feedback (`events.services.submit_feedback`), then dated back to
the event. Future ones have bookings; the small online MI practice session is full so the
demo leader can join its waiting list; some have booking windows, and the next Family
Group Conferences practice day is linked to the course's practice day module.

Idempotent: events are found by slug and an event's bookings are written only when the
event is created; nothing a person added is touched."""

import datetime
import random
import zoneinfo

from django.utils import timezone
from wagtail.models import ModelLogEntry, Page

from cms import audit
from cms.bank_holidays import working_day_on_or_after
from cms.demo import in_christmas_break, joined_network, stream, took_part
from events import services
from events.demo_content import KINDS, VENUES
from events.models import (
    EventBooking,
    EventFeedback,
    EventIndexPage,
    EventPage,
    Venue,
)

LONDON = zoneinfo.ZoneInfo("Europe/London")
Status = EventBooking.Status

# Booking windows: (opens days before the event or None, closes days before or None).
WINDOWS = {
    "annual-conference": (86, 14),  # opens in a fortnight, closes two weeks before
    "aspiring-leaders-seminar": (None, 21),
    "fgc-learning-event": (None, 7),
    "oba-turn-the-curve-school-attendance": (60, 2),
}
# The next practice day completes the Family Group Conferences course's practice module.
LINKED_MODULE = {"fgc-learning-event": ("family-group-conferences", "fgc-practice-day")}
# Events the demo practitioner and manager went to, or have booked.
NAMED = {
    "mi-practice-summaries": ["practitioner@example.org"],
    "network-families": ["practitioner@example.org", "manager@example.org"],
    "briefing-early-language": ["practitioner@example.org"],
    "ofs-managers-2025": ["manager@example.org"],
    "annual-conference-last-year": ["practitioner@example.org", "manager@example.org"],
    "restorative-practice-network-meeting": ["practitioner@example.org",
                                             "manager@example.org"],
    "aspiring-leaders-seminar": ["leader@example.org"],
}
# Future events: (share of places booked, waitlisted people). The MI session is full.
FUTURE_BOOKINGS = {
    "mi-skills-practice": (1.0, 0),
    "aspiring-leaders-seminar": (1.0, 2),
    "outcome-focused-supervision-workshop": (0.85, 0),
}
CANCEL_REASONS = ["Clashed with a court hearing", "Covering duty that day",
                  "Child protection conference moved to that morning", "Off sick"]
ACCESS_NEEDS = ["Vegetarian lunch, please", "Step-free access; I use a wheelchair",
                "Hearing loop, please", "Gluten-free lunch", "A seat near the door (anxiety)"]


def seed(stdout, context):
    index = _index(context["home"])
    venues = {key: _venue(*values) for key, values in VENUES.items()}
    pools = _pools(context)
    staff = context["people"]["staff@example.org"]
    today = timezone.localdate()
    created = 0
    for kind in KINDS.values():
        feedback = list(kind["feedback"])
        past = [o for o in kind["occasions"] if o[2] < 0]
        per_event = -(-len(feedback) // max(len(past), 1))  # share it out, never reuse
        for slug, title, days in kind["occasions"]:
            if EventPage.objects.filter(slug=slug).exists():
                if days < 0:
                    feedback = feedback[per_event:]
                continue
            event = _event(index, venues, kind, slug, title, days, today)
            created += 1
            people = _attendees(event, kind, pools, context["people"], slug)
            if days < 0:
                _run_past_event(event, people, staff, feedback[:per_event])
                feedback = feedback[per_event:]
            else:
                _book_future_event(event, people, slug)
    stdout.write(f"Events: {created} events added.\n")


def event_day(today, days, weekday):
    """The kind's usual weekday in the week `days` from today, or the next working day."""
    target = today + datetime.timedelta(days=days)
    target += datetime.timedelta(days=weekday - target.weekday())
    if days > 0 and target <= today:
        target += datetime.timedelta(weeks=1)
    if days < 0 and target >= today:
        target -= datetime.timedelta(weeks=1)
    while in_christmas_break(target):
        target += datetime.timedelta(weeks=1)
    return working_day_on_or_after(target)


def _programme(kind, start):
    rows = "".join(
        f"<li><strong>{(start + datetime.timedelta(minutes=m)):%H:%M}</strong> {item}</li>"
        for m, item in kind["programme"])
    end = start + datetime.timedelta(minutes=kind["minutes"])
    return stream(
        ("paragraph", f"<p>{kind['intro']}</p>"),
        ("heading", {"text": "Programme", "size": "h2"}),
        ("paragraph", f"<ul>{rows}</ul><p>We finish by {end:%H:%M}.</p>"),
    )


def _event(index, venues, kind, slug, title, days, today):
    day = event_day(today, days, kind["weekday"])
    hour, minute = kind["start"]
    start = datetime.datetime.combine(day, datetime.time(hour, minute), LONDON)
    end = start + datetime.timedelta(minutes=kind["minutes"])
    opens, closes = WINDOWS.get(slug, (None, None))
    event = EventPage(
        title=title, slug=slug, summary=kind["intro"].split(". ")[0].rstrip(".") + ".",
        start=start, end=end,
        venue=venues[kind["venue"]] if kind["venue"] else None, is_online=kind["online"],
        joining_link=f"https://meet.example.org/centre-{slug}" if kind["online"] else "",
        capacity=kind["capacity"], audience=kind["audience"], cpd_hours=kind["cpd"],
        booking_opens=(start - datetime.timedelta(days=opens)).replace(hour=9, minute=0)
        if opens else None,
        booking_closes=(start - datetime.timedelta(days=closes)).replace(hour=17, minute=0)
        if closes else None,
        programme=_programme(kind, start),
        contact_name="Jo Simpson, events and programme coordinator",
        contact_email="centre.events@example.org",
    )
    if slug in LINKED_MODULE:
        from wagtail.models import Page as WagtailPage

        course_slug, module_slug = LINKED_MODULE[slug]
        course = WagtailPage.objects.filter(slug=course_slug).first()
        if course is not None:
            event.linked_module = WagtailPage.objects.child_of(course).filter(
                slug=module_slug).first()
    # Saved live without a revision, as the course modules are: forty revisions would
    # make the demo slow, and the first edit in the admin creates one.
    index.add_child(instance=event)
    return event


def _pools(context):
    """Who comes to what: host staff, partner staff, visiting leaders."""
    from cms.demo import DEMO_LEADERS, PARTNER_STAFF, TEAM_COLLEAGUES, WORKFORCE

    people = context["people"]
    host = [people[e] for e, *_ in WORKFORCE + TEAM_COLLEAGUES if e in people]
    partner_staff = [people[e] for e, *_ in PARTNER_STAFF if e in people]
    leaders = [people[e] for e, *_ in DEMO_LEADERS if e in people]
    return {"host_staff": host, "everyone": host + partner_staff + leaders[:4],
            "visiting_leaders": leaders, "joined": joined_network()}


def _attendees(event, kind, pools, people, slug):
    rng = random.Random(slug)
    named = [people[e] for e in NAMED.get(slug, []) if e in people]
    booked_by = event.start - datetime.timedelta(days=45)
    pool = [p for p in pools[kind["audience"]] if p not in named
            and took_part(p, booked_by, pools["joined"])]
    rng.shuffle(pool)
    wanted = min(22, max(3, int(event.capacity * rng.uniform(0.45, 0.9))))
    if slug in FUTURE_BOOKINGS:  # these are full, some with a waiting list
        wanted = event.capacity + FUTURE_BOOKINGS[slug][1]
    return (named + pool)[:wanted]


def _booked_at(event, person, days_before):
    return event.start - datetime.timedelta(days=days_before, hours=person.pk % 9)


def _booking(event, person, status, when, access=""):
    """Written directly: past events cannot be booked through the rules, and future
    bookings here are the demo's starting point, not new requests to email about."""
    booking = EventBooking.objects.create(
        event=event, user=person, status=status, access_requirements=access,
        event_title=event.title, event_start=event.start, event_end=event.end,
        event_location=event.location[:500], created_at=when,
    )
    audit.record(booking, f"events.booking.{status}", actor=person, to_status=status,
                 timestamp=when, reason="booked" if status != Status.WAITLISTED else
                 "booked when full: added to the waiting list")
    return booking


def _date_changes(booking, when):
    """The changes after booking (made by the services a moment ago) move to `when`."""
    ModelLogEntry.objects.filter(
        pk__in=[e.pk for e in audit.history_of(booking) if e.data.get("from_status")]
    ).update(timestamp=when)


def _run_past_event(event, people, staff, feedback):
    rng = random.Random(event.slug + "-day")
    access_erased = timezone.now()  # past events keep no access requirements
    attended = []
    for n, person in enumerate(people):
        when = _booked_at(event, person, rng.randint(4, 40))
        if n > 2 and rng.random() < 0.06:  # cancelled beforehand
            booking = _booking(event, person, Status.CONFIRMED, when)
            services.cancel_booking(booking, person, reason=rng.choice(CANCEL_REASONS),
                                    now=when + datetime.timedelta(days=2))
            _date_changes(booking, when + datetime.timedelta(days=2))
            continue
        booking = _booking(event, person, Status.CONFIRMED, when)
        EventBooking.objects.filter(pk=booking.pk).update(
            access_requirements_erased_at=access_erased)
        came = n <= 2 or rng.random() > 0.08
        services.mark_attendance(booking, came, staff)
        _date_changes(booking, event.end)
        if came:
            attended.append(booking)
    named = {p.pk for p in people[:1]}
    givers = [b for b in attended if b.user_id not in named]
    for booking, (rating, useful, differently) in zip(givers, feedback, strict=False):
        booking.refresh_from_db()
        services.submit_feedback(booking, booking.user, rating, useful, differently)
        EventFeedback.objects.filter(booking=booking).update(
            created_at=event.end + datetime.timedelta(hours=20 + booking.pk % 30))


def _book_future_event(event, people, slug):
    rng = random.Random(slug + "-bookings")
    share, waiting = FUTURE_BOOKINGS.get(slug, (rng.uniform(0.25, 0.7), 0))
    if event.booking_opens and event.booking_opens > timezone.now():
        return  # booking has not opened yet
    confirmed = min(event.capacity, max(2, round(event.capacity * share)))
    extra = [p for p in people[confirmed:]]
    everyone = people[:confirmed]
    for n, person in enumerate(everyone + extra[:waiting]):
        status = Status.CONFIRMED if n < confirmed else Status.WAITLISTED
        days_before = rng.randint(1, 30)
        when = min(timezone.now() - datetime.timedelta(hours=n + 1),
                   _booked_at(event, person, days_before + 30))
        access = ACCESS_NEEDS[n % len(ACCESS_NEEDS)] if n % 7 == 3 and not event.is_online \
            else ""
        _booking(event, person, status, when, access)
    if len(everyone) < confirmed:  # too few people in the pool to fill it
        return


def _index(home):
    index = EventIndexPage.objects.first()
    if index is None:
        index = EventIndexPage(
            title="Events", slug="events", show_in_menus=True,
            introduction="Network meetings, practice days, workshops, lunchtime briefings and "
            "the annual conference, for the children's services workforce and for aspiring "
            "leaders from other local authorities.",
        )
        Page.objects.get(pk=home.pk).add_child(instance=index)
        index.save_revision().publish()
    return index


def _venue(name, address, postcode, access):
    venue, _ = Venue.objects.get_or_create(
        name=name, defaults={"address": address, "postcode": postcode,
                             "access_information": access},
    )
    return venue
