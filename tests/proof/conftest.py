"""One small but complete site for the proof tests: a page tree with a course, events and a
secondment, every persona, and one of each "mine only" record (owned by Alice the
practitioner or Lara the visiting leader) so access, fault and bad-input tests can aim at
real objects and at other people's."""

import datetime
import itertools
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from cms import audit
from cms.models import HomePage
from courses import content, elearning_services
from courses import services as course_services
from courses.models import CourseIndexPage, ModulePage
from cpd.models import CPDEntry
from events.models import EventBooking, EventIndexPage, EventPage, Venue
from secondments import services as secondment_services
from secondments.models import MentoringBooking, MentorProfile, SecondmentIndexPage
from tests import factories
from tests.courses.conftest import RIGHT, make_course
from tests.scorm_packages import make_package
from tests.secondments.conftest import apply_for, make_opportunity, make_slot

_counter = itertools.count(1)

ALICE_CPD = "Alice private CPD title"
ALICE_REFLECTION = "Alice private reflection text"
MENTOR_NOTES = "Mentor private notes about Lara"


def make_home():
    from cms.bootstrap import ensure_base_data

    ensure_base_data()  # root page, groups and their page permissions (also without migrations)
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage(title="Restorative Practice Centre", slug=f"proof-home-{next(_counter)}")
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home})
    return home


def make_event(index, venue, **fields):
    start = fields.pop("start", timezone.now() + datetime.timedelta(days=10))
    n = next(_counter)
    values = {
        "title": f"Restorative practice network {n}", "slug": f"proof-event-{n}",
        "summary": "Practitioners share restorative practice.", "start": start,
        "end": start + datetime.timedelta(hours=3), "venue": venue, "capacity": 10,
        "cpd_hours": 3,
    }
    values.update(fields)
    event = index.add_child(instance=EventPage(**values))
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def past_booking(event, user, status=EventBooking.Status.ATTENDED):
    """A booking on an event that has happened (booking rules refuse past events)."""
    booking = EventBooking.objects.create(
        event=event, user=user, status=status, event_title=event.title,
        event_start=event.start, event_end=event.end, event_location="Leeds")
    audit.record(booking, f"events.booking.{status}", actor=user, to_status=status,
                 reason="test set-up")
    return booking


def make_people():
    """The personas of tests/conftest.py, made the same way (usable outside a test)."""
    host = factories.HostOrganisationFactory()
    partner = factories.OrganisationFactory(name="Northfield Borough Council")
    team = factories.TeamFactory(name="2gether RES team", organisation=host)
    return dict(
        host=host, partner=partner, team=team,
        alice=factories.practitioner(email="alice@example.org", full_name="Alice Adams",
                                     team=team),
        bob=factories.practitioner(email="bob@example.org", full_name="Bob Brown", team=team),
        manager=factories.team_manager(team, email="manager@example.org",
                                       full_name="Mark Manager"),
        leader=factories.visiting_leader(email="leader@example.org", full_name="Lara Leader",
                                         organisation=partner),
        mentor=factories.mentor(email="mentor@example.org", full_name="Margaret Mentor"),
        staff=factories.centre_staff(email="staff@example.org", full_name="Sam Staff"),
    )


