"""The demo leader books a full event, waits, is offered a place, accepts and adds it to a
calendar; Centre staff then take attendance on a phone."""


import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from cms.demo import DEFAULT_PASSWORD
from cms.models import User
from events import services
from events.models import EventBooking, EventPage

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_leader_is_waitlisted_offered_a_place_accepts_and_staff_take_attendance(
        page, phone, demo_content, sign_in, sign_in_with_code, axe_check):
    leader = User.objects.get(email="leader@example.org")
    event = EventPage.objects.get(slug="mi-skills-practice")
    assert event.places_taken() == event.capacity  # the demo keeps this small event full

    page.goto("/events/")
    axe_check(page)
    assert page.get_by_role("link", name=event.title).is_visible()

    sign_in(page, leader, DEFAULT_PASSWORD)
    page.goto(event.url)
    axe_check(page)
    page.get_by_label("Access or dietary requirements (optional)").fill("Step-free access")
    page.get_by_role("button", name="Join the waiting list").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="You are on the waiting list").is_visible()
    booking = EventBooking.objects.get(event=event, user=leader)
    assert page.get_by_text(booking.reference).is_visible()
    assert page.get_by_text("number 1 on the list").is_visible()
    axe_check(page)

    # Someone with a place cancels: the first person waiting is offered it.
    someone = EventBooking.objects.filter(event=event, status="confirmed").first()
    services.cancel_booking(someone, someone.user)

    page.goto("/bookings/")
    axe_check(page)
    page.get_by_role("link", name=event.title, exact=True).click()
    page.get_by_role("button", name="Accept the place").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Your place is confirmed").is_visible()
    axe_check(page)
    booking.refresh_from_db()
    assert booking.status == "confirmed"

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to your calendar (.ics)").click()
    with open(download_info.value.path(), "rb") as ics:
        calendar = Calendar.from_ical(ics.read())
    vevent = calendar.walk("VEVENT")[0]
    assert str(vevent["summary"]) == event.title
    assert vevent.decoded("dtstart") == event.start

    # At the door (the event has begun): staff mark attendance on a phone.
    EventPage.objects.filter(pk=event.pk).update(
        start=timezone.now() - datetime.timedelta(minutes=5))
    staff = User.objects.get(email="staff@example.org")
    sign_in_with_code(phone, staff, DEFAULT_PASSWORD)
    phone.goto(reverse("events_admin:register", args=[event.pk]))
    axe_check(phone)
    phone.get_by_role("button", name=f"Attended: {leader.get_full_name()}").click()
    phone.wait_for_load_state()
    booking.refresh_from_db()
    assert booking.status == "attended"
    axe_check(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the register must not scroll sideways on a phone"
