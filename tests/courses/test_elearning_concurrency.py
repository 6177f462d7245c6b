"""Two items of a package finished at the same moment complete the module once (PostgreSQL).

Each commit decides from the other items' attempts whether the package is done. Without the
enrolment lock, two commits finishing the last two items each see the other unfinished and
the module never completes; with it, the second sees the first and completes it, once."""

import threading

import pytest
from django.db import connections

from cms import locking
from courses import content, elearning_services, services
from courses.models import Certificate, ModuleCompletion, ModulePage
from tests import scorm_packages as pkg
from tests.courses.conftest import make_course

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


@pytest.fixture
def two_thirds_done(alice, catalogue, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    package = pkg.make_package("2004-3rd", scos=pkg.MULTI_SCO)
    course = make_course(catalogue, title="Safeguarding online", modules=0)
    course.add_child(instance=ModulePage(title="E-learning", body=content.body(
        content.elearning("elearning-1", package))))
    module = course.get_modules().get()
    services.enrol(alice, course)
    elearning_services.commit_runtime(alice, module, "elearning-1", "item-intro",
                                      "session-intro", 1,
                                      {"cmi.completion_status": "completed"})
    return module


def race(alice, module, monkeypatch, lock):
    monkeypatch.setattr(locking, "ENABLED", lock)
    barrier = threading.Barrier(2)
    original = elearning_services.block_done

    def lined_up(*args, **kwargs):
        result = original(*args, **kwargs)
        try:
            barrier.wait(timeout=2)
        except threading.BrokenBarrierError:
            pass  # with the lock on, the other commit is waiting for the enrolment
        return result

    monkeypatch.setattr(elearning_services, "block_done", lined_up)
    errors = []

    def run(item):
        try:
            elearning_services.commit_runtime(alice, module, "elearning-1", item,
                                              f"session-{item}", 1,
                                              {"cmi.completion_status": "completed"})
        except Exception as error:  # noqa: BLE001 - the test reports what happened
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(item,))
               for item in ("item-practice", "item-quiz")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_the_last_two_items_finished_at_once_complete_the_module_once(
        alice, two_thirds_done, monkeypatch):
    errors = race(alice, two_thirds_done, monkeypatch, lock=True)
    assert not errors
    assert ModuleCompletion.objects.filter(module=two_thirds_done).count() == 1
    assert Certificate.objects.filter(user=alice).count() == 1


def test_without_the_lock_neither_commit_completes_the_module(
        alice, two_thirds_done, monkeypatch):
    errors = race(alice, two_thirds_done, monkeypatch, lock=False)
    assert not errors
    assert not ModuleCompletion.objects.filter(module=two_thirds_done).exists()
