"""Demo content for this app; called by `seed_demo` after the Centre's pages and people.
Creates only what is missing (looked up by slug or natural key), so a second run changes
nothing and keeps whatever people added.

Learning is done through the rules in `courses.services` (enrol, pass the knowledge checks,
complete modules), then dated back into the eighteen months before the demo is loaded, so
that the reports and the dashboard have a history to show."""

import datetime
import random

from django.utils import timezone
from wagtail.models import ModelLogEntry, Page

from cms import audit
from cms.demo import on_working_day
from courses import frameworks, services
from courses.content import body
from courses.demo_content import CENTRE_FRAMEWORK_CODES, COURSES, FRAMEWORKS, PROGRAMMES
from courses.models import (
    Assignment,
    Certificate,
    Competency,
    CompetencyFramework,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    FrameworkVersion,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    ModulePage,
    Programme,
)
from cpd.models import CPDEntry


def seed(stdout, context):
    programmes = _seed_programmes()
    competencies = _seed_frameworks()
    index = _seed_index(context["home"])
    courses = _seed_courses(index, programmes, competencies)
    _seed_later_versions()
    _seed_progress(context, courses)
    _seed_history(context, courses)
    stdout.write(f"Courses: {len(courses)} courses in the catalogue.")


def _seed_programmes():
    programmes = {}
    for slug, name, description in PROGRAMMES:
        programmes[slug], _ = Programme.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description})
    return programmes


def _seed_frameworks():
    """Each framework's first version and its statements, keyed by code (the courses map
    to these; later versions are mapped from them once the courses exist)."""
    competencies = {}
    for name, description, (label, effective_from), statements, _ in FRAMEWORKS:
        framework, _ = CompetencyFramework.objects.get_or_create(
            name=name, defaults={"description": description})
        first = frameworks.versions_in_order(framework)
        first = first[0] if first else FrameworkVersion.objects.create(
            framework=framework, label=label, effective_from=effective_from)
        for order, (code, statement) in enumerate(statements):
            competencies[code], _ = Competency.objects.get_or_create(
                framework=framework, version=first, code=code,
                defaults={"statement": statement, "sort_order": order})
    return competencies


def _seed_later_versions():
    """Versions published but not yet in force (the DfE's standards from 1 April 2027),
    mapped from the version before, so every course keeps its statements."""
    for name, _, _, _, later in FRAMEWORKS:
        framework = CompetencyFramework.objects.get(name=name)
        for label, effective_from in later:
            if not framework.versions.filter(label=label).exists():
                frameworks.map_new_version(framework, label=label,
                                           effective_from=effective_from)


