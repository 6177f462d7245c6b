import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Audience, EventBooking, EventPage

Status = EventBooking.Status


def test_it_books_from_the_event_page_and_shows_the_reference(client, event, alice):
    client.force_login(alice)
    page = client.get(event.url)
    assert b"Book a place" in page.content
    response = client.post(reverse("events:book", args=[event.pk]),
                           {"access_requirements": "Vegetarian lunch"}, follow=True)
    booking = EventBooking.objects.get(user=alice)
    assert booking.access_requirements == "Vegetarian lunch"
    html = response.content.decode()
    assert "Your place is confirmed" in html
    assert booking.reference in html
    assert "What happens next" in html


def test_a_refused_booking_is_a_form_error_not_a_500(client, make_event, leader):
    event = make_event(audience=Audience.HOST_STAFF)
    client.force_login(leader)
    response = client.post(reverse("events:book", args=[event.pk]), {})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not EventBooking.objects.exists()


def test_the_event_page_shows_a_waitlisted_persons_position(client, make_event, people):
    event = make_event(capacity=1)
    a, b = people(2)
    services.book_place(event, a)
    services.book_place(event, b)
    client.force_login(b)
    html = client.get(event.url).content.decode()
    assert "number 1 on the waiting list" in html


def test_the_online_link_is_shown_only_to_confirmed_attendees(client, make_event, people):
    event = make_event(is_online=True, venue=None, capacity=1,
                       joining_link="https://meet.example.org/secret-room")
    confirmed, waiting, other = people(3)
    services.book_place(event, confirmed)
    services.book_place(event, waiting)
    assert b"secret-room" not in client.get(event.url).content
    for person, shown in [(confirmed, True), (waiting, False), (other, False)]:
        client.force_login(person)
        assert (b"secret-room" in client.get(event.url).content) is shown


def test_nobody_sees_or_cancels_another_persons_booking(client, event, alice, bob):
    booking = services.book_place(event, alice)
    client.force_login(bob)
    for name in ["booking_detail", "cancel", "booking_calendar", "feedback"]:
        assert client.get(reverse(f"events:{name}", args=[booking.reference])).status_code == 404
    assert client.post(reverse("events:cancel", args=[booking.reference])).status_code == 404
    assert client.post(reverse("events:accept_offer",
                               args=[booking.reference])).status_code == 404
    booking.refresh_from_db()
    assert booking.status == Status.CONFIRMED


def test_the_owner_cancels_through_the_page(client, event, alice):
    booking = services.book_place(event, alice)
    client.force_login(alice)
    client.post(reverse("events:cancel", args=[booking.reference]))
    booking.refresh_from_db()
    assert booking.status == Status.CANCELLED


def test_the_offered_person_accepts(client, make_event, people):
    event = make_event(capacity=1)
    a, b = people(2)
    held = services.book_place(event, a)
    waiting = services.book_place(event, b)
    services.cancel_booking(held, a)
    client.force_login(b)
    html = client.get(reverse("events:booking_detail", args=[waiting.reference])).content
    assert b"Accept the place" in html
    client.post(reverse("events:accept_offer", args=[waiting.reference]))
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def test_staff_pages_are_for_centre_staff_only(client, event, alice, staff):
    client.force_login(alice)
    for name in ["capacity", "register", "sign_in_sheet"]:
        assert client.get(reverse(f"events_admin:{name}", args=[event.pk])).status_code == 403
    assert client.get(reverse("events_admin:today")).status_code == 403
    client.force_login(staff)
    assert client.get(reverse("events_admin:register", args=[event.pk])).status_code == 200


@pytest.mark.parametrize("old, new", [("staff_event", "capacity"), ("register", "register"),
                                      ("sign_in_sheet", "sign_in_sheet")])
def test_the_old_staff_addresses_move_permanently_into_the_admin(client, event, old, new):
    response = client.get(reverse(f"events:{old}", args=[event.pk]) + "?q=Ali")
    assert response.status_code == 301
    assert response["Location"] == reverse(f"events_admin:{new}", args=[event.pk]) + "?q=Ali"


