"""Completing a course adds a CPD entry for the learner to write: "What I learnt" starts
from their own module reflections, never from the course's description."""

import importlib

import pytest
from django.apps import apps as django_apps

from courses import services
from cpd.models import CPDEntry
from tests.courses.conftest import modules_of
from tests.courses.test_completion import finish

pytestmark = pytest.mark.django_db


def test_the_entry_starts_from_the_learners_own_reflections(alice, bob, course):
    first, second = modules_of(course)
    services.enrol(alice, course)
    services.save_reflection(alice, first, "reflect-0", "Circles slow me down, usefully.")
    services.save_reflection(alice, second, "reflect-1", "Ask the family first.")
    services.enrol(bob, course)
    services.save_reflection(bob, first, "reflect-0", "Bob's private thought")
    finish(alice, course)
    entry = CPDEntry.objects.get(user=alice, source_type="certificate")
    assert entry.to_write
    assert entry.what_learnt == ("Module 1: Circles slow me down, usefully.\n\n"
                                 "Module 2: Ask the family first.")
    assert course.summary not in entry.what_learnt and "Bob" not in entry.what_learnt


def test_without_reflections_the_entry_is_blank_and_still_to_write(alice, course, client):
    certificate = finish(alice, course)
    entry = CPDEntry.objects.get(user=alice, source_type="certificate")
    assert entry.what_learnt == "" and entry.to_write
    client.force_login(alice)
    html = client.get(f"/learning/courses/{course.pk}/completed/").content.decode()
    assert f"/learning/cpd/{entry.pk}/edit/" in html and "Write your CPD entry" in html
    html = client.get(f"/learning/cpd/{entry.pk}/edit/").content.decode()
    assert "Write your CPD entry" in html and course.summary not in html
    assert certificate is not None


def test_the_migration_turns_course_summaries_into_entries_to_write(alice, course):
    """Entries whose "What I learnt" was the course's summary become still to write, with
    it blank; what a learner wrote stays; no row goes."""
    migration = importlib.import_module(
        "cpd.migrations.0003_course_summaries_become_entries_to_write")
    finish(alice, course)
    marketing = CPDEntry.objects.get(user=alice, source_type="certificate")
    # As entries were made before: the course's summary, and not marked to write.
    CPDEntry.objects.filter(pk=marketing.pk).update(what_learnt=course.summary,
                                                    to_write=False)
    own = CPDEntry.objects.create(user=alice, title="Own", date="2026-03-01",
                                  what_learnt="What I wrote")
    blank_event = CPDEntry.objects.create(user=alice, title="Event", date="2026-03-02",
                                          source_type="event_booking", source_id=9)
    migration.summaries_become_to_write(django_apps, None)
    assert CPDEntry.objects.count() == 3
    for entry in (marketing, own, blank_event):
        entry.refresh_from_db()
    assert marketing.to_write and marketing.what_learnt == ""
    assert blank_event.to_write
    assert not own.to_write and own.what_learnt == "What I wrote"
