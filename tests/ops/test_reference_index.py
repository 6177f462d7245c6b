"""Bookings, enrolments and applications are records, not content: saving one must not queue
Wagtail's reference-index work (it used to double the queue: 2,000 tasks for 1,000 bookings)."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry, ReferenceIndex

from courses.models import Certificate, Enrolment, ModuleCompletion
from cpd.models import CPDEntry
from events.models import EventBooking
from secondments.models import MentoringBooking, SecondmentApplication
from tests.proof.test_faults import _event_world
from tests.task_queue import DATABASE_QUEUE


@pytest.mark.django_db(transaction=True)
def test_it_queues_only_the_email_when_someone_books_a_place(settings, bob):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_QUEUE
    event = _event_world()
    DBTaskResult.objects.all().delete()  # what building the pages queued is not ours
    client = Client()
    client.force_login(bob)

    client.post(reverse("events:book", args=[event.pk]), {})

    assert EventBooking.objects.filter(user=bob, event=event).exists()
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "cms.tasks.send_notification"]


@pytest.mark.parametrize("model", [
    EventBooking, ModelLogEntry, Enrolment, ModuleCompletion, Certificate, CPDEntry,
    SecondmentApplication, MentoringBooking,
])
def test_it_keeps_records_out_of_the_reference_index(model):
    assert not ReferenceIndex.is_indexed(model)
