"""Demo events, grounded in the Partners in Practice proposal and the RES teams guide.

A dozen events over the coming months (some full with a waiting list, one small event full
so the demo leader can join its waiting list) and three past events with attendance and
feedback. Idempotent: events are found by slug, bookings by (event, person); nothing a
person added is touched. Places are filled by filler people `events-attendee-N@example.org`
(and `events-leader-N@example.org` from partner authorities), never beyond capacity.
"""

import datetime
import zoneinfo

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from cms import roles
from cms.demo import rich, stream
from cms.models import User
from events.models import (
    Audience,
    EventBooking,
    EventBookingHistory,
    EventFeedback,
    EventIndexPage,
    EventPage,
    Venue,
)

LONDON = zoneinfo.ZoneInfo("Europe/London")
Status = EventBooking.Status

VENUES = {
    "merrion": ("Merrion House", "110 Merrion Centre\nLeeds", "LS2 8BB",
                "Step-free entrance from Merrion Way. Lifts to every floor, accessible toilets "
                "and a hearing loop in the training rooms. A quiet room is available."),
    "civic": ("Leeds Civic Hall", "Calverley Street\nLeeds", "LS1 1UR",
              "Step-free entrance on Portland Crescent. Hearing loop in the Banqueting Suite. "
              "Blue badge parking on Calverley Street."),
    "armouries": ("Royal Armouries Hall", "Armouries Drive\nLeeds", "LS10 1LT",
                  "Fully step-free with lifts, accessible toilets on every floor, a hearing loop "
                  "in the main hall and a multi-faith and quiet room."),
    "hub": ("2gether cluster hub", "Harehills Lane\nLeeds", "LS9 6JF",
            "Ground floor rooms, step-free access and an accessible toilet."),
}

# slug, title, summary, days from today (negative: past), start hour, hours, venue key or
# None for online, capacity, audience, cpd hours, (confirmed, waitlisted) filler bookings
EVENTS = [
    ("restorative-practice-network-meeting", "Restorative practice network meeting",
     "Practitioners from REST teams, schools and partners share how restorative meetings are "
     "going, with a case discussion led by a specialist restorative practice worker.",
     16, 9.5, 3, "merrion", 40, Audience.EVERYONE, 3, (12, 0)),
    ("fgc-learning-event", "Family Group Conference learning event",
     "How Family Group Conferences put the family's own plan first: coordinators and families "
     "talk about what made the difference.",
     23, 10, 4, "civic", 30, Audience.EVERYONE, 4, (14, 0)),
    ("mi-skills-practice", "Motivational Interviewing skills practice",
     "A small, hands-on session practising open questions, affirmations, reflections and "
     "summaries in pairs, with feedback from an MI trainer.",
     30, 13.5, 3, "hub", 6, Audience.EVERYONE, 3, (6, 0)),
    ("oba-turn-the-curve-school-attendance", "OBA turn-the-curve workshop: school attendance",
     "Use Outcomes Based Accountability to turn the curve on school attendance, the first of "
     "the 3A's: attend, achieve, attain. Bring your cluster's data.",
     37, 9.5, 5, "merrion", 24, Audience.EVERYONE, 5, (9, 0)),
    ("rethink-formulation-multi-agency-forum", "Rethink Formulation multi-agency forum",
     "Social work, early help, schools and NHS colleagues explore Rethink Formulation in "
     "group supervision, with the Rethink Team.",
     44, 14, 2, None, 60, Audience.EVERYONE, 2, (18, 0)),
    ("aspiring-leaders-seminar", "Leadership seminar for aspiring leaders",
     "For aspiring leaders from other local authorities: how Leeds built its restorative "
     "model, with senior officers and time for networking.",
     51, 10, 5, "civic", 8, Audience.VISITING_LEADERS, 5, (8, 2)),
    ("outcome-focused-supervision-workshop", "Outcome Focused Supervision for team managers",
     "For managers in the host authority: practising Outcome Focused Supervision, a key element "
     "of the Leeds Practice Model.",
     58, 9.5, 3, "merrion", 12, Audience.HOST_STAFF, 3, (12, 3)),
    ("res-teams-closer-to-schools", "Bringing social work closer to schools",
     "RES team managers and school cluster leads on working together before problems need a "
     "child protection response.",
     72, 15.5, 1.5, None, 100, Audience.EVERYONE, 1.5, (7, 0)),
    ("annual-conference", "Centre for Excellence annual conference",
     "The Centre's annual conference: lessons from Leeds' improvement journey, workshops on "
     "restorative practice, FGC, MI and OBA, and the Partners in Practice evaluation.",
     86, 9, 7, "armouries", 150, Audience.EVERYONE, 6, (20, 0)),
    # Past events, with attendance and feedback.
    ("network-meeting-looking-back", "Restorative practice network meeting: adolescents",
     "Network meeting on restorative conversations with adolescents.",
     -24, 9.5, 3, "merrion", 30, Audience.EVERYONE, 3, (8, 0)),
    ("fgc-family-voices", "Family Group Conferences: family voices",
     "Families and coordinators on what a Family Group Conference felt like.",
     -45, 10, 3, "civic", 25, Audience.EVERYONE, 3, (10, 0)),
    ("mi-introduction", "Motivational Interviewing: an introduction",
     "The spirit of MI and its core skills, online.",
     -12, 13.5, 2, None, 40, Audience.EVERYONE, 2, (6, 0)),
]

