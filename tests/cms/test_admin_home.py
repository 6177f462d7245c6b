"""The admin home is a to-do list: each app's panels (cms.registry.STAFF_TODO) in place of
Wagtail's page counts, every item one click from the screen that acts on it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.admin_home import count_phrase
from courses.models import Assignment, Certificate, CourseIndexPage, Enrolment
from events.models import EventBooking, EventIndexPage, Venue
from secondments.models import SecondmentIndexPage
from tests import factories
from tests.courses.conftest import make_course
from tests.proof.conftest import make_event, make_home, make_people
from tests.secondments.conftest import apply_for, make_opportunity


def build_a_busy_day():
    """Something in every panel: an event today and one later this week, a waiting-list
    offer about to lapse, an application awaiting a decision (its sponsor silent), an
    overdue assignment and a certificate about to expire."""
    people = make_people()
    home = make_home()
    events = home.add_child(instance=EventIndexPage(title="Events", slug="events"))
    venue = Venue.objects.create(name="Civic Hall", address="Millennium Square, Leeds")
    midday = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    today_event = make_event(events, venue, title="Restorative circles today",
                             start=midday, end=midday + datetime.timedelta(hours=2))
    week_event = make_event(events, venue, title="Network meeting on Thursday",
                            start=midday + datetime.timedelta(days=3))
    EventBooking.objects.create(
        event=week_event, user=people["bob"], status=EventBooking.Status.OFFERED,
        event_title=week_event.title, event_start=week_event.start,
        event_end=week_event.end, offer_expires_at=timezone.now() + datetime.timedelta(hours=3))
    secondments = home.add_child(instance=SecondmentIndexPage(title="Secondments",
                                                              slug="secondments"))
    application = apply_for(make_opportunity(secondments), people["leader"])
    catalogue = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    course = make_course(catalogue, title="Restorative supervision")
    today = timezone.localdate()
    Assignment.objects.create(user=people["alice"], course=course, course_title=course.title,
                              due_on=today - datetime.timedelta(days=3))
    enrolment = Enrolment.objects.create(
        user=people["bob"], course=course, course_title=course.title,
        status=Enrolment.Status.COMPLETED, completed_at=timezone.now())
    Certificate.objects.create(
        enrolment=enrolment, user=people["bob"], course=course, learner_name="Bob Brown",
        course_title=course.title, issued_on=today - datetime.timedelta(days=700),
        expires_on=today + datetime.timedelta(days=9))
    return dict(people, today_event=today_event, week_event=week_event,
                application=application, course=course)


def test_counts_are_words_for_small_numbers():
    assert count_phrase(0, ("event", "events")) == "No events"
    assert count_phrase(1, ("event", "events")) == "One event"
    assert count_phrase(3, ("event", "events")) == "Three events"
    assert count_phrase(12, ("event", "events")) == "12 events"


@pytest.mark.django_db
def test_it_lists_what_needs_doing_each_linked_to_the_screen_that_acts(client):
    day = build_a_busy_day()
    client.force_login(day["staff"])
    page = client.get("/admin/").content.decode()
    assert "What needs doing" in page
    # Wagtail's page counts and page search are gone.
    assert "Search all pages" not in page and "w-summary" not in page
    # Today's and this week's events, each linked to its register.
    assert "One event</strong> today" in page
    assert reverse("events_admin:register", args=[day["today_event"].pk]) in page
    assert reverse("events_admin:register", args=[day["week_event"].pk]) in page
    # The offer about to lapse, linked to the event's staff screen.
    assert "Bob Brown: Network meeting on Thursday" in page
    assert reverse("events_admin:capacity", args=[day["week_event"].pk]) in page
    # The application and its silent sponsor, each linked to the decision screen.
    decide = reverse("wagtailsnippets_secondments_secondmentapplication:decide",
                     args=[day["application"].pk])
    assert page.count(decide) == 2
    assert "One application</strong> waiting" in page
    assert "Sally Sponsor for Lara Leader" in page
    # Overdue training by team, linked to the team's matrix showing what is overdue.
    assert f"{reverse('courses:team_matrix')}?team={day['team'].pk}&amp;show=overdue" in page
    # The certificate about to expire, linked to the person's record.
    assert reverse("courses:person", args=[day["bob"].pk]) in page
    assert "Restorative supervision" in page
    # The urgent first: today's event and the overdue training before the rest.
    assert (page.index('id="todo-events-today"') < page.index('id="todo-overdue-by-team"')
            < page.index('id="todo-applications"'))
    # The headline figures, and the way to the programme dashboard.
    assert "Open the programme dashboard" in page
    assert reverse("programme_reports:dashboard") in page


@pytest.mark.django_db
def test_each_panel_says_when_there_is_nothing_to_do(client, staff):
    client.force_login(staff)
    page = client.get("/admin/").content.decode()
    for empty in ("No events today.", "No applications are waiting for a decision.",
                  "Every sponsor has answered.", "No team has overdue training.",
                  "No certificates expire in the next 30 days.",
                  "No waiting-list offers lapse in the next 24 hours."):
        assert empty in page, empty


@pytest.mark.django_db
def test_the_admin_avatar_is_the_sites_own_image_not_a_blocked_gravatar(client, staff):
    client.force_login(staff)
    page = client.get("/admin/").content.decode()
    assert "gravatar.com" not in page
    assert "default-user-avatar" in page


@pytest.mark.django_db
def test_people_without_the_staff_role_get_no_staff_panels(rf, db):
    from cms import registry

    request = rf.get("/admin/")
    request.user = factories.practitioner(email="someone@example.org")
    assert registry.staff_todos(request) == []
