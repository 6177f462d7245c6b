"""Builds the one large data set both benchmarks run against (`make bench`, tests/perf/bench.py,
and `make bench-reports`, tests/perf/bench_reports.py).

At scale 1: 50,000 people (four in five at the host authority in 2,000 teams of 20, one in
five visiting leaders from 20 partner authorities), 200 courses of 6 modules, about 185,000
enrolments with 1,000,000 module completions, certificates, knowledge-check attempts and
assignments; 500 events (380 past, 120 to come) with bookings and feedback; 100 mentors
with 5,000 slots and their sessions; 20 secondment opportunities with 3,000 applications.
`scale` shrinks every count for a quick run.

How it stays fast: rows are generated as tuples with their ids chosen here, so no row is
read back, and written with COPY on PostgreSQL or one executemany on SQLite. The ~1,900
pages go in by bulk inserts with their treebeard paths computed (a child's path is its
parent's plus a four-character step), live and without revisions, then are indexed for
search in bulk; they are ordinary Wagtail pages that route, render and can be edited
(tests/perf/test_dataset.py). Treebeard's add_child, a few queries and signals per page,
took most of the old 14-minute build.

Run inside a configured Django process, after `seed_demo` (the pages hang under its home
page and bench.py signs in its demo people).
"""

import datetime
import json
import random
import time
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

MARKER_SLUG = "bench-courses"
BENCH_PASSWORD = "bench-password-1"
MODULES_PER_COURSE = 6
TEAM_SIZE = 20
CHECK_ID = "check-1"  # the knowledge check in each course's second module


def already_built():
    from courses.models import CourseIndexPage

    return CourseIndexPage.objects.filter(slug=MARKER_SLUG).exists()


class Sizes:
    def __init__(self, scale):
        self.users = max(int(50_000 * scale), 500)
        self.courses = max(int(200 * scale), 6)
        self.events = max(int(500 * scale), 10)
        self.completions = max(int(1_000_000 * scale), 1_000)
        self.partners = 20
        self.mentors = max(int(100 * scale), 5)
        self.slots = max(int(5_000 * scale), 50)
        self.opportunities = 20
        self.applications = max(int(3_000 * scale), 30)


# --- writing rows --------------------------------------------------------------------------


def _next_id(model):
    return (model._base_manager.aggregate(m=models.Max("pk"))["m"] or 0) + 1


def _write(model, columns, rows):
    """Insert `rows` (tuples of values for `columns`, given by attname) into `model`'s table:
    COPY on PostgreSQL, one executemany on SQLite. Each other column gets its field's default
    (now, for auto_now fields). Values are written as given: nothing is read back."""
    given = [model._meta.get_field(c) for c in columns]
    now = timezone.now()
    rest = [f for f in model._meta.local_concrete_fields
            if f.attname not in columns and not isinstance(f, models.fields.AutoFieldMixin)]
    defaults = tuple(now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
                     else f.get_default() for f in rest)
    fields = given + rest
    count = 0
    if connection.vendor == "postgresql":
        as_json = [i for i, f in enumerate(fields) if isinstance(f, models.JSONField)]
        quote = connection.ops.quote_name
        sql = (f"COPY {quote(model._meta.db_table)} "
               f"({', '.join(quote(f.column) for f in fields)}) FROM STDIN")
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                row = row + defaults
                if as_json:
                    row = list(row)
                    for i in as_json:
                        row[i] = json.dumps(row[i])
                copy.write_row(row)
                count += 1
        return count
    # SQLite: the same rows through executemany, each value prepared by its field as the
    # ORM would (dates to text, JSON dumped), without building model instances.
    quote = connection.ops.quote_name
    sql = (f"INSERT INTO {quote(model._meta.db_table)} "
           f"({', '.join(quote(f.column) for f in fields)}) "
           f"VALUES ({', '.join(['%s'] * len(fields))})")

    def prepared(rows):
        nonlocal count
        for row in rows:
            count += 1
            yield [f.get_db_prep_save(v, connection)
                   for f, v in zip(fields, row + defaults, strict=True)]

    with connection.cursor() as cursor:
        cursor.executemany(sql, prepared(rows))
    return count


