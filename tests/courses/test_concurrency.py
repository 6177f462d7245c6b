"""Two requests finishing the last module at once issue one certificate (PostgreSQL)."""

import threading

import pytest
from django.db import connection, connections

from cms import audit, locking
from courses import services
from courses.models import Certificate, Enrolment
from cpd.models import CPDEntry
from tests.courses.conftest import make_course, modules_of

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


def race(alice, module, monkeypatch, lock):
    """Both threads pass the completion check before either writes, when nothing stops
    them: the barrier lines them up inside `requirements_met`."""
    monkeypatch.setattr(locking, "ENABLED", lock)
    barrier = threading.Barrier(2)
    original = services.requirements_met

    def lined_up(enrolment):
        result = original(enrolment)
        try:
            barrier.wait(timeout=2)
        except threading.BrokenBarrierError:
            pass  # with the lock on, the other thread is waiting for the row
        return result

    monkeypatch.setattr(services, "requirements_met", lined_up)
    results, errors = [], []

    def run():
        try:
            results.append(services.complete_module(alice, module))
        except Exception as error:  # noqa: BLE001 - the test reports what happened
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


@pytest.fixture
def last_module(alice, catalogue):
    course = make_course(catalogue, modules=2)
    first, second = modules_of(course)
    services.enrol(alice, course)
    services.complete_module(alice, first)
    return second


def test_two_completions_at_once_issue_one_certificate(alice, last_module, monkeypatch):
    assert connection.vendor == "postgresql"
    results, errors = race(alice, last_module, monkeypatch, lock=True)
    assert not errors
    assert Certificate.objects.count() == 1
    assert CPDEntry.objects.filter(source_type="certificate").count() == 1
    assert audit.history_of(Enrolment.objects.get()).filter(
        action="courses.enrolment.completed").count() == 1
    assert {r.pk for r in results if r} == {Certificate.objects.get().pk}


def test_without_the_lock_the_second_request_fails(alice, last_module, monkeypatch):
    """The lock is what keeps the rule: without it, both requests decide to complete and
    the second hits the unique constraint (a 500 for the learner)."""
    results, errors = race(alice, last_module, monkeypatch, lock=False)
    assert errors, "without the lock, both requests should race to issue a certificate"
    assert Certificate.objects.count() == 1  # the constraint is the last line of defence
