"""Capacity under concurrent requests, on PostgreSQL with real threads (each thread has its
own connection). Each rule has a "lock removed" twin showing what the lock is for."""

import functools
import threading
import time

import pytest
from django.db import connection

from cms import locking
from secondments import services
from secondments.models import MentoringBooking, SecondmentApplication, SecondmentOpportunityPage
from tests import factories
from tests.secondments.conftest import apply_for

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 6


def _run_together(target, args_list):
    """Start every call at the same moment; collect what each returned or raised."""
    barrier = threading.Barrier(len(args_list))
    results = []
    lock = threading.Lock()

    def run(args):
        try:
            barrier.wait()
            outcome = target(*args)
        except Exception as error:  # noqa: BLE001 - the test inspects every outcome
            outcome = error
        finally:
            connection.close()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run, args=(args,)) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def slow_count(monkeypatch):
    """Widen the window between counting places and writing the offer, so that a missing
    lock shows every time rather than now and then."""
    real = SecondmentOpportunityPage.places_taken

    def slow(opportunity):
        taken = real(opportunity)
        time.sleep(0.3)
        return taken

    monkeypatch.setattr(SecondmentOpportunityPage, "places_taken", slow)


def _offer_setup(opportunity, places):
    opportunity.places = places
    opportunity.save()
    staff = factories.centre_staff(with_totp=False, email="staff-c@example.org")
    applications = [
        apply_for(opportunity, factories.visiting_leader(email=f"c{i}@example.org"))
        for i in range(THREADS)
    ]
    return staff, applications


def test_concurrent_offers_never_exceed_places(opportunity, slow_count):
    staff, applications = _offer_setup(opportunity, places=2)
    results = _run_together(functools.partial(services.offer_place, confirmed=True), [(a, staff) for a in applications])
    offered = SecondmentApplication.objects.filter(
        opportunity=opportunity, status=SecondmentApplication.Status.OFFERED
    ).count()
    assert offered == 2
    refusals = [r for r in results if isinstance(r, services.SecondmentError)]
    assert len(refusals) == THREADS - 2


def test_without_the_lock_concurrent_offers_overfill(opportunity, slow_count, monkeypatch):
    """The lock removed: every thread counts the same free places and all offer. No
    database constraint can express "count <= places", so only the lock keeps the rule."""
    monkeypatch.setattr(locking, "ENABLED", False)
    staff, applications = _offer_setup(opportunity, places=2)
    _run_together(functools.partial(services.offer_place, confirmed=True), [(a, staff) for a in applications])
    offered = SecondmentApplication.objects.filter(
        opportunity=opportunity, status=SecondmentApplication.Status.OFFERED
    ).count()
    assert offered > 2


def _booking_setup():
    mentees = [factories.visiting_leader(email=f"m{i}@example.org") for i in range(THREADS)]
    return mentees


def test_concurrent_bookings_never_double_book_a_slot(slot, monkeypatch):
    real = services.slot_is_taken

    def slow(slot):
        taken = real(slot)
        time.sleep(0.3)
        return taken

    monkeypatch.setattr(services, "slot_is_taken", slow)
    mentees = _booking_setup()
    results = _run_together(services.book_slot, [(slot, m, "My goals") for m in mentees])
    assert MentoringBooking.objects.filter(slot=slot).count() == 1
    bookings = [r for r in results if isinstance(r, MentoringBooking)]
    assert len(bookings) == 1
    refusals = [r for r in results if r not in bookings]
    assert all(isinstance(r, services.SecondmentError) for r in refusals)
    # With the lock, the check after locking refuses: the constraint never has to.
    assert not any(getattr(r, "caught_by_constraint", False) for r in refusals)


def test_without_the_lock_the_database_constraint_alone_stops_double_booking(
    slot, monkeypatch
):
    """The lock removed: threads all see the slot free and all insert; the partial unique
    constraint one_active_booking_per_slot rejects every insert but the first, and the
    service turns that IntegrityError into the same readable refusal."""
    monkeypatch.setattr(locking, "ENABLED", False)
    real = services.slot_is_taken

    def slow(slot):
        taken = real(slot)
        time.sleep(0.3)
        return taken

    monkeypatch.setattr(services, "slot_is_taken", slow)
    mentees = _booking_setup()
    results = _run_together(services.book_slot, [(slot, m, "My goals") for m in mentees])
    assert MentoringBooking.objects.filter(slot=slot).count() == 1
    assert sum(isinstance(r, MentoringBooking) for r in results) == 1
    assert all(
        isinstance(r, (MentoringBooking, services.SecondmentError)) for r in results
    ), results
    assert any(getattr(r, "caught_by_constraint", False) for r in results)


def test_concurrent_bookings_by_one_mentee_keep_to_the_limit(mentor_profile, settings):
    from tests.secondments.conftest import make_slot

    settings.MENTORING_MAX_OPEN_BOOKINGS = 2
    mentee = factories.visiting_leader(email="busy@example.org")
    slots = [make_slot(mentor_profile, days=3 + i) for i in range(THREADS)]
    _run_together(services.book_slot, [(s, mentee, "Goals") for s in slots])
    assert MentoringBooking.objects.filter(mentee=mentee).count() == 2
