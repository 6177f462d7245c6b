"""The one audit trail (cms.audit): the four old history tables moved into it without losing
a row, each record's history shown to staff beside the record, and erasure."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms import audit, privacy
from events import services as event_services
from secondments import services as secondment_services
from tests import factories
from tests.proof.conftest import build_world

BEFORE = [("events", "0003_bound_free_text"),
          ("courses", "0017_enrolment_user_status_index"),
          ("secondments", "0005_secondmentapplication_reply_by_and_more")]
PREFIXES = ("events.booking.", "courses.", "secondments.application.", "secondments.mentoring.")


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(
        [*targets, ("contenttypes", "0002_remove_content_type_name"),
         ("wagtailcore", "0098_apitoken")]).apps


def _trail(apps):
    Entry = apps.get_model("wagtailcore", "ModelLogEntry")
    rows = Entry.objects.filter(action__regex=r"^(events\.booking|courses|secondments)\.")
    return sorted((e.content_type.model, e.object_id, e.action, e.user_id, e.timestamp,
                   e.data["from_status"], e.data["to_status"], e.data["reason"],
                   e.data.get("actor_label", "")) for e in rows)


def _old_rows(apps):
    """Every row of the four tables, as the trail entry each must become."""
    def get(name):
        return apps.get_model(*name.split("."))

    rows = []
    for h in get("events.EventBookingHistory").objects.all():
        action = ("events.booking.event_changed" if h.from_status == h.to_status
                  else f"events.booking.{h.to_status}")
        rows.append(("eventbooking", str(h.booking_id), action, h.by_id, h.at, h.from_status,
                     h.to_status, h.reason, ""))
    for h in get("courses.EnrolmentHistory").objects.all():
        rows.append(("enrolment", str(h.enrolment_id), h.action, h.by_id, h.at, h.from_status,
                     h.to_status, h.note, ""))
    for h in get("secondments.ApplicationHistory").objects.all():
        rows.append(("secondmentapplication", str(h.application_id),
                     h.action.replace("secondment.", "secondments.application.", 1),
                     h.actor_id, h.created_at, h.from_status, h.to_status, h.reason,
                     h.actor_label))
    for h in get("secondments.MentoringBookingHistory").objects.all():
        rows.append(("mentoringbooking", str(h.booking_id),
                     h.action.replace("mentoring.", "secondments.mentoring.", 1), h.actor_id,
                     h.created_at, h.from_status, h.to_status, h.reason, ""))
    return sorted(rows)


@pytest.mark.django_db(transaction=True)
def test_it_moves_every_history_row_into_the_trail_and_back():
    after = MigrationExecutor(connection).loader.graph.leaf_nodes()
    world = build_world()
    written = len(_trail(_migrate(after)))
    assert written > 5  # the services wrote entries while the world was built
    try:
        old = _migrate(BEFORE)
        assert len(_old_rows(old)) == written  # backwards: every entry went back
        when = timezone.now().replace(microsecond=0) - datetime.timedelta(days=400)
        staff, leader = world.staff.pk, world.leader.pk
        old.get_model("events", "EventBookingHistory").objects.create(
            booking_id=world.booking.pk, by_id=staff, at=when, from_status="confirmed",
            to_status="confirmed", reason="event time or place changed")
        old.get_model("courses", "EnrolmentHistory").objects.create(
            enrolment_id=world.certificate.enrolment_id, action="courses.enrolment.withdrawn",
            from_status="active", to_status="withdrawn", by_id=None, note="Left the service",
            at=when)
        Application = old.get_model("secondments", "ApplicationHistory")
        row = Application.objects.create(
            application_id=world.application.pk, actor_id=None, actor_label="Sponsor: Sal",
            action="secondment.sponsor_endorsed", reason="A strong candidate")
        Application.objects.filter(pk=row.pk).update(created_at=when)
        Mentoring = old.get_model("secondments", "MentoringBookingHistory")
        row = Mentoring.objects.create(booking_id=world.session.pk, actor_id=leader,
                                       action="mentoring.cancelled", from_status="booked",
                                       to_status="cancelled", reason="Ill")
        Mentoring.objects.filter(pk=row.pk).update(created_at=when)
        expected = _old_rows(old)
        new = _migrate(after)
    finally:
        _migrate(after)
    assert _trail(new) == expected
    assert len(expected) == written + 4
    entry = ModelLogEntry.objects.get(action="secondments.application.sponsor_endorsed",
                                      timestamp=when)
    assert audit.actor_of(entry) == "Sponsor: Sal" and audit.describe(entry) == \
        "Sponsor endorsed"


@pytest.fixture
def world(db):
    return build_world()


def _history_urls(world):
    return {
        "enrolment": reverse("wagtailsnippets_courses_enrolment:history",
                             args=[world.certificate.enrolment_id]),
        "booking": reverse("eventbooking:history", args=[world.booking.pk]),
        "application": reverse("wagtailsnippets_secondments_secondmentapplication:history",
                               args=[world.application.pk]),
        "session": reverse("wagtailsnippets_secondments_mentoringbooking:history",
                           args=[world.session.pk]),
    }


def test_it_shows_each_records_history_to_staff_beside_the_record(world):
    event_services.cancel_booking(world.booking, world.alice, reason="Clashes with court")
    secondment_services.record_sponsor_decision(world.application, endorsed=True,
                                                comment="Ready for it")
    client = Client()
    client.force_login(world.staff)
    pages = {name: client.get(url) for name, url in _history_urls(world).items()}
    assert {name: r.status_code for name, r in pages.items()} == dict.fromkeys(pages, 200)
    assert "Completed" in pages["enrolment"].text
    booking = pages["booking"].text
    assert "Confirmed to Cancelled (Clashes with court)" in booking
    assert world.alice.full_name in booking
    application = pages["application"].text
    assert "Sponsor endorsed (Ready for it)" in application
    assert f"Sponsor: {world.application.sponsor_name}" in application
    assert "Booked" in pages["session"].text


def test_it_keeps_the_history_from_everyone_but_staff_who_passed_mfa(world):
    no_mfa = factories.centre_staff(with_totp=False, email="nomfa@example.org")
    for user, mfa, expected in ((world.alice, None, 403), (world.leader, None, 403),
                                (no_mfa, None, 302), (world.staff, False, 302)):
        client = Client()
        client.force_login(user, mfa=mfa)
        for url in _history_urls(world).values():
            assert client.get(url).status_code == expected, (user, url)


def test_it_shows_each_booking_its_own_history_when_one_request_changes_many(world):
    """Wagtail's History view keeps the latest entry per (uuid, action): entries written in
    one admin request must not share a uuid, or cancelling an event hides all but one."""
    from wagtail.log_actions import LogContext

    other = event_services.book_place(world.event, world.bob)
    with LogContext(user=world.staff):
        event_services.cancel_event(world.event, world.staff, reason="Venue flooded")
    client = Client()
    client.force_login(world.staff)
    for booking in (world.booking, other):
        page = client.get(reverse("eventbooking:history", args=[booking.pk])).text
        assert "Venue flooded" in page, booking


def test_erasure_keeps_the_records_history_but_not_the_names_in_it(world):
    leader = world.leader
    name = leader.full_name
    secondment_services.record_sponsor_decision(world.application, endorsed=True)
    privacy.erase_account(leader)
    entries = list(audit.history_of(world.application))
    assert [e.action for e in entries][:2] == ["secondments.application.submitted",
                                               "secondments.application.sponsor_endorsed"]
    assert {audit.actor_of(e) for e in entries} == {"Erased user", "Sponsor"}
    assert not any(name in str(e.data) or world.application.sponsor_name in str(e.data)
                   for e in entries)