def add_pages(parent, pages):
    """Add `pages` (unsaved instances of specific page models) as the last children of
    `parent`, live, in a few bulk inserts: each path is the parent's plus the next step,
    as treebeard's add_child would make it. No revisions are made (as when pages are
    imported); the pages are indexed for search in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    if not pages:
        return pages
    now = timezone.now()
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen:]) if last else 0
    first_id = _next_id(Page)
    by_model = {}
    for i, page in enumerate(pages):
        page.id = page.page_ptr_id = first_id + i
        page.path = Page._get_path(parent.path, parent.depth + 1, step + i + 1)
        page.depth = parent.depth + 1
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.content_type = ContentType.objects.get_for_model(page)
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = now
        by_model.setdefault(type(page), []).append(page)
    page_fields = Page._meta.local_concrete_fields
    for start in range(0, len(pages), 500):
        Page._base_manager._insert(pages[start:start + 500], fields=page_fields, raw=True)
    for model, group in by_model.items():
        for start in range(0, len(group), 500):
            model._base_manager._insert(group[start:start + 500],
                                        fields=model._meta.local_concrete_fields, raw=True)
        get_search_backend().add_bulk(model, group)
    Page.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


def _reset_sequences(*model_list):
    sql = connection.ops.sequence_reset_sql(no_style(), model_list)
    if sql:
        with connection.cursor() as cursor:
            for statement in sql:
                cursor.execute(statement)


def _say(message, started):
    print(f"  {message} ({time.monotonic() - started:.1f} s)", flush=True)


# --- the data set --------------------------------------------------------------------------


def _certificate_number(serial):
    """A unique certificate number per enrolment, written out in the numbers' own alphabet
    (bulk writes skip the model's drawing of one)."""
    from courses.models.learning import NUMBER_ALPHABET, NUMBER_LENGTH, NUMBER_PREFIX

    digits = []
    for _ in range(NUMBER_LENGTH):
        serial, digit = divmod(serial, len(NUMBER_ALPHABET))
        digits.append(NUMBER_ALPHABET[digit])
    core = "".join(reversed(digits))
    return f"{NUMBER_PREFIX}-{core[:4]}-{core[4:]}"


def build(scale=1.0, seed=2026):
    """Create the data set once (check already_built() first). Returns the objects the
    benchmarks look up: the course and event index pages, the teams and organisations."""
    from wagtail.models import Site

    from cms.page_cache import invalidate_pages

    sizes = Sizes(scale)
    rng = random.Random(seed)
    started = time.monotonic()
    now = timezone.now()
    with transaction.atomic():
        home = Site.objects.get(is_default_site=True).root_page.specific
        people = _build_people(sizes, rng, now)
        _say(f"people: {sizes.users:,} users, {len(people['teams']):,} teams", started)
        catalogue, courses, modules = _build_courses(home, sizes)
        _say(f"pages: {len(courses)} courses, {len(courses) * MODULES_PER_COURSE} modules",
             started)
        counts = _build_learning(sizes, rng, now, people, courses, modules)
        _say("learning: " + ", ".join(f"{n:,} {k}" for k, n in counts.items()), started)
        events_index = _build_events(home, sizes, rng, now, people)
        _say("events", started)
        _build_mentoring(sizes, rng, now, people)
        _build_secondments(home, sizes, rng, now, people)
        _say("mentoring and secondments", started)
        _reset_sequences(*_written_models())
    invalidate_pages()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    _say("analysed", started)
    return {"course_index": catalogue, "events_index": events_index, **people}


def _written_models():
    from allauth.account.models import EmailAddress
    from wagtail.models import ModelLogEntry, Page

    from cms.models import User
    from courses.models import (
        Assignment,
        Certificate,
        Enrolment,
        KnowledgeCheckAttempt,
        ModuleCompletion,
    )
    from events.models import EventBooking, EventFeedback
    from secondments.models import (
        MentoringBooking,
        MentoringSlot,
        MentorProfile,
        SecondmentApplication,
    )

    return [Page, User, User.groups.through, EmailAddress, Enrolment, ModuleCompletion,
            Certificate, KnowledgeCheckAttempt, Assignment, EventBooking, EventFeedback,
            MentorProfile, MentoringSlot, MentoringBooking, SecondmentApplication,
            ModelLogEntry]


def _build_people(sizes, rng, now):
    """Host people in teams of 20 (practitioners), partner people without a team (visiting
    leaders), and the first host people of all as mentors."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    from cms import roles
    from cms.models import Organisation, Team, User

    host = Organisation.objects.filter(is_host_authority=True).first() or \
        Organisation.objects.create(name="Host City Council", is_host_authority=True)
    judgements = [c for c, _ in Organisation.Ofsted.choices]
    partners = []
    for i in range(sizes.partners):
        judgement = judgements[i % len(judgements)]
        partners.append(Organisation.objects.get_or_create(
            name=f"Bench Partner Authority {i:02d}",
            defaults={"ofsted_judgement": judgement,
                      "ofsted_judgement_date": (now - datetime.timedelta(days=60 * i)).date()
                      if judgement else None})[0])
    n_host = sizes.users - (sizes.users + 4) // 5
    teams = Team.objects.bulk_create([
        Team(organisation=host, name=f"Bench team {i:04d}", service="Restorative Early Support")
        for i in range(max(n_host // TEAM_SIZE, 1))])

    password = make_password(BENCH_PASSWORD)
    first = _next_id(User)
    ids = range(first, first + sizes.users)
    is_partner = [i % 5 == 0 for i in range(sizes.users)]
    host_ids = [pk for pk, partner in zip(ids, is_partner, strict=True) if not partner]
    partner_ids = [pk for pk, partner in zip(ids, is_partner, strict=True) if partner]
    mentor_ids = host_ids[:sizes.mentors]
    mentor_set = set(mentor_ids)
    team_of = {pk: teams[n % len(teams)].pk for n, pk in enumerate(host_ids)}
    partner_of = {pk: partners[n % len(partners)].pk for n, pk in enumerate(partner_ids)}

    def users():
        for i, pk in enumerate(ids):
            partner = is_partner[i]
            job = ("Aspiring leader" if partner else
                   "Head of service" if pk in mentor_set else "Social worker")
            yield (pk, f"bench{i}@example.org", f"Bench Person {i}", job,
                   partner_of[pk] if partner else host.pk, None if partner else team_of[pk],
                   password, now - datetime.timedelta(days=rng.randint(1, 900)), True)

    _write(User, ["id", "email", "full_name", "job_title", "organisation_id", "team_id",
                  "password", "date_joined", "is_active"], users())
    _write(EmailAddress, ["user_id", "email", "verified", "primary"],
           ((pk, f"bench{i}@example.org", True, True) for i, pk in enumerate(ids)))
    group = {name: Group.objects.get(name=name).pk for name in
             (roles.PRACTITIONERS, roles.VISITING_LEADERS, roles.MENTORS)}
    _write(User.groups.through, ["user_id", "group_id"], [
        *((pk, group[roles.PRACTITIONERS]) for pk in host_ids),
        *((pk, group[roles.VISITING_LEADERS]) for pk in partner_ids),
        *((pk, group[roles.MENTORS]) for pk in mentor_ids),
    ])
    return {"host": host, "partners": partners, "teams": teams, "host_ids": host_ids,
            "partner_ids": partner_ids, "mentor_ids": mentor_ids,
            "user_ids": list(ids)}


def _module_body(course_number, with_check):
    from courses import content

    body = [content.paragraph(f"<p>What module of course {course_number} covers.</p>")]
    if with_check:
        body.append(content.knowledge_check(CHECK_ID, [(
            "q1", "What does restorative practice do with people?", False,
            [("a1", "Works with them", True, "High support and high challenge."),
             ("a2", "Does things to them", False, "That is punitive.")],
            "Working with people, not doing things to or for them.")]))
    return body


def _build_courses(home, sizes):
    from courses.models import CourseIndexPage, CoursePage, ModulePage, Programme

    programmes = list(Programme.objects.order_by("pk")) or [
        Programme.objects.create(name=name, slug=slug) for name, slug in [
            ("Restorative practice", "restorative-practice"),
            ("Family Group Conferences", "family-group-conferences"),
            ("Motivational Interviewing", "motivational-interviewing"),
            ("Outcomes Based Accountability", "outcomes-based-accountability")]]
    (catalogue,) = add_pages(home, [CourseIndexPage(title="Bench courses", slug=MARKER_SLUG)])
    levels = [c for c, _ in CoursePage.Level.choices]
    modes = [c for c, _ in CoursePage.DeliveryMode.choices]
    courses = add_pages(catalogue, [CoursePage(
        title=f"Bench course {c:03d}", slug=f"bench-course-{c}",
        summary="A course built for the benchmark.", programme=programmes[c % len(programmes)],
        level=levels[c % len(levels)], delivery_mode=modes[c % len(modes)],
        cpd_hours=Decimal("3.0"), validity_months=(None, 12, 24)[c % 3],
    ) for c in range(sizes.courses)])
    modules = []
    for c, course in enumerate(courses):
        modules.append(add_pages(course, [ModulePage(
            title=f"Module {m + 1}", slug=f"module-{m + 1}", estimated_minutes=20,
            introduction="Benchmark module.", body=_module_body(c, with_check=m == 1),
        ) for m in range(MODULES_PER_COURSE)]))
    return catalogue, courses, modules


def _build_learning(sizes, rng, now, people, courses, modules):
    """Enrolments until their completed modules add up to `sizes.completions`: four in five
    finish (with a certificate), the rest stop part-way. Whoever reaches the second module
    tries its knowledge check; a finished course means it was passed, at the first attempt
    or a retake."""
    from courses.models import (
        Assignment,
        Certificate,
        Enrolment,
        KnowledgeCheckAttempt,
        ModuleCompletion,
    )

    user_ids = people["user_ids"]
    n_users = len(user_ids)
    enrolments, completions, certificates, attempts = [], [], [], []
    enrolment_id = _next_id(Enrolment)
    total = n = 0
    while total < sizes.completions:
        user_id = user_ids[n % n_users]
        course_number = (n % n_users * 13 + (n // n_users) * 37) % len(courses)
        n += 1
        course = courses[course_number]
        course_modules = modules[course_number]
        enrolled = now - datetime.timedelta(days=rng.randint(1, 700), hours=rng.randint(0, 23))
        done = MODULES_PER_COURSE if rng.random() < 0.8 else rng.randint(1, MODULES_PER_COURSE - 1)
        done = min(done, sizes.completions - total)
        finished = done == MODULES_PER_COURSE
        completed_at = min(enrolled + datetime.timedelta(days=rng.randint(1, 90)), now)
        enrolments.append((enrolment_id, user_id, course.pk, course.title,
                           "completed" if finished else "active", enrolled,
                           completed_at if finished else None))
        for m in range(done):
            completions.append((enrolment_id, course_modules[m].pk, course_modules[m].title,
                                enrolled + (completed_at - enrolled) * (m + 1) / MODULES_PER_COURSE))
        total += done
        if finished:
            issued = timezone.localtime(completed_at).date()
            months = course.validity_months
            revoked = now if enrolment_id % 500 == 0 else None
            certificates.append((f"bench{enrolment_id}", _certificate_number(enrolment_id),
                                 enrolment_id, user_id, course.pk,
                                 f"Bench Person {user_id}", course.title, course.cpd_hours, [],
                                 issued, issued + datetime.timedelta(days=30 * months)
                                 if months else None, revoked,
                                 "Issued in error" if revoked else ""))
        if done >= 2:
            check = course_modules[1]
            first_passed = rng.random() < 0.7
            tries = [first_passed]
            if not first_passed and (finished or rng.random() < 0.5):
                tries.append(finished or rng.random() < 0.5)
            for attempt, passed in enumerate(tries):
                attempts.append((enrolment_id, check.pk, check.title, CHECK_ID,
                                 {"q1": ["a1" if passed else "a2"]}, 100 if passed else 0,
                                 80, passed, enrolled + datetime.timedelta(hours=attempt + 1)))
        enrolment_id += 1
    counts = {
        "enrolments": _write(Enrolment, ["id", "user_id", "course_id", "course_title", "status",
                                         "enrolled_at", "completed_at"], enrolments),
        "module completions": _write(ModuleCompletion, ["enrolment_id", "module_id",
                                                        "module_title", "completed_at"],
                                     completions),
        "certificates": _write(Certificate, [
            "public_id", "number", "enrolment_id", "user_id", "course_id", "learner_name",
            "course_title", "cpd_hours", "competencies", "issued_on", "expires_on",
            "revoked_at", "revoked_reason"], certificates),
        "knowledge-check attempts": _write(KnowledgeCheckAttempt, [
            "enrolment_id", "module_id", "module_title", "check_id", "answers", "score",
            "pass_mark", "passed", "created_at"], attempts),
    }
    # One in four host people has a course assigned by their team, due from a month ago
    # to three months ahead.
    today = timezone.localdate()
    counts["assignments"] = _write(Assignment, [
        "user_id", "course_id", "course_title", "due_on", "assigned_at"], (
        (pk, courses[(i * 7 + 3) % len(courses)].pk, courses[(i * 7 + 3) % len(courses)].title,
         today + datetime.timedelta(days=rng.randint(-30, 90)),
         now - datetime.timedelta(days=rng.randint(30, 120)))
        for i, pk in enumerate(people["host_ids"]) if i % 4 == 0))
    return counts


def _build_events(home, sizes, rng, now, people):
    """One event a day, 380 days ago to 120 ahead, 40 places each, odd ones at a venue.
    Past events: people attended, did not come or cancelled, and half of those who came
    gave feedback. Events to come: 30 confirmed, a few cancelled, and every tenth full with
    a waiting list."""
    from events.models import EventBooking, EventFeedback, EventIndexPage, EventPage, Venue

    venue, _ = Venue.objects.get_or_create(
        name="Bench venue", defaults={"address": "1 Civic Hall, Leeds"})
    (events_index,) = add_pages(home, [EventIndexPage(title="Bench events", slug="bench-events")])
    past = sizes.events * 380 // 500
    events = []
    for e in range(sizes.events):
        start = (now + datetime.timedelta(days=e - past)).replace(
            hour=10, minute=0, second=0, microsecond=0)
        online = e % 2 == 0
        events.append(EventPage(
            title=f"Bench event {e}", slug=f"bench-event-{e}", summary="A benchmark event.",
            start=start, end=start + datetime.timedelta(hours=3), is_online=online,
            venue=None if online else venue,
            joining_link="https://meet.example.org/bench" if online else "", capacity=40))
    add_pages(events_index, events)

    user_ids = people["user_ids"]
    bookings, feedback = [], []
    booking_id = _next_id(EventBooking)
    for e, event in enumerate(events):
        if event.start < now:
            statuses = rng.choices(["attended", "no_show", "cancelled"], [30, 5, 5], k=40)
        elif e % 10 == 0:
            statuses = ["confirmed"] * 40 + ["waitlisted"] * 5
        else:
            statuses = ["confirmed"] * 30 + ["cancelled"] * 3
        for b, status in enumerate(statuses):
            bookings.append((booking_id, event.pk, user_ids[(e * 97 + b * 1013) % len(user_ids)],
                             status, event.title, event.start, event.end,
                             "" if event.is_online else venue.name, f"BE{e:04d}{b:03d}",
                             event.start - datetime.timedelta(days=20 + b)))
            if status == "attended" and b % 2 == 0:
                feedback.append((booking_id, 1 + (e + b) % 5, "The practice session",
                                 "Ask more open questions" if b % 4 == 0 else "",
                                 min(event.end + datetime.timedelta(days=1), now)))
            booking_id += 1
    _write(EventBooking, ["id", "event_id", "user_id", "status", "event_title", "event_start",
                          "event_end", "event_location", "reference", "created_at"], bookings)
    _write(EventFeedback, ["booking_id", "rating", "most_useful", "do_differently",
                           "created_at"], feedback)
    return events_index


def _build_mentoring(sizes, rng, now, people):
    """Mentors with slots from 500 days ago to 200 ahead. Past slots were mostly booked by
    visiting leaders (held, not held or cancelled, a third with feedback); a third of the
    slots to come are booked, the rest open."""
    from secondments.models import MentoringBooking, MentoringSlot, MentorProfile

    first_mentor = _next_id(MentorProfile)
    mentor_pks = list(range(first_mentor, first_mentor + len(people["mentor_ids"])))
    _write(MentorProfile, ["id", "user_id", "role", "biography", "offers_coaching",
                           "offers_mentoring", "is_active", "created_at"], (
        (pk, user_id, "Head of service", "A senior officer who mentors aspiring leaders.",
         i % 2 == 0, True, True, now - datetime.timedelta(days=600))
        for i, (pk, user_id) in enumerate(zip(mentor_pks, people["mentor_ids"], strict=True))))
    first_slot = _next_id(MentoringSlot)
    slots, bookings = [], []
    mentees = people["partner_ids"][:3000]
    for i in range(sizes.slots):
        pk = first_slot + i
        day = i % 700 - 500
        starts = (now + datetime.timedelta(days=day)).replace(
            hour=9 + i // 700 % 8, minute=0, second=0, microsecond=0)
        slots.append((pk, mentor_pks[i % len(mentor_pks)], starts,
                      starts + datetime.timedelta(hours=1), "video",
                      "https://meet.example.org/mentoring",
                      now - datetime.timedelta(days=max(-day, 0) + 14)))
        if starts < now and i % 10 != 0:
            status = rng.choice(["held", "held", "held", "not_held", "cancelled"])
        elif starts >= now and i % 3 == 0:
            status = "booked"
        else:
            continue
        bookings.append((pk, mentees[i % len(mentees)], status, "Grow as a leader.",
                         "Very useful." if status == "held" and i % 3 == 0 else "",
                         now if status == "cancelled" else None))
    _write(MentoringSlot, ["id", "mentor_id", "starts_at", "ends_at", "mode", "video_link",
                           "created_at"], slots)
    _write(MentoringBooking, ["slot_id", "mentee_id", "status", "goals", "mentee_feedback",
                              "cancelled_at"], bookings)


def _build_secondments(home, sizes, rng, now, people):
    """Opportunities with applications from visiting leaders in every status, each decision
    recorded in the history a few weeks after the application."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ModelLogEntry

    from secondments.models import (
        SecondmentApplication,
        SecondmentIndexPage,
        SecondmentOpportunityPage,
    )

    (index,) = add_pages(home, [SecondmentIndexPage(title="Bench secondments",
                                                    slug="bench-secondments")])
    today = now.date()
    opportunities = add_pages(index, [SecondmentOpportunityPage(
        title=f"Bench opportunity {i}", slug=f"bench-opportunity-{i}",
        host_service="RES team", summary="A secondment.", what_you_will_do="<p>Do</p>",
        what_you_will_learn="<p>Learn</p>", start_date=today + datetime.timedelta(days=60),
        end_date=today + datetime.timedelta(days=150), places=3,
        application_deadline=today + datetime.timedelta(days=30), location="Leeds",
        time_commitment="3 days a week", contact_name="Sam Porter",
        contact_email="sam@example.org") for i in range(sizes.opportunities)])
    statuses = [s.value for s in SecondmentApplication.Status]
    decided = {"offered": "offered", "accepted": "offered", "declined": "offered",
               "completed": "offered", "rejected": "rejected"}
    applicants = people["partner_ids"]
    content_type = ContentType.objects.get_for_model(SecondmentApplication)
    first = _next_id(SecondmentApplication)
    applications, history = [], []
    for i in range(sizes.applications):
        status = statuses[i % len(statuses)]
        applied = now - datetime.timedelta(days=rng.randint(20, 400))
        opportunity = opportunities[i % len(opportunities)]
        applications.append((first + i, opportunity.pk, opportunity.title,
                             applicants[i % len(applicants)], "Head of service", "Years.",
                             "Learn.", "Boss", "boss@example.org", status, applied, applied))
        if status in decided:
            history.append((
                content_type.pk, str(first + i), f"Application SEC-{first + i:05d}",
                f"secondments.application.{decided[status]}",
                {"from_status": "shortlisted", "to_status": decided[status], "reason": ""},
                applied + datetime.timedelta(days=rng.randint(5, 40))))
    _write(SecondmentApplication, ["id", "opportunity_id", "opportunity_title", "applicant_id",
                                   "current_role", "experience", "learning_goals",
                                   "sponsor_name", "sponsor_email", "status", "created_at",
                                   "updated_at"], applications)
    _write(ModelLogEntry, ["content_type_id", "object_id", "label", "action", "data",
                           "timestamp"], history)