PROGRAMME = {
    "default": [
        ("paragraph", rich(
            "Arrival and coffee, then an opening from the Centre for Excellence.",
            "Workshops in small groups, a shared lunch (tell us your dietary needs when you "
            "book), and a closing round: what will you do differently in practice?",
        )),
    ],
}

FEEDBACK = [
    (5, "Hearing how the 2gether RES team runs group supervision.",
     "I will use the restorative check-in at the start of every family meeting."),
    (4, "Practising reflections with a partner.", "Ask more open questions in home visits."),
    (5, "The family's own account of their conference.",
     "Offer a Family Group Conference earlier, before things escalate."),
    (4, "Time with colleagues from schools.", "Talk to the cluster before making a referral."),
]


def seed(stdout, context):
    with transaction.atomic():
        _seed(stdout, context)


def _seed(stdout, context):
    home = context["home"]
    index = _index(home)
    venues = {key: _venue(*values) for key, values in VENUES.items()}
    attendees = _fillers(context, "attendee", 24, context["host"], roles.PRACTITIONERS)
    partners = context["partners"]
    leaders = [
        _filler(f"events-leader-{n}@example.org", f"Visiting leader {n}",
                partners[n % len(partners)], roles.VISITING_LEADERS)
        for n in range(1, 11)
    ]
    people = context["people"]
    today = timezone.localdate()
    created = 0
    for (slug, title, summary, days, hour, hours, venue_key, capacity, audience, cpd,
         (n_confirmed, n_waiting)) in EVENTS:
        event = EventPage.objects.child_of(index).filter(slug=slug).first()
        if event is not None:
            continue
        start = _start(today + datetime.timedelta(days=days), hour)
        event = EventPage(
            title=title, slug=slug, summary=summary, start=start,
            end=start + datetime.timedelta(hours=hours),
            venue=venues[venue_key] if venue_key else None, is_online=venue_key is None,
            joining_link="https://meet.example.org/centre-" + slug if venue_key is None else "",
            capacity=capacity, audience=audience, cpd_hours=cpd,
            programme=stream(*PROGRAMME["default"]),
            contact_name="Centre for Excellence events team",
            contact_email="centre.events@example.org",
        )
        index.add_child(instance=event)
        event.save_revision().publish()
        created += 1
        pool = leaders if audience == Audience.VISITING_LEADERS else attendees
        past = days < 0
        if audience == Audience.VISITING_LEADERS:
            named = [people["leader@example.org"]]
        elif past:
            named = [people["practitioner@example.org"], people["aisha.khan@example.org"],
                     people["tom.reid@example.org"]]
        elif slug in ("restorative-practice-network-meeting", "annual-conference"):
            named = [people["practitioner@example.org"], people["manager@example.org"]]
        else:
            named = []
        everyone = (named + [p for p in pool if p not in named])[: n_confirmed + n_waiting]
        for i, person in enumerate(everyone):
            if i < min(n_confirmed, capacity):
                status = Status.ATTENDED if past else Status.CONFIRMED
            else:
                status = Status.WAITLISTED
            _booking(event, person, status, access="Vegetarian lunch" if i == 2 else "")
        if past:
            _feedback(event, skip=people["practitioner@example.org"])
    stdout.write(f"Events: {created} events added.\n")