@pytest.fixture
def world(db):
    """Everything the site exposes, with one record of each kind owned by someone."""
    return build_world()


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker):
    """The same world built once for a module (inside a transaction rolled back at the
    end); each test still runs in its own savepoint. For the property-based tests, whose
    examples each roll back their own changes."""
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def build_world():
    people = make_people()
    host, partner, team = people["host"], people["partner"], people["team"]
    alice, bob, manager = people["alice"], people["bob"], people["manager"]
    leader, mentor, staff = people["leader"], people["mentor"], people["staff"]
    home = make_home()
    other_team = factories.TeamFactory(name="Other RES team", organisation=host)
    other_manager = factories.team_manager(other_team, email="othermanager@example.org",
                                           full_name="Olive Other")
    superuser = factories.centre_staff(email="root@example.org", full_name="Sue Super")
    superuser.is_superuser = True
    superuser.is_staff = True
    superuser.save(update_fields=["is_superuser", "is_staff"])

    # Learning: Alice has completed a course (certificate, CPD entry); Bob is part way.
    catalogue = CourseIndexPage(title="Courses", slug="courses", show_in_menus=True)
    home.add_child(instance=catalogue)
    course = make_course(catalogue, modules=2, checks=(1,), validity_months=12)
    modules = list(course.get_modules())
    course_services.enrol(alice, course)
    course_services.complete_module(alice, modules[0])
    course_services.submit_knowledge_check(alice, modules[1], "check-1", RIGHT)
    certificate = alice.certificates.get()
    course_services.save_reflection(alice, modules[0], "reflect-0", ALICE_REFLECTION)
    cpd_entry = CPDEntry.objects.create(
        user=alice, kind=CPDEntry.Kind.OTHER, title=ALICE_CPD, date=timezone.localdate(), hours=2)
    course_services.enrol(bob, course)
    bob_cpd_entry = CPDEntry.objects.create(user=bob, kind=CPDEntry.Kind.READING,
                                            title="Bob's reading", date=timezone.localdate())
    open_course = make_course(catalogue, title="Motivational interviewing", modules=2,
                              checks=(0,))
    # E-learning: Alice is part way through a course whose module runs a SCORM package.
    package = make_package("1.2", title="Safeguarding e-learning")
    elearning_course = make_course(catalogue, title="Safeguarding online", modules=0)
    elearning_course.add_child(instance=ModulePage(title="Safeguarding e-learning",
                                                   body=content.body(content.elearning(
                                                       "elearning-1", package))))
    elearning_module = elearning_course.get_modules().get()
    course_services.enrol(alice, elearning_course)
    elearning_services.commit_runtime(alice, elearning_module, "elearning-1", "item-sco-1",
                                      "world-session", 1,
                                      {"cmi.core.lesson_status": "incomplete"})

    # Events: Alice holds a confirmed place and attended a past event.
    event_index = EventIndexPage(title="Events", slug="events", show_in_menus=True)
    home.add_child(instance=event_index)
    venue = Venue.objects.create(name="Merrion House", address="110 Merrion Centre",
                                 postcode="LS2 8BB")
    event = make_event(event_index, venue)
    from events import services as event_services

    booking = event_services.book_place(event, alice, "Step-free access")
    past_event = make_event(event_index, venue,
                            start=timezone.now() - datetime.timedelta(days=3))
    attended = past_booking(past_event, alice)
    offer_event = make_event(event_index, venue, capacity=1)
    bob_offer = past_booking(offer_event, bob, status=EventBooking.Status.OFFERED)
    bob_offer.offer_expires_at = timezone.now() + datetime.timedelta(days=2)
    bob_offer.save(update_fields=["offer_expires_at"])

    # Secondments and mentoring: Lara has an application and two sessions with Margaret.
    sec_index = SecondmentIndexPage(title="Secondments", slug="secondments",
                                    show_in_menus=True)
    home.add_child(instance=sec_index)
    opportunity = make_opportunity(sec_index, title="RES secondment")
    application = apply_for(opportunity, leader)
    profile = MentorProfile.objects.create(
        user=mentor, role="Director of Children and Families", biography="Thirty years.",
        offers_mentoring=True, offers_coaching=True)
    free_slot = make_slot(profile, days=9)
    booked_slot = make_slot(profile, days=8)
    session = secondment_services.book_slot(booked_slot, leader, "Leading a RES team")
    past_slot = make_slot(profile, days=-3)
    past_session = MentoringBooking.objects.create(
        slot=past_slot, mentee=leader, goals="Past goals", status=MentoringBooking.Status.HELD,
        mentor_notes=MENTOR_NOTES)
    for user in (alice, bob, leader, mentor):
        user.reset_calendar_token()
    from secondments.models import DevelopmentGoal

    goal = DevelopmentGoal.objects.create(leader=leader, title="Chair a multi-agency panel",
                                          plan="Shadow two panels.")

    return SimpleNamespace(
        home=home, host=host, partner=partner, team=team, other_team=other_team,
        alice=alice, bob=bob, manager=manager, other_manager=other_manager, leader=leader,
        mentor=mentor, staff=staff, superuser=superuser,
        catalogue=catalogue, course=course, modules=modules, open_course=open_course,
        open_modules=list(open_course.get_modules()), certificate=certificate,
        cpd_entry=cpd_entry, bob_cpd_entry=bob_cpd_entry, offer_event=offer_event,
        bob_offer=bob_offer, event_index=event_index, venue=venue, event=event,
        booking=booking, past_event=past_event, attended=attended, sec_index=sec_index,
        opportunity=opportunity, application=application, mentor_profile=profile,
        free_slot=free_slot, booked_slot=booked_slot, session=session, past_slot=past_slot,
        past_session=past_session, package=package, elearning_course=elearning_course,
        elearning_module=elearning_module,
        goal=goal,
    )
