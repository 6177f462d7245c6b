"""Attendance: marked from the event's start; what attending adds (a CPD entry, a linked
module's completion) is taken back in the same service when the person is marked absent."""

import datetime
import threading
import time

import pytest
from django.db import connection

from courses import services as course_services
from courses.models import Enrolment, ModuleCompletion
from cpd.models import CPDEntry
from events import services
from events.models import EventBooking
from tests.courses.conftest import catalogue, make_course, modules_of  # noqa: F401

Status = EventBooking.Status


@pytest.fixture
def blended(catalogue, make_event):  # noqa: F811
    """A three-module course whose first two modules are each a live session."""
    course = make_course(catalogue, modules=3)
    modules = modules_of(course)
    return course, modules, [make_event(linked_module=m) for m in modules[:2]]


def test_it_refuses_attendance_before_the_event_starts(event, alice, staff):
    booking = services.book_place(event, alice)
    with pytest.raises(services.BookingError, match="from the start of the event"):
        services.mark_attendance(booking, True, staff,
                                 now=event.start - datetime.timedelta(minutes=1))
    booking.refresh_from_db()
    assert booking.status == Status.CONFIRMED
    assert not CPDEntry.objects.exists()


@pytest.mark.django_db
def test_a_no_show_after_attended_takes_back_the_cpd_entry_and_the_module(blended, alice,
                                                                          staff):
    course, modules, (session, _) = blended
    booking = services.book_place(session, alice)
    services.mark_attendance(booking, True, staff, now=session.start)
    enrolment = Enrolment.objects.get(user=alice, course=course)
    assert ModuleCompletion.objects.filter(enrolment=enrolment, module=modules[0]).exists()
    assert CPDEntry.objects.filter(user=alice, source_type="event_booking").exists()

    services.mark_attendance(booking, False, staff, now=session.start)

    assert EventBooking.objects.get(pk=booking.pk).status == Status.NO_SHOW
    assert not CPDEntry.objects.filter(user=alice, source_type="event_booking").exists()
    assert not ModuleCompletion.objects.filter(enrolment=enrolment, module=modules[0]).exists()


@pytest.mark.django_db
def test_a_no_show_leaves_a_module_the_learner_completed_themselves(blended, alice, staff):
    course, modules, (session, _) = blended
    course_services.enrol(alice, course)
    course_services.complete_module(alice, modules[0])
    booking = services.book_place(session, alice)
    services.mark_attendance(booking, True, staff, now=session.start)
    services.mark_attendance(booking, False, staff, now=session.start)
    assert ModuleCompletion.objects.filter(enrolment__user=alice, module=modules[0]).exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_attendance_marks_at_once_enrol_once_and_raise_nothing(blended, alice, staff,
                                                                    monkeypatch):
    """Two sessions of one course marked at the same moment: both check for an enrolment,
    find none, and create one. Without the lock the second hits the unique constraint (a
    500 for staff); with it, the second waits and finds the first's enrolment."""
    course, modules, sessions = blended
    bookings = [services.book_place(s, alice) for s in sessions]
    real = course_services.active_enrolment

    def slow(user, course):
        found = real(user, course)
        time.sleep(0.3)
        return found

    monkeypatch.setattr(course_services, "active_enrolment", slow)
    barrier = threading.Barrier(2)
    errors = []

    def mark(booking, session):
        try:
            barrier.wait()
            services.mark_attendance(booking, True, staff, now=session.start)
        except Exception as error:  # noqa: BLE001 - the test reports what happened
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=mark, args=pair) for pair in zip(bookings, sessions,
                                                                          strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Enrolment.objects.filter(user=alice, course=course).count() == 1
    assert set(ModuleCompletion.objects.filter(enrolment__user=alice)
               .values_list("module_id", flat=True)) == {modules[0].pk, modules[1].pk}
