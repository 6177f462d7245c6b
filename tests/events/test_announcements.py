"""A change of an event's time or place is announced whatever published it: the admin's
Publish button, the `publish_scheduled` command, a workflow's final approval."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from cms import roles
from events import services
from events.models import EventBooking, EventPage

pytestmark = pytest.mark.django_db


def _move_an_hour_later(event):
    event.start += datetime.timedelta(hours=1)
    event.end += datetime.timedelta(hours=1)


def _told(alice):
    return [m.subject for m in mail.outbox if m.to == [alice.email]
            and m.subject.startswith("Event changed")]


def test_it_announces_a_change_published_by_publish_scheduled(
        event, alice, staff, django_capture_on_commit_callbacks):
    booking = services.book_place(event, alice)
    mail.outbox.clear()
    _move_an_hour_later(event)
    event.save_revision(user=staff,
                        approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))
    assert _told(alice) == [f"Event changed: {event.title}"]
    published = EventPage.objects.get(pk=event.pk)
    assert published.start > booking.event_start
    assert EventBooking.objects.get(pk=booking.pk).event_start == published.start


def test_it_announces_a_change_published_by_a_workflow_approval(
        event, alice, staff, django_capture_on_commit_callbacks):
    services.book_place(event, alice)
    mail.outbox.clear()
    workflow = Workflow.objects.create(name="Event sign-off")
    task = GroupApprovalTask.objects.create(name="Centre approval")
    task.groups.set([Group.objects.get(name=roles.CENTRE_STAFF)])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    _move_an_hour_later(event)
    event.save_revision(user=staff)
    state = workflow.start(event, staff)
    assert _told(alice) == []  # submitted, not yet published
    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.approve(user=staff)
    assert _told(alice) == [f"Event changed: {event.title}"]


def test_it_announces_a_change_published_in_code(
        client, event, alice, staff, django_capture_on_commit_callbacks):
    services.book_place(event, alice)
    mail.outbox.clear()
    _move_an_hour_later(event)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision(user=staff).publish(user=staff)
    assert _told(alice) == [f"Event changed: {event.title}"]
    assert len(mail.outbox[-1].attachments) == 1  # the updated .ics