def _start(date, hour):
    while date.weekday() >= 5:  # events run on weekdays
        date += datetime.timedelta(days=1)
    return datetime.datetime.combine(
        date, datetime.time(int(hour), int(round((hour % 1) * 60))), LONDON
    )


def _index(home):
    index = EventIndexPage.objects.first()
    if index is None:
        index = EventIndexPage(
            title="Events", slug="events", show_in_menus=True,
            introduction="Network meetings, learning events, skills practice and the annual "
            "conference, for the children's services workforce and for aspiring leaders from "
            "other local authorities.",
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


def _filler(email, name, organisation, role):
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email, full_name=name, job_title="Practitioner",
                    organisation=organisation)
        user.set_unusable_password()
        user.save()
        user.groups.add(*Group.objects.filter(name=role))
    return user


def _fillers(context, kind, count, organisation, role):
    names = ["Amira Hussain", "Ben Carter", "Chloe Walsh", "David Osei", "Ella Morris",
             "Farah Iqbal", "George Lee", "Hannah Price", "Imran Malik", "Jess Taylor",
             "Kofi Mensah", "Laura Finch", "Mohammed Ali", "Niamh Kelly", "Owen Hughes",
             "Poppy Evans", "Rashid Khan", "Sophie Turner", "Tariq Aziz", "Una Byrne",
             "Victor Okoye", "Wendy Clarke", "Yusuf Patel", "Zara Ahmed"]
    return [
        _filler(f"events-{kind}-{n}@example.org", names[(n - 1) % len(names)], organisation,
                role)
        for n in range(1, count + 1)
    ]


def _booking(event, user, status, access=""):
    """Demo bookings are written directly (past events cannot be booked through the rules);
    callers never pass more holders than the event's capacity."""
    if EventBooking.objects.filter(event=event, user=user).exists():
        return
    booking = EventBooking.objects.create(
        event=event, user=user, status=status, access_requirements=access,
        event_title=event.title, event_start=event.start, event_end=event.end,
        event_location=event.location, created_at=event.start - datetime.timedelta(days=20),
    )
    EventBookingHistory.objects.create(booking=booking, from_status="", to_status=(
        Status.WAITLISTED if status == Status.WAITLISTED else Status.CONFIRMED), reason="booked")
    if status == Status.ATTENDED:
        EventBookingHistory.objects.create(booking=booking, from_status=Status.CONFIRMED,
                                           to_status=status, reason="marked attended")
        from cpd.models import CPDEntry
        from cpd.services import record_cpd_activity

        record_cpd_activity(
            user, source_type="event_booking", source_id=booking.pk, kind=CPDEntry.Kind.EVENT,
            title=event.title, date=timezone.localtime(event.start).date(),
            hours=event.cpd_hours, provider="Centre for Excellence",
        )


def _feedback(event, skip):
    attended = EventBooking.objects.filter(event=event, status=Status.ATTENDED).exclude(
        user=skip).order_by("pk")
    for booking, (rating, useful, differently) in zip(attended, FEEDBACK * 3, strict=False):
        EventFeedback.objects.get_or_create(
            booking=booking,
            defaults={"rating": rating, "most_useful": useful, "do_differently": differently},
        )
