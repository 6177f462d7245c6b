"""Fixtures for the events tests: an event listing and a factory for events."""

import datetime
import itertools

import pytest
from django.utils import timezone
from wagtail.models import Page, Site

from cms.models import HomePage
from events.models import EventIndexPage, EventPage, Venue
from tests import factories

_counter = itertools.count(1)


@pytest.fixture
def event_index(db):
    home = HomePage.objects.first()
    if home is None:
        # A transactional test flushes the tree the migrations made: rebuild a root.
        from django.conf import settings
        from wagtail.coreutils import get_supported_content_language_variant
        from wagtail.models import Locale

        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root")
        )
        home = root.add_child(instance=HomePage(title="Home", slug="home-test"))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"root_page": home, "hostname": "localhost", "port": 80},
        )
    index = EventIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=EventIndexPage(title="Events", slug="events",
                                                       show_in_menus=True))
    return index


@pytest.fixture
def venue(db):
    return Venue.objects.create(
        name="Merrion House", address="110 Merrion Centre\nLeeds", postcode="LS2 8BB",
        access_information="Step-free entrance; hearing loop in the training rooms.",
    )


@pytest.fixture
def make_event(event_index, venue):
    def make(**fields):
        start = fields.pop("start", timezone.now() + datetime.timedelta(days=10))
        n = next(_counter)
        values = {
            "title": f"Restorative practice network meeting {n}",
            "slug": f"event-{n}",
            "summary": "Practitioners share restorative practice.",
            "start": start,
            "end": start + datetime.timedelta(hours=3),
            "venue": venue,
            "capacity": 10,
            "cpd_hours": 3,
        }
        values.update(fields)
        event = event_index.add_child(instance=EventPage(**values))
        event.save_revision().publish()
        return EventPage.objects.get(pk=event.pk)

    return make


@pytest.fixture
def event(make_event):
    return make_event()


@pytest.fixture
def people(host):
    def make(n):
        return [factories.practitioner(email=f"p{i}-{next(_counter)}@example.org")
                for i in range(n)]
    return make
