import pytest
from django.urls import reverse

from events import services
from events.models import EventIndexPage, EventPage


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    # Staff reach the admin only after MFA; the tests sign in past it like the session does.
    session = client.session
    session["account_authentication_methods"] = [{"method": "mfa", "type": "totp"}]
    session.save()
    return client


def test_page_tree_rules(db):
    from cms.models import HomePage

    assert EventPage.allowed_parent_page_models() == [EventIndexPage]
    assert EventIndexPage.allowed_subpage_models() == [EventPage]
    assert EventIndexPage.allowed_parent_page_models() == [HomePage]


def test_staff_list_filter_and_export_bookings(admin_client, make_event, alice, bob):
    event = make_event(capacity=1)
    other = make_event()
    services.book_place(event, alice)
    services.book_place(event, bob)
    services.book_place(other, bob)
    index = reverse("eventbooking:index")
    response = admin_client.get(index, {"status": "waitlisted"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bob Brown" in html and "Alice Adams" not in html
    response = admin_client.get(index, {"export": "csv", "event": event.pk})
    csv = b"".join(response.streaming_content).decode()
    assert "Alice Adams" in csv and "Bob Brown" in csv
    assert csv.count("\n") == 3  # heading and two bookings of the chosen event
    xlsx = admin_client.get(index, {"export": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_admin_cannot_add_bookings_around_the_rules(admin_client):
    assert admin_client.get(reverse("eventbooking:add")).status_code in (302, 403)
