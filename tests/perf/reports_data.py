"""Builds the benchmark data set for the reports on PostgreSQL, fast: users with
bulk_create, pages with add_child, and the big tables (enrolments, module completions,
certificates, knowledge-check attempts) with COPY."""

import datetime
import random
import time

from django.contrib.auth.hashers import make_password
from django.db import connection
from django.utils import timezone

USERS = 50_000
COURSES = 200
MODULES = 6
EVENTS = 500
COMPLETIONS = 1_000_000
PARTNERS = 20
TEAMS = 100
FIRST_USER = 1  # set by build_people


def _copy(table, columns, rows):
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def _fix_sequence(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                       f"COALESCE((SELECT MAX(id) FROM {table}), 1))")


def step(label):
    def wrap(fn):
        def run(*args, **kwargs):
            started = time.perf_counter()
            result = fn(*args, **kwargs)
            print(f"  built {label} in {time.perf_counter() - started:.1f} s", flush=True)
            return result
        return run
    return wrap


@step("organisations, teams and 50,000 users")
def build_people(now):
    from django.contrib.auth.models import Group

    from cms import roles
    from cms.models import Organisation, Team, User

    host = Organisation.objects.create(name="Host City Council", is_host_authority=True)
    judgements = ["inadequate", "requires_improvement", "good", "outstanding", ""]
    partners = Organisation.objects.bulk_create([
        Organisation(name=f"Partner Authority {i:02d}", ofsted_judgement=judgements[i % 5])
        for i in range(PARTNERS)])
    teams = Team.objects.bulk_create([
        Team(name=f"Team {i:03d}", organisation=host) for i in range(TEAMS)])
    password = make_password("bench-password")
    users = []
    for i in range(USERS):
        partner = i % 5 == 0
        users.append(User(
            email=f"user{i}@example.org", full_name=f"Person {i:05d}", password=password,
            organisation=partners[i % PARTNERS] if partner else host,
            team=None if partner else teams[i % TEAMS],
            date_joined=now - datetime.timedelta(days=i % 700)))
    User.objects.bulk_create(users, batch_size=5000)
    global FIRST_USER
    FIRST_USER = User.objects.order_by("pk").values_list("pk", flat=True).first()
    leaders = Group.objects.get(name=roles.VISITING_LEADERS)
    through = User.groups.through
    through.objects.bulk_create([
        through(user_id=uid, group_id=leaders.pk)
        for uid in User.objects.filter(organisation__in=partners).values_list("pk", flat=True)
    ], batch_size=5000)
    return host, partners, teams


@step("200 courses with 6 modules each")
def build_courses():
    from wagtail.models import Page

    from courses.models import CourseIndexPage, CoursePage, ModulePage, Programme

    home = Page.objects.filter(depth=2).first()
    index = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    programmes = [Programme.objects.create(name=f"Programme {i}", slug=f"programme-{i}")
                  for i in range(4)]
    courses, modules = [], []
    for c in range(COURSES):
        course = index.add_child(instance=CoursePage(
            title=f"Course {c:03d}", slug=f"course-{c:03d}", summary="A course.",
            programme=programmes[c % 4], validity_months=12))
        courses.append(course)
        modules.append([course.add_child(instance=ModulePage(
            title=f"Module {m + 1}", slug=f"module-{m + 1}")) for m in range(MODULES)])
    return courses, modules


