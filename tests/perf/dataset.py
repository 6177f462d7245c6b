"""Builds the large data set the benchmarks run against.

50,000 users, 200 courses of 6 modules, 500 events and 1,000,000 module completions by
default (`scale` shrinks every count for a quick run). Rows are written with bulk_create in
large batches; pages go through Wagtail's tree API because their paths must be right.
Run inside a configured Django process (see bench.py).
"""

import datetime
import random
import time
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.utils import timezone

MARKER_SLUG = "bench-courses"
BENCH_PASSWORD = "bench-password-1"


def _say(message, started):
    print(f"  {message} ({time.monotonic() - started:.1f} s)", flush=True)


def already_built():
    from courses.models import CourseIndexPage

    return CourseIndexPage.objects.filter(slug=MARKER_SLUG).exists()


def build(scale=1.0, seed=2026):
    """Create the data set once. Returns a dict of the objects the benchmark needs."""
    from allauth.account.models import EmailAddress

    from cms import roles
    from cms.models import HomePage, Organisation, Team, User
    from courses.models import (
        CourseIndexPage,
        CoursePage,
        Enrolment,
        ModuleCompletion,
        ModulePage,
        Programme,
    )
    from events.models import EventBooking, EventIndexPage, EventPage, Venue

    rng = random.Random(seed)
    n_users = int(50_000 * scale)
    n_courses = max(int(200 * scale), 6)
    n_events = max(int(500 * scale), 10)
    n_completions = int(1_000_000 * scale)
    modules_per_course = 6
    started = time.monotonic()
    now = timezone.now()

    home = HomePage.objects.get()
    host = Organisation.objects.get(is_host_authority=True)
    partners = list(Organisation.objects.filter(is_host_authority=False))
    teams = [
        Team.objects.get_or_create(organisation=host, name=f"Bench team {i}")[0]
        for i in range(max(n_users // 25, 1))
    ]
    _say(f"{len(teams)} teams", started)

    password = make_password(BENCH_PASSWORD)
    users = []
    for i in range(n_users):
        host_person = i % 5 != 0
        users.append(User(
            email=f"bench{i}@example.org", full_name=f"Bench Person {i}",
            job_title="Social worker" if host_person else "Aspiring leader",
            organisation=host if host_person else partners[i % len(partners)],
            team=teams[i % len(teams)] if host_person else None,
            password=password, date_joined=now - datetime.timedelta(days=rng.randint(1, 900)),
        ))
    User.objects.bulk_create(users, batch_size=5000)
    users = list(User.objects.filter(email__startswith="bench").order_by("pk"))
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=5000,
    )
    practitioners = Group.objects.get(name=roles.PRACTITIONERS)
    leaders = Group.objects.get(name=roles.VISITING_LEADERS)
    membership = User.groups.through
    membership.objects.bulk_create(
        [membership(user_id=u.pk, group_id=(practitioners if u.team_id else leaders).pk)
         for u in users],
        batch_size=10000,
    )
    _say(f"{len(users)} users", started)

    programmes = list(Programme.objects.all()) or [
        Programme.objects.create(name="Restorative practice", slug="restorative-practice")
    ]
    index = CourseIndexPage(title="Bench courses", slug=MARKER_SLUG)
    home.add_child(instance=index)
    courses, modules = [], []
    levels = [c for c, _ in CoursePage.Level.choices]
    modes = [c for c, _ in CoursePage.DeliveryMode.choices]
    for c in range(n_courses):
        course = CoursePage(
            title=f"Bench course {c}", slug=f"bench-course-{c}",
            summary="A course built for the benchmark.", programme=programmes[c % len(programmes)],
            level=levels[c % len(levels)], delivery_mode=modes[c % len(modes)],
            cpd_hours=Decimal("3.0"), validity_months=24 if c % 3 == 0 else None,
        )
        index.add_child(instance=course)
        courses.append(course)
        for m in range(modules_per_course):
            module = ModulePage(title=f"Module {m + 1}", slug=f"module-{m + 1}",
                                estimated_minutes=20, introduction="Benchmark module.")
            course.add_child(instance=module)
            modules.append(module)
    _say(f"{len(courses)} courses, {len(modules)} modules", started)

    modules_by_course = {}
    for module in modules:
        modules_by_course.setdefault(module.get_parent().pk, []).append(module)

    # Enough enrolments that their completed modules add up to n_completions.
    enrolments = []
    completions_planned = 0
    user_index = 0
    while completions_planned < n_completions:
        user = users[user_index % len(users)]
        course = courses[(user_index * 7 + user_index // len(users)) % len(courses)]
        user_index += 1
        done = rng.choice([2, 4, 6, 6, 6])
        completions_planned += done
        enrolled = now - datetime.timedelta(days=rng.randint(20, 700))
        complete = done == modules_per_course
        enrolments.append((Enrolment(
            user_id=user.pk, course_id=course.pk, course_title=course.title,
            status=Enrolment.Status.COMPLETED if complete else Enrolment.Status.ACTIVE,
            enrolled_at=enrolled,
            completed_at=enrolled + datetime.timedelta(days=rng.randint(1, 60)) if complete else None,
        ), course.pk, done))
        if user_index >= len(users) * len(courses):
            break
    # A person may hold one active enrolment per course: keep the first of any repeats.
    seen, unique = set(), []
    for enrolment, course_pk, done in enrolments:
        key = (enrolment.user_id, course_pk)
        if key not in seen:
            seen.add(key)
            unique.append((enrolment, course_pk, done))
    Enrolment.objects.bulk_create([e for e, _, _ in unique], batch_size=10000)
    _say(f"{len(unique)} enrolments", started)

    batch, written = [], 0
    for enrolment, course_pk, done in unique:
        for module in modules_by_course[course_pk][:done]:
            batch.append(ModuleCompletion(
                enrolment_id=enrolment.pk, module_id=module.pk, module_title=module.title,
                completed_at=enrolment.enrolled_at + datetime.timedelta(days=1),
            ))
        if len(batch) >= 20000:
            with transaction.atomic():
                ModuleCompletion.objects.bulk_create(batch)
            written += len(batch)
            batch = []
    ModuleCompletion.objects.bulk_create(batch)
    written += len(batch)
    _say(f"{written} module completions", started)

    venue, _ = Venue.objects.get_or_create(
        name="Bench venue", defaults={"address": "1 Civic Hall, Leeds"}
    )
    events_index = EventIndexPage(title="Bench events", slug="bench-events")
    home.add_child(instance=events_index)
    events = []
    for e in range(n_events):
        start = now + datetime.timedelta(days=(e % 180) - 60, hours=10)
        event = EventPage(
            title=f"Bench event {e}", slug=f"bench-event-{e}", summary="A benchmark event.",
            start=start, end=start + datetime.timedelta(hours=3), is_online=e % 2 == 0,
            venue=None if e % 2 == 0 else venue,
            joining_link="https://meet.example.org/bench" if e % 2 == 0 else "",
            capacity=40,
        )
        events_index.add_child(instance=event)
        events.append(event)
    bookings = []
    for event_index, event in enumerate(events):
        for k in range(30):
            user = users[(event_index * 31 + k) % len(users)]
            bookings.append(EventBooking(
                event_id=event.pk, user_id=user.pk, status=EventBooking.Status.CONFIRMED,
                event_title=event.title, event_start=event.start, event_end=event.end,
                reference=f"B{event_index:04d}{k:03d}",
            ))
    EventBooking.objects.bulk_create(bookings, batch_size=10000)
    _say(f"{len(events)} events, {len(bookings)} bookings", started)

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return {"course_index": index, "events_index": events_index}