def _seed_index(home):
    existing = Page.objects.child_of(home).filter(slug="courses").first()
    if existing is not None:
        return existing.specific
    index = CourseIndexPage(
        title="Courses", slug="courses", show_in_menus=True,
        introduction="Courses in restorative practice, Family Group Conferences, "
                     "Motivational Interviewing, Outcomes Based Accountability, the Leeds "
                     "Practice Model, child development and neglect. Finish the modules, "
                     "pass the knowledge checks and get a certificate for your CPD record.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def _seed_courses(index, programmes, competencies):
    courses = {}
    for (slug, title, programme, level, mode, hours, validity, summary, audience, outcomes,
         codes, prerequisites, modules) in COURSES:
        existing = CoursePage.objects.child_of(index).filter(slug=slug).first()
        if existing is not None:
            courses[slug] = existing
            continue
        course = CoursePage(
            title=title, slug=slug, programme=programmes[programme], level=level,
            delivery_mode=mode, cpd_hours=hours, validity_months=validity, summary=summary,
            audience=audience,
            learning_outcomes="<p>By the end you will be able to:</p><ul>"
            + "".join(f"<li>{o}</li>" for o in outcomes) + "</ul>",
        )
        course.competencies = [competencies[c] for c in
                               [*codes, *CENTRE_FRAMEWORK_CODES.get(slug, [])]]
        course.prerequisites = [courses[p] for p in prerequisites]
        index.add_child(instance=course)
        for m_slug, m_title, minutes, required, intro, blocks in modules:
            module = ModulePage(title=m_title, slug=m_slug, estimated_minutes=minutes,
                                required=required, introduction=intro, body=body(*blocks))
            # Saved live without a revision: publishing thirty revisions would make the
            # demo slow, and the first edit in the admin creates one.
            course.add_child(instance=module)
        courses[slug] = CoursePage.objects.get(pk=course.pk)
    return courses


# --- working through courses ---------------------------------------------------------------


def _answer_key(check_value):
    return {q["id"]: [a["id"] for a in q["answers"] if a["correct"]]
            for q in services._questions(check_value)}


def _wrong_answers(check_value):
    """A first attempt that fails: the first wrong answer to each question."""
    return {q["id"]: [next(a["id"] for a in q["answers"] if not a["correct"])]
            for q in services._questions(check_value)}


def _work_through(user, course, modules_to_do=None, fail_first=()):
    """Take `user` through the first `modules_to_do` modules (all if None), failing the
    first attempt at the knowledge check of each module whose slug is in `fail_first`.
    Returns the enrolment."""
    enrolment = services.enrol(user, course)
    modules = list(course.get_modules())
    for module in modules[:modules_to_do]:
        prompts = module.reflection_prompts()
        if prompts and module.slug in REFLECTIONS.get(user.email, {}):
            services.save_reflection(user, module, prompts[0][0],
                                     REFLECTIONS[user.email][module.slug])
        for check_id, value in module.knowledge_checks():
            if module.slug in fail_first:
                services.submit_knowledge_check(user, module, check_id, _wrong_answers(value),
                                                notify=False)
            services.submit_knowledge_check(user, module, check_id, _answer_key(value),
                                            notify=False)
        enrolment.refresh_from_db(fields=["status"])
        if enrolment.status == Enrolment.Status.ACTIVE:
            services.complete_module(user, module, notify=False)
    enrolment.refresh_from_db()
    return enrolment


def _date_back(enrolment, course, enrolled, finished):
    """Move an enrolment and everything it produced to the dates of the demo's history:
    enrolled at `enrolled`, modules and attempts done by `finished` (its completion if it
    completed). The rows were made by the services a moment ago; only their dates move."""
    completed = enrolment.status == Enrolment.Status.COMPLETED
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=enrolled, completed_at=finished if completed else None)
    ModuleCompletion.objects.filter(enrolment=enrolment).update(completed_at=finished)
    KnowledgeCheckAttempt.objects.filter(enrolment=enrolment).update(created_at=finished)
    for entry in audit.history_of(enrolment):
        ModelLogEntry.objects.filter(pk=entry.pk).update(
            timestamp=finished if entry.data.get("from_status") else enrolled)
    certificate = Certificate.objects.filter(enrolment=enrolment).first()
    if certificate is not None:
        issued = timezone.localdate(finished)
        certificate.issued_on = issued
        certificate.expires_on = (services.add_months(issued, course.validity_months)
                                  if course.validity_months else None)
        certificate.save(update_fields=["issued_on", "expires_on"])
        CPDEntry.objects.filter(source_type="certificate", source_id=certificate.pk).update(
            date=issued)


def _learn(user, course, days_ago, modules_to_do=None, fail_first=(), took_days=21):
    """One course taken by `user`, finished (or last worked on) `days_ago` days before
    today, having enrolled `took_days` earlier."""
    enrolment = _work_through(user, course, modules_to_do, fail_first)
    finished = on_working_day(days_ago, hour=9 + (user.pk + days_ago) % 8,
                              minute=(user.pk * 7) % 60)
    enrolled = on_working_day(days_ago + took_days, hour=9 + user.pk % 7)
    _date_back(enrolment, course, enrolled, finished)
    return enrolment


# --- the named demo people -------------------------------------------------------------------

# What a named person wrote in a module's first reflection prompt as they went (their CPD
# entry for the course then starts from it).
REFLECTIONS = {
    "practitioner@example.org": {
        "restorative-meetings": "Asking 'who has been affected?' before 'what happened?' "
                                "changed the meeting at school: the teaching assistant "
                                "spoke first, and the boy listened.",
    },
}