@step("enrolments, 1,000,000 module completions, certificates and attempts (COPY)")
def build_learning(now, courses, modules):
    rng = random.Random(6)
    enrolments, completions, certificates, attempts = [], [], [], []
    total = 0
    enrolment_id = 0
    n = 0
    while total < COMPLETIONS:
        user_id = n % USERS + FIRST_USER
        course_index = (user_id * 13 + (n // USERS) * 37) % COURSES
        n += 1
        course = courses[course_index]
        enrolment_id += 1
        enrolled = now - datetime.timedelta(days=rng.randint(1, 700), hours=rng.randint(0, 23))
        done = MODULES if rng.random() < 0.8 else rng.randint(1, MODULES - 1)
        done = min(done, COMPLETIONS - total)
        completed_at = enrolled + datetime.timedelta(days=rng.randint(1, 90))
        if completed_at > now:
            completed_at = now
        finished = done == MODULES
        enrolments.append((enrolment_id, user_id, course.pk, course.title,
                           "completed" if finished else "active", enrolled,
                           completed_at if finished else None))
        for m in range(done):
            completions.append((enrolment_id, modules[course_index][m].pk, f"Module {m + 1}",
                                enrolled + (completed_at - enrolled) * (m + 1) / MODULES))
        total += done
        if finished:
            issued = completed_at.date()
            certificates.append((f"b{enrolment_id}", enrolment_id, user_id, course.pk,
                                 f"Person {user_id}", course.title, 6, "[]", issued,
                                 issued + datetime.timedelta(days=365), ""))
        for attempt in range(rng.choice((0, 1, 1, 2))):
            passed = attempt > 0 or rng.random() < 0.7
            attempts.append((enrolment_id, modules[course_index][1].pk, "Module 2", "check-1",
                             "{}", 100 if passed else 50, 80, passed,
                             enrolled + datetime.timedelta(hours=attempt + 1)))
    _copy("courses_enrolment", ["id", "user_id", "course_id", "course_title", "status",
                                "enrolled_at", "completed_at"], enrolments)
    _copy("courses_modulecompletion", ["enrolment_id", "module_id", "module_title",
                                       "completed_at"], completions)
    _copy("courses_certificate", ["public_id", "enrolment_id", "user_id", "course_id",
                                  "learner_name", "course_title", "cpd_hours", "competencies",
                                  "issued_on", "expires_on", "revoked_reason"], certificates)
    _copy("courses_knowledgecheckattempt", ["enrolment_id", "module_id", "module_title",
                                            "check_id", "answers", "score", "pass_mark",
                                            "passed", "created_at"], attempts)
    _fix_sequence("courses_enrolment")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return len(enrolments), len(completions)


@step("500 events with bookings and feedback")
def build_events(now):
    from wagtail.models import Page

    from events.models import EventBooking, EventFeedback, EventIndexPage, EventPage

    rng = random.Random(7)
    home = Page.objects.filter(depth=2).first()
    index = home.add_child(instance=EventIndexPage(title="Events", slug="events"))
    statuses = ["confirmed", "attended", "attended", "attended", "no_show", "waitlisted",
                "cancelled"]
    bookings = []
    for e in range(EVENTS):
        start = now + datetime.timedelta(days=e - 400, hours=10)
        event = index.add_child(instance=EventPage(
            title=f"Event {e:03d}", slug=f"event-{e:03d}", summary="An event.", start=start,
            end=start + datetime.timedelta(hours=3), is_online=True, capacity=40))
        for b in range(40):
            bookings.append(EventBooking(
                event=event, user_id=(e * 97 + b * 1013) % USERS + FIRST_USER,
                status=statuses[rng.randrange(len(statuses))], event_title=event.title,
                event_start=event.start, event_end=event.end, reference=f"EV-{e:03d}{b:03d}"))
    EventBooking.objects.bulk_create(bookings, batch_size=5000)
    attended = EventBooking.objects.filter(status="attended").values_list("pk", flat=True)
    EventFeedback.objects.bulk_create([
        EventFeedback(booking_id=pk, rating=1 + pk % 5, most_useful="The practice session",
                      do_differently="Ask more open questions")
        for pk in list(attended)[::2]], batch_size=5000)


@step("mentors, slots, sessions, opportunities and applications")
def build_secondments(now, partners):
    from wagtail.models import Page

    from cms.models import User
    from secondments.models import (
        ApplicationHistory,
        MentoringBooking,
        MentoringSlot,
        MentorProfile,
        SecondmentApplication,
        SecondmentIndexPage,
        SecondmentOpportunityPage,
    )

    rng = random.Random(8)
    mentors = MentorProfile.objects.bulk_create([
        MentorProfile(user_id=uid, role="Director", biography="A mentor.")
        for uid in range(FIRST_USER + 1, FIRST_USER + 101)])
    slots = MentoringSlot.objects.bulk_create([
        MentoringSlot(mentor=mentors[i % len(mentors)],
                      starts_at=now + datetime.timedelta(days=i % 700 - 500, hours=9),
                      ends_at=now + datetime.timedelta(days=i % 700 - 500, hours=10))
        for i in range(5000)], batch_size=5000)
    mentees = list(User.objects.filter(organisation__in=partners)
                   .values_list("pk", flat=True)[:3000])
    MentoringBooking.objects.bulk_create([
        MentoringBooking(slot=slot, mentee_id=mentees[i % len(mentees)], goals="Grow.",
                         status=rng.choice(["held", "held", "booked", "cancelled", "not_held"]),
                         mentee_feedback="Very useful." if i % 3 == 0 else "")
        for i, slot in enumerate(slots[:4000])], batch_size=5000)
    home = Page.objects.filter(depth=2).first()
    index = home.add_child(instance=SecondmentIndexPage(title="Secondments",
                                                        slug="secondments"))
    today = now.date()
    opportunities = [index.add_child(instance=SecondmentOpportunityPage(
        title=f"Opportunity {i}", slug=f"opportunity-{i}", host_service="RES team",
        summary="A secondment.", what_you_will_do="<p>Do</p>", what_you_will_learn="<p>L</p>",
        start_date=today, end_date=today + datetime.timedelta(days=90), places=3,
        application_deadline=today, location="Leeds", time_commitment="3 days a week",
        contact_name="Sam", contact_email="sam@example.org")) for i in range(20)]
    statuses = [s.value for s in SecondmentApplication.Status]
    applications = SecondmentApplication.objects.bulk_create([
        SecondmentApplication(
            opportunity=opportunities[i % 20], opportunity_title=f"Opportunity {i % 20}",
            applicant_id=mentees[i % len(mentees)], current_role="Head of service",
            experience="Years.", learning_goals="Learn.", sponsor_name="Boss",
            sponsor_email="boss@example.org", status=statuses[i % len(statuses)])
        for i in range(3000)], batch_size=5000)
    ApplicationHistory.objects.bulk_create([
        ApplicationHistory(application=a, action="secondment.decided", from_status="submitted",
                           to_status="offered" if a.status in ("offered", "accepted",
                                                               "completed") else "rejected")
        for a in applications if a.status not in ("submitted", "shortlisted", "withdrawn")],
        batch_size=5000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def build_all():
    now = timezone.now()
    host, partners, teams = build_people(now)
    courses, modules = build_courses()
    build_learning(now, courses, modules)
    build_events(now)
    build_secondments(now, partners)
    return {"host": host, "partners": partners, "teams": teams}
