"""Running an event's day in the admin (events/admin_views.py): today's events, the register
found by name with each state in its own words, reached from the event's own admin page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import EventBooking, EventPage

Status = EventBooking.Status


def _begun(event, minutes=5):
    start = timezone.now() - datetime.timedelta(minutes=minutes)
    EventPage.objects.filter(pk=event.pk).update(start=start,
                                                 end=start + datetime.timedelta(hours=3))
    event.refresh_from_db()
    return event


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_it_lists_todays_and_this_weeks_events_with_places_held(staff_client, make_event,
                                                                  people):
    now = timezone.localtime()
    today = _begun(make_event(title="Conference today", capacity=150))
    later = make_event(title="Network in three days", capacity=20,
                       start=now + datetime.timedelta(days=3))
    make_event(title="Next month's seminar", start=now + datetime.timedelta(days=30))
    for person in people(2):
        EventBooking.objects.create(event=today, user=person, status=Status.CONFIRMED,
                                    event_title=today.title, event_start=today.start,
                                    event_end=today.end)
    services.book_place(later, people(1)[0])
    page = staff_client.get(reverse("events_admin:today")).content.decode()
    assert page.index("Conference today") < page.index("The rest of the week")
    assert page.index("Network in three days") > page.index("The rest of the week")
    assert "Next month" not in page
    assert "2 of 150" in page and "1 of 20" in page
    assert reverse("events_admin:register", args=[today.pk]) in page
    assert reverse("events_admin:sign_in_sheet", args=[later.pk]) in page


def test_the_register_finds_people_by_name(staff_client, event, people):
    ann, bo = people(2)
    ann.full_name, bo.full_name = "Annabel Quist", "Bo Marsh"
    ann.save(update_fields=["full_name"])
    bo.save(update_fields=["full_name"])
    for person in (ann, bo):
        services.book_place(event, person)
    url = reverse("events_admin:register", args=[event.pk])
    found = staff_client.get(url, {"q": "quist"}).content.decode()
    assert "Annabel Quist" in found and "Bo Marsh" not in found
    assert "1 of 2 match" in found
    assert "Nobody on the register matches" in staff_client.get(url, {"q": "zz"}).text


def test_each_state_has_its_own_words_and_style(staff_client, event, people):
    came, away, waiting = people(3)
    bookings = [services.book_place(event, person) for person in (came, away, waiting)]
    _begun(event)
    services.mark_attendance(bookings[0], True, None)
    services.mark_attendance(bookings[1], False, None)
    page = staff_client.get(reverse("events_admin:register", args=[event.pk])).text
    assert 'register-tag--attended">Attended<' in page
    assert 'register-tag--absent">Did not attend<' in page
    assert 'register-tag--unmarked">Not marked<' in page
    assert "1 attended</strong>, 1 did not attend, 1 not marked" in page


def test_marking_goes_through_the_rules_and_keeps_the_search(staff_client, event, alice):
    booking = services.book_place(event, alice)
    url = reverse("events_admin:register", args=[event.pk])
    too_early = staff_client.post(url, {"booking": booking.pk, "attended": "1", "q": "Ali"},
                                  follow=True)
    assert "Attendance can be marked from the start" in too_early.text
    _begun(event)
    response = staff_client.post(url, {"booking": booking.pk, "attended": "1", "q": "Ali"})
    assert response["Location"] == f"{url}?q=Ali#booking-{booking.pk}"
    booking.refresh_from_db()
    assert booking.status == Status.ATTENDED
    staff_client.post(url, {"booking": booking.pk, "attended": "0"})
    booking.refresh_from_db()
    assert booking.status == Status.NO_SHOW


def test_the_events_own_admin_page_leads_to_its_day(staff_client, event):
    edit = staff_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).text
    listing = staff_client.get(reverse("wagtailadmin_explore", args=[event.get_parent().pk]))
    assert listing.status_code == 200
    for name in ("register", "capacity", "sign_in_sheet"):
        url = reverse(f"events_admin:{name}", args=[event.pk])
        assert url in edit and url in listing.text, name
    menu = staff_client.get("/admin/").text
    assert reverse("events_admin:today") in menu


@pytest.mark.parametrize("rows", [2, 12])
def test_the_day_screens_use_a_fixed_number_of_queries(
        staff_client, make_event, people, rows, django_assert_max_num_queries):
    event = make_event(capacity=rows)
    for person in people(rows):
        services.book_place(event, person)
    with django_assert_max_num_queries(30):
        staff_client.get(reverse("events_admin:today"))
    with django_assert_max_num_queries(30):
        staff_client.get(reverse("events_admin:register", args=[event.pk]), {"q": "p"})