def _seed_progress(context, courses):
    people = context["people"]
    manager = people.get("manager@example.org")
    today = timezone.localdate()
    rpe = courses["restorative-practice-essentials"]
    fgc = courses["family-group-conferences"]
    mi = courses["motivational-interviewing"]
    oba = courses["outcomes-based-accountability"]
    lpm = courses["leeds-practice-model"]
    neglect = courses["recognising-and-responding-to-neglect"]
    development = courses["child-development"]
    plans = {
        # email: [(course, modules to do or None for all, days ago, failed first)]
        "practitioner@example.org": [(rpe, None, 90, ("restorative-meetings",)),
                                     (fgc, 2, 3, ())],
        # Completed restorative practice 26 months ago: that certificate has expired and
        # she renewed it with a refresher last month.
        "aisha.khan@example.org": [(rpe, None, 790, ()), (lpm, None, 200, ()),
                                   (oba, None, 40, ("performance-accountability",)),
                                   (rpe, None, 33, ())],
        "tom.reid@example.org": [(rpe, 2, 10, ())],
        "helen.ng@example.org": [(lpm, None, 60, ()), (rpe, 1, 5, ())],
        # Completed 23 months ago: her certificate expires within the month.
        "grace.wood@example.org": [(rpe, None, 705, ("working-with-families",)),
                                   (neglect, None, 250, ())],
        "manager@example.org": [(rpe, None, 610, ()), (lpm, None, 430, ()),
                                (development, None, 150, ("the-adolescent-brain",))],
    }
    for email, plan in plans.items():
        user = people.get(email)
        if user is None or Enrolment.objects.filter(user=user).exists():
            continue  # this person's progress is already there (or they made their own)
        for course, modules_to_do, days_ago, fail_first in plan:
            _learn(user, course, days_ago, modules_to_do, fail_first)
    if manager is not None:
        for email, course, due_in, assigned_ago in [
            ("practitioner@example.org", mi, -14, 45),
            ("tom.reid@example.org", mi, 30, 5),
            ("grace.wood@example.org", oba, 21, 5),
            ("dan.brooks@example.org", rpe, -3, 40),
        ]:
            user = people.get(email)
            if user is None or Assignment.objects.filter(user=user, course=course).exists():
                continue
            Assignment.objects.create(
                user=user, course=course, course_title=course.title, assigned_by=manager,
                due_on=today + datetime.timedelta(days=due_in),
                assigned_at=on_working_day(assigned_ago, hour=14))
    priya = people.get("practitioner@example.org")
    if priya is not None and not CPDEntry.objects.filter(user=priya, source_type="").exists():
        CPDEntry.objects.create(
            user=priya, kind=CPDEntry.Kind.READING,
            title="One minute guide No. 193: Restorative Early Support teams",
            provider="Leeds City Council", date=on_working_day(20).date(), hours=1,
            what_learnt="How referrals to RES teams start with a conversation with the Team "
                        "Manager, and what the 3As (attend, achieve, attain) mean for the "
                        "goals we set with children.",
            impact_on_practice="I now ring the RES Team Manager before suggesting a referral "
                               "to a school, instead of sending them the form we used to use.",
            impact_on_people="Two families this term were seen within the week, with no "
                             "waiting list.",
            standards="KSS10",
        )


# --- the wider workforce's eighteen months -------------------------------------------------

# Which courses each role tends to take, most likely first.
ROLE_COURSES = {
    "RES Team Manager": ["leeds-practice-model", "leading-restorative-early-support",
                         "outcomes-based-accountability", "restorative-practice-essentials"],
    "Social worker": ["restorative-practice-essentials", "family-group-conferences",
                      "motivational-interviewing", "recognising-and-responding-to-neglect"],
    "Family intervention worker": ["restorative-practice-essentials", "child-development",
                                   "motivational-interviewing",
                                   "recognising-and-responding-to-neglect"],
    "Restorative practice worker": ["restorative-practice-essentials",
                                    "family-group-conferences", "leeds-practice-model"],
}
DEFAULT_COURSES = ["leeds-practice-model", "child-development", "motivational-interviewing",
                   "restorative-practice-essentials"]


def _history_people(context):
    """Everyone whose history the demo writes here: the host workforce and the visiting
    leaders from partner authorities (their people take courses too)."""
    from cms.demo import WORKFORCE

    people = context["people"]
    chosen = [people[email] for email, *_ in WORKFORCE if email in people]
    from cms.models import User

    chosen += list(User.objects.filter(email__regex=r"^leader[0-9]+@example\.org$")
                   .order_by("email"))
    return chosen


def _seed_history(context, courses):
    from cms.demo import joined_network

    joined = joined_network()
    now = timezone.now()
    for user in _history_people(context):
        if Enrolment.objects.filter(user=user).exists():
            continue
        # Nobody learns with the Centre before their organisation joined its network.
        since = joined.get(user.organisation_id)
        earliest = (now - since).days - 50 if since else 600
        rng = random.Random(user.email)  # the same history on every machine
        wanted = ROLE_COURSES.get(user.job_title, DEFAULT_COURSES)
        if user.organisation_id and not user.organisation.is_host_authority:
            wanted = ["leeds-practice-model", "restorative-practice-essentials"]
        completed = set()
        days_ago = min(rng.randint(150, 540), earliest)
        if days_ago < 3:
            continue
        for position, slug in enumerate(wanted[: rng.randint(1, 3)]):
            course = courses.get(slug)
            if course is None or any(p.pk not in completed
                                     for p in course.prerequisites.all()):
                continue
            in_progress = position > 0 and rng.random() < 0.3
            modules = rng.randint(1, 2) if in_progress else None
            failing = tuple(m.slug for m in course.get_modules() if rng.random() < 0.2)
            enrolment = _learn(user, course, days_ago, modules, failing,
                               took_days=rng.randint(6, 45))
            if enrolment.status == Enrolment.Status.COMPLETED:
                completed.add(course.pk)
            days_ago -= rng.randint(40, 130)
            if days_ago < 3:
                break
