"""Demo content for this app; called by `seed_demo` after the Centre's pages and people.
Creates only what is missing (looked up by slug or natural key), so a second run changes
nothing and keeps whatever people added."""

import datetime

from django.utils import timezone
from wagtail.models import Page

from courses import services
from courses.content import body
from courses.demo_content import COURSES, FRAMEWORKS, PROGRAMMES
from courses.models import (
    Assignment,
    Competency,
    CompetencyFramework,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    ModulePage,
    Programme,
)
from cpd.models import CPDEntry


def seed(stdout, context):
    programmes = _seed_programmes()
    competencies = _seed_frameworks()
    index = _seed_index(context["home"])
    courses = _seed_courses(index, programmes, competencies)
    _seed_progress(context, courses)
    stdout.write(f"Courses: {len(courses)} courses in the catalogue.")


def _seed_programmes():
    programmes = {}
    for slug, name, description in PROGRAMMES:
        programmes[slug], _ = Programme.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description})
    return programmes


def _seed_frameworks():
    competencies = {}
    for name, description, statements in FRAMEWORKS:
        framework, _ = CompetencyFramework.objects.get_or_create(
            name=name, defaults={"description": description})
        for order, (code, statement) in enumerate(statements):
            competencies[code], _ = Competency.objects.get_or_create(
                framework=framework, code=code,
                defaults={"statement": statement, "sort_order": order})
    return competencies


def _seed_index(home):
    existing = Page.objects.child_of(home).filter(slug="courses").first()
    if existing is not None:
        return existing.specific
    index = CourseIndexPage(
        title="Courses", slug="courses", show_in_menus=True,
        introduction="Courses in restorative practice, Family Group Conferences, "
                     "Motivational Interviewing, Outcomes Based Accountability and the Leeds "
                     "Practice Model. Finish the modules, pass the knowledge checks and get "
                     "a certificate for your CPD record.")
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
        course.competencies = [competencies[c] for c in codes]
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


def _answer_key(check_value):
    return {q["id"]: [a["id"] for a in q["answers"] if a["correct"]]
            for q in services._questions(check_value)}


def _work_through(user, course, modules_to_do=None):
    """Take `user` through the first `modules_to_do` modules (all if None)."""
    services.enrol(user, course)
    modules = list(course.get_modules())
    for module in modules[:modules_to_do]:
        for check_id, value in module.knowledge_checks():
            if services.active_enrolment(user, course) is None:
                break
            if module.slug == "performance-accountability":  # a first attempt that failed
                services.submit_knowledge_check(user, module, check_id, {
                    q: a[:1] for q, a in _answer_key(value).items()}, notify=False)
            services.submit_knowledge_check(user, module, check_id, _answer_key(value),
                                            notify=False)
        if services.active_enrolment(user, course) is not None:
            services.complete_module(user, module, notify=False)


def _backdate(user, course, days_ago):
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    when = timezone.now() - datetime.timedelta(days=days_ago)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=when - datetime.timedelta(days=14),
        completed_at=when if enrolment.completed_at else None)
    certificate = getattr(enrolment, "certificate", None)
    if certificate is not None:
        issued = timezone.localdate(when)
        certificate.issued_on = issued
        certificate.expires_on = (services.add_months(issued, course.validity_months)
                                  if course.validity_months else None)
        certificate.save(update_fields=["issued_on", "expires_on"])
        CPDEntry.objects.filter(source_type="certificate", source_id=certificate.pk).update(
            date=issued)


def _seed_progress(context, courses):
    people = context["people"]
    manager = people.get("manager@example.org")
    today = timezone.localdate()
    rpe = courses["restorative-practice-essentials"]
    fgc = courses["family-group-conferences"]
    mi = courses["motivational-interviewing"]
    oba = courses["outcomes-based-accountability"]
    lpm = courses["leeds-practice-model"]
    plans = {
        # email: [(course, modules to do or None for all, days ago)]
        "practitioner@example.org": [(rpe, None, 90), (fgc, 2, 3)],
        "aisha.khan@example.org": [(rpe, None, 715), (lpm, None, 200), (oba, None, 40)],
        "tom.reid@example.org": [(rpe, 2, 10)],
        "helen.ng@example.org": [(lpm, None, 60), (rpe, 1, 5)],
        "grace.wood@example.org": [(rpe, None, 30)],
    }
    for email, plan in plans.items():
        user = people.get(email)
        if user is None or Enrolment.objects.filter(user=user).exists():
            continue  # this person's progress is already there (or they made their own)
        for course, modules_to_do, days_ago in plan:
            _work_through(user, course, modules_to_do)
            _backdate(user, course, days_ago)
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
                assigned_at=timezone.now() - datetime.timedelta(days=assigned_ago))
    priya = people.get("practitioner@example.org")
    if priya is not None and not CPDEntry.objects.filter(user=priya, source_type="").exists():
        CPDEntry.objects.create(
            user=priya, kind=CPDEntry.Kind.READING, title="One minute guide: RES teams",
            provider="Leeds City Council", date=today - datetime.timedelta(days=20), hours=1,
            what_learnt="How referrals to RES teams start with a conversation, and the 3A's.",
            impact_on_practice="I now talk to the RES Team Manager before suggesting a "
                               "referral to a school.",
            impact_on_people="Families get help sooner, without a waiting list.",
            standards="KSS10",
        )
