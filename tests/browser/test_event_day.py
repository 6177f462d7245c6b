"""A staff member takes the register of today's conference on a phone, in the admin."""

import datetime

import pytest
from django.utils import timezone

from events.models import EventBooking, EventIndexPage, Venue
from tests import factories
from tests.proof.conftest import make_event, make_home

pytestmark = pytest.mark.django_db(transaction=True)


def _conference_today(people):
    home = make_home()
    index = EventIndexPage(title="Events", slug="events")
    home.add_child(instance=index)
    venue = Venue.objects.create(name="Leeds Civic Hall", address="Leeds", postcode="LS1 1UR")
    start = timezone.now() - datetime.timedelta(minutes=20)
    event = make_event(index, venue, title="Annual restorative practice conference",
                       start=start, capacity=150)
    for person in people:
        EventBooking.objects.create(event=event, user=person, status="confirmed",
                                    event_title=event.title, event_start=event.start,
                                    event_end=event.end)
    return event


def test_staff_take_the_register_of_todays_event_on_a_phone(
        phone, sign_in_with_code, axe_check):
    host = factories.HostOrganisationFactory()
    names = ["Priya Patel", "Tom Okafor", "Gwen Ellis", "Sam Rahman"]
    people = [factories.practitioner(email=f"person{i}@example.org", full_name=name,
                                     organisation=host) for i, name in enumerate(names)]
    event = _conference_today(people)
    staff = factories.centre_staff(email="staff@example.org", full_name="Sam Staff")

    sign_in_with_code(phone, staff, start="/accounts/login/?next=/admin/events/today/")
    phone.goto("/admin/events/today/")
    assert phone.get_by_role("heading", name=event.title).is_visible()
    assert phone.get_by_text("4 of 150").is_visible()
    axe_check(phone)
    phone.get_by_role("link", name=f"Register for {event.title}").click()
    phone.wait_for_load_state()

    phone.get_by_label("Find a person by name, email or booking reference").fill("okafor")
    phone.get_by_role("button", name="Search").click()
    phone.wait_for_load_state()
    row = phone.locator(".register-row", has_text="Tom Okafor")
    assert row.get_by_text("Not marked").is_visible()
    assert phone.locator(".register-row", has_text="Priya Patel").count() == 0
    attended = phone.get_by_role("button", name="Attended: Tom Okafor")
    box = attended.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44, box
    axe_check(phone)

    attended.click()
    phone.wait_for_load_state()
    row = phone.locator(".register-row", has_text="Tom Okafor")
    assert row.locator(".register-tag").inner_text() == "Attended"
    assert phone.get_by_role("button", name="Attended: Tom Okafor").get_attribute(
        "aria-pressed") == "true"
    assert EventBooking.objects.get(user__full_name="Tom Okafor").status == "attended"
    assert phone.get_by_label("Find a person by name, email or booking reference").input_value() \
        == "okafor"  # the search is kept for the next person at the door
    axe_check(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the register must not scroll sideways on a phone"