def test_staff_raise_capacity_from_the_bookings_page(client, make_event, people, staff):
    event = make_event(capacity=1)
    a, b = people(2)
    services.book_place(event, a)
    waiting = services.book_place(event, b)
    client.force_login(staff)
    client.post(reverse("events_admin:capacity", args=[event.pk]),
                {"action": "capacity", "capacity": "2"})
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED
    response = client.post(reverse("events_admin:capacity", args=[event.pk]),
                           {"action": "capacity", "capacity": "0"})
    assert "cannot be lower than 2" in response.content.decode()


def test_staff_mark_attendance_on_the_register(client, event, alice, staff):
    booking = services.book_place(event, alice)
    client.force_login(staff)
    too_early = client.post(reverse("events_admin:register", args=[event.pk]),
                            {"booking": booking.pk, "attended": "1"}, follow=True)
    assert "Attendance can be marked from the start" in too_early.content.decode()
    booking.refresh_from_db()
    assert booking.status == Status.CONFIRMED
    EventPage.objects.filter(pk=event.pk).update(  # the event has begun
        start=timezone.now() - datetime.timedelta(minutes=5))
    client.post(reverse("events_admin:register", args=[event.pk]),
                {"booking": booking.pk, "attended": "1"})
    booking.refresh_from_db()
    assert booking.status == Status.ATTENDED


def test_the_register_rejects_a_booking_of_another_event(client, make_event, alice, staff):
    one, two = make_event(), make_event()
    booking = services.book_place(one, alice)
    client.force_login(staff)
    response = client.post(reverse("events_admin:register", args=[two.pk]),
                           {"booking": booking.pk, "attended": "1"})
    assert response.status_code == 404


def test_the_sign_in_sheet_is_a_pdf_with_the_names(client, event, alice, staff):
    from io import BytesIO

    from pypdf import PdfReader

    services.book_place(event, alice)
    client.force_login(staff)
    response = client.get(reverse("events_admin:sign_in_sheet", args=[event.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(BytesIO(response.content)).pages[0].extract_text()
    assert "Alice Adams" in text


def test_the_listing_filters_and_archives(client, make_event, event_index):
    now = timezone.now()
    online = make_event(title="MI skills practice online", is_online=True, venue=None)
    leaders = make_event(title="Leadership seminar", audience=Audience.VISITING_LEADERS)
    past = make_event(title="Last annual conference", start=now - datetime.timedelta(days=30))
    html = client.get(event_index.url).content.decode()
    assert online.title in html and leaders.title in html and past.title not in html
    html = client.get(event_index.url + "?mode=online").content.decode()
    assert online.title in html and leaders.title not in html
    html = client.get(event_index.url + "?audience=visiting_leaders").content.decode()
    assert leaders.title in html and online.title not in html
    html = client.get(event_index.url + "?archive=1").content.decode()
    assert past.title in html and online.title not in html
    month = timezone.localtime(online.start).strftime("%Y-%m")
    assert online.title in client.get(event_index.url + f"?month={month}").content.decode()
    assert client.get(event_index.url + "?month=nonsense&page=x").status_code == 200


def test_the_listing_shows_places_left(client, make_event, people, event_index):
    event = make_event(capacity=3)
    services.book_place(event, people(1)[0])
    assert "2 of 3 left" in client.get(event_index.url).content.decode()


@pytest.mark.parametrize("rows", [2, 12])
def test_list_pages_use_a_fixed_number_of_queries(
        client, make_event, people, staff, event_index, django_assert_max_num_queries, rows):
    events = [make_event(capacity=rows) for _ in range(2)]
    persons = people(rows)
    for person in persons:
        for event in events:
            services.book_place(event, person)
    client.force_login(persons[0])
    with django_assert_max_num_queries(25):
        client.get(reverse("events:my_bookings"))
    with django_assert_max_num_queries(30):
        client.get(event_index.url)
    client.force_login(staff)
    with django_assert_max_num_queries(25):
        client.get(reverse("events_admin:register", args=[events[0].pk]))
    with django_assert_max_num_queries(25):
        client.get(reverse("events_admin:capacity", args=[events[0].pk]))
