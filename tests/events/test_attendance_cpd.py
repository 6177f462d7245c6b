"""Attending an event adds a CPD entry for the person to write: blank, never the event's
own description, and listed as still to write."""

import pytest

from cpd.models import CPDEntry
from events import services

pytestmark = pytest.mark.django_db


def test_attending_adds_an_entry_still_to_write(event, alice, staff, client):
    booking = services.book_place(event, alice)
    services.mark_attendance(booking, True, staff, now=event.start)
    entry = CPDEntry.objects.get(user=alice, source_type="event_booking")
    assert entry.to_write and entry.what_learnt == "" and entry.impact_on_practice == ""
    client.force_login(alice)
    html = client.get(f"/learning/cpd/{entry.pk}/edit/").content.decode()
    assert "Write your CPD entry" in html
