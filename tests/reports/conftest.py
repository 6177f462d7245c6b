"""Small hand-computed fixtures for the report tests: every figure in the tests can be
worked out from what is made here."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms import audit
from cms.models import Organisation
from courses.models import (
    Certificate,
    CourseIndexPage,
    CoursePage,
    ELearningAttempt,
    Enrolment,
    KnowledgeCheckAttempt,
    ModulePage,
    Programme,
)
from events.models import EventBooking, EventFeedback, EventIndexPage, EventPage
from secondments.models import (
    MentoringBooking,
    MentoringSlot,
    MentorProfile,
    SecondmentApplication,
    SecondmentIndexPage,
    SecondmentOpportunityPage,
)
from tests import factories

NOW = timezone.now().replace(microsecond=0)


def days_ago(n):
    return NOW - datetime.timedelta(days=n)


@pytest.fixture
def home(db):
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    return Page.objects.filter(depth=2).first() or root.add_child(
        instance=Page(title="Home", slug="home"))


@pytest.fixture
def programme(db):
    return Programme.objects.create(name="Restorative practice", slug="restorative-practice")


@pytest.fixture
def other_programme(db):
    return Programme.objects.create(name="Motivational Interviewing", slug="mi")


@pytest.fixture
def courses(home, programme, other_programme):
    index = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    made = {}
    for title, prog in (("Restorative essentials", programme), ("MI basics", other_programme)):
        course = index.add_child(instance=CoursePage(
            title=title, summary="A course.", programme=prog, validity_months=12))
        for i in range(2):
            course.add_child(instance=ModulePage(title=f"Module {i + 1}"))
        made[title] = CoursePage.objects.get(pk=course.pk)
    return made


def enrol(user, course, enrolled_days_ago, completed_after=None):
    enrolled = days_ago(enrolled_days_ago)
    return Enrolment.objects.create(
        user=user, course=course, course_title=course.title, enrolled_at=enrolled,
        status=Enrolment.Status.COMPLETED if completed_after is not None
        else Enrolment.Status.ACTIVE,
        completed_at=enrolled + datetime.timedelta(days=completed_after)
        if completed_after is not None else None)


def certificate(enrolment, expires_in, revoked=False):
    return Certificate.objects.create(
        enrolment=enrolment, user=enrolment.user, course=enrolment.course,
        learner_name=enrolment.user.full_name, course_title=enrolment.course_title,
        issued_on=enrolment.completed_at.date(),
        expires_on=timezone.localdate() + datetime.timedelta(days=expires_in),
        revoked_at=NOW if revoked else None)


def attempt(enrolment, passed, minutes):
    module = enrolment.course.get_children().first()
    return KnowledgeCheckAttempt.objects.create(
        enrolment=enrolment, module_id=module.pk, module_title=module.title, check_id="check-1",
        score=100 if passed else 40, pass_mark=80, passed=passed,
        created_at=days_ago(1) + datetime.timedelta(minutes=minutes))


@pytest.fixture
def learning(courses, alice, bob, charlie, leader):
    """Restorative essentials: Alice completed in 10 days, Bob in 20 days (both in the
    team), Charlie (host, no team) in progress, Lara (partner) completed in 40 days.
    -> enrolled 4, in progress 1, completed 3, rate 75.0, median 20.0.
    Knowledge check first attempts: Alice failed (then passed), Bob passed -> 50.0.
    Certificates: Alice's expires in 30 days, Bob's in 200, Lara's in 10 but revoked -> 1.
    MI basics: nobody enrolled."""
    course = courses["Restorative essentials"]
    a = enrol(alice, course, 100, completed_after=10)
    b = enrol(bob, course, 50, completed_after=20)
    enrol(charlie, course, 5)
    c = enrol(leader, course, 200, completed_after=40)
    certificate(a, 30)
    certificate(b, 200)
    certificate(c, 10, revoked=True)
    attempt(a, False, 1)
    attempt(a, True, 2)
    attempt(b, True, 1)
    elearning_attempt(a, "completed", "passed", score_raw=90, seconds=600)
    elearning_attempt(b, "incomplete", "unknown", seconds=90)
    return course


def elearning_attempt(enrolment, completion, success, score_raw=None, seconds=0):
    """What a package's runtime reported (E-learning report): Alice completed and passed
    with 90 in 10 minutes; Bob is part way (1.5 minutes, no score)."""
    module = enrolment.course.get_children().first()
    return ELearningAttempt.objects.create(
        enrolment=enrolment, module_id=module.pk, module_title=module.title,
        package_title="Safeguarding essentials", block_id="elearning-1",
        sco_identifier="item-sco-1", version="1.2", completion_status=completion,
        success_status=success, score_raw=score_raw, total_seconds=seconds,
        updated_at=days_ago(1))


@pytest.fixture
def events(home, alice, bob, charlie, manager, leader):
    """Past network meeting (capacity 10): Alice attended (rated 4), Bob attended (rated 5),
    Charlie no-show, Mark confirmed, Lara waitlisted.
    -> confirmed 4, waitlisted 1, attended 2, no-shows 1, rate 66.7, rating 4.5.
    Future forum: nobody booked."""
    index = home.add_child(instance=EventIndexPage(title="Events", slug="events"))
    made = {}
    for title, start in (("Network meeting", days_ago(10)), ("Future forum", days_ago(-30))):
        event = index.add_child(instance=EventPage(
            title=title, summary="An event.", start=start,
            end=start + datetime.timedelta(hours=2), is_online=True, capacity=10))
        made[title] = event
    event = made["Network meeting"]
    for user, status, rating in ((alice, "attended", 4), (bob, "attended", 5),
                                 (charlie, "no_show", None), (manager, "confirmed", None),
                                 (leader, "waitlisted", None)):
        booking = EventBooking.objects.create(
            event=event, user=user, status=status, event_title=event.title,
            event_start=event.start, event_end=event.end)
        if rating:
            EventFeedback.objects.create(booking=booking, rating=rating,
                                         most_useful=f"Circles ({user.full_name})",
                                         do_differently="Ask what happened")
    return made


@pytest.fixture
def second_partner(db):
    return factories.OrganisationFactory(
        name="Southdale Council", ofsted_judgement=Organisation.Ofsted.INADEQUATE)


@pytest.fixture
def secondments(home, leader, second_partner):
    """One opportunity. Lara (Northfield) was offered a place 3 days after applying;
    Sol (Southdale) was not successful after 5 days; Sue (Southdale) has just submitted.
    -> Northfield: 1 application, 1 offered, 3.0 days; Southdale: 2, 1 submitted,
    1 not successful, 5.0 days."""
    index = home.add_child(instance=SecondmentIndexPage(title="Secondments", slug="sec"))
    today = timezone.localdate()
    opportunity = index.add_child(instance=SecondmentOpportunityPage(
        title="RES secondment", host_service="RES team", summary="A secondment.",
        what_you_will_do="<p>Do</p>", what_you_will_learn="<p>Learn</p>",
        start_date=today, end_date=today + datetime.timedelta(days=90), places=2,
        application_deadline=today, location="Leeds", time_commitment="3 days a week",
        contact_name="Sam", contact_email="sam@example.org"))
    sol = factories.visiting_leader(email="sol@example.org", full_name="Sol South",
                                    organisation=second_partner)
    sue = factories.visiting_leader(email="sue@example.org", full_name="Sue South",
                                    organisation=second_partner)
    made = []
    for applicant, status, decided_after in ((leader, "offered", 3), (sol, "rejected", 5),
                                             (sue, "submitted", None)):
        application = SecondmentApplication.objects.create(
            opportunity=opportunity, opportunity_title=opportunity.title, applicant=applicant,
            organisation_name=applicant.organisation.name, current_role="Head of service",
            experience="Years.", learning_goals="Learn.", sponsor_name="Boss",
            sponsor_email="boss@example.org", status=status)
        SecondmentApplication.objects.filter(pk=application.pk).update(created_at=days_ago(20))
        if decided_after:
            audit.record(application, f"secondments.application.{status}",
                         from_status="submitted", to_status=status,
                         timestamp=days_ago(20 - decided_after))
        made.append(application)
    return opportunity


@pytest.fixture
def mentoring(mentor, leader, alice):
    """Margaret offers 3 slots: Lara's session was held (with feedback), Alice cancelled
    hers, the third is free. -> offered 3, booked 1, held 1, cancelled 1, feedback 1."""
    profile = MentorProfile.objects.create(user=mentor, role="Director", biography="Mentor.")
    slots = [MentoringSlot.objects.create(
        mentor=profile, starts_at=days_ago(5 - i), ends_at=days_ago(5 - i)
        + datetime.timedelta(hours=1)) for i in range(3)]
    MentoringBooking.objects.create(slot=slots[0], mentee=leader, goals="Grow.", status="held",
                                    mentee_feedback="Really helpful")
    MentoringBooking.objects.create(slot=slots[1], mentee=alice, goals="Learn.",
                                    status="cancelled")
    return profile
