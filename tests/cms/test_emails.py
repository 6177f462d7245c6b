"""Email goes through the task queue after commit, and a failing mail server is retried."""

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms import emails
from tests.task_queue import DATABASE_QUEUE, FlakyBackend, run_worker_until_idle

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings):
    # Changing TASKS resets django-tasks' backend handler (it listens for setting_changed).
    settings.TASKS = DATABASE_QUEUE


def test_nothing_is_sent_when_the_transaction_rolls_back(settings):
    with pytest.raises(RuntimeError), transaction.atomic():
        emails.send("test-hello", "a@example.org", {"name": "A"})
        raise RuntimeError("booking failed half-way")
    assert mail.outbox == []


def test_the_email_is_queued_and_sent_by_the_worker(database_queue, settings):
    with transaction.atomic():
        emails.send("test-hello", "a@example.org", {"name": "Ann"})
    assert DBTaskResult.objects.count() == 1
    run_worker_until_idle()
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert "Hello Ann" in mail.outbox[0].body


def test_a_failing_mail_server_is_retried_until_the_email_is_sent(database_queue, settings):
    settings.EMAIL_BACKEND = "tests.task_queue.FlakyBackend"
    FlakyBackend.failures, FlakyBackend.sent = 2, []
    with transaction.atomic():
        emails.send("test-hello", "a@example.org", {"name": "Ann"})
    # Each retry is deferred; make every deferred attempt due now and run the worker again.
    for _ in range(4):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker_until_idle()
    assert len(FlakyBackend.sent) == 1
    # Three attempts: two that met the failing server and queued a retry, one that sent.
    assert DBTaskResult.objects.count() == 3
    args = [r.args_kwargs["args"] for r in DBTaskResult.objects.all()]
    attempts = sorted(a[1] if len(a) > 1 else 1 for a in args)
    assert attempts == [1, 2, 3]
