import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from cms import audit
from cpd.models import CPDEntry
from secondments import services
from secondments.models import MentoringBooking, MentoringSlot
from tests import factories
from tests.secondments.conftest import make_slot


def _future(days=7, hour=10):
    local = timezone.localtime() + datetime.timedelta(days=days)
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


def test_it_publishes_one_slot(mentor_profile):
    slots = services.publish_slots(mentor_profile, starts_at=_future(), duration_minutes=60,
                                   mode="video", video_link="https://v.example.org/x")
    assert len(slots) == 1
    assert slots[0].duration_minutes == 60


def test_it_publishes_weekly_slots_at_the_same_local_time_across_clock_changes(mentor_profile):
    with freeze_time("2026-10-01 09:00"):
        start = timezone.make_aware(datetime.datetime(2026, 10, 14, 10, 0))
        services.publish_slots(mentor_profile, starts_at=start, duration_minutes=45,
                               mode="in_person", location="Merrion House", weeks=4)
    slots = list(MentoringSlot.objects.filter(mentor=mentor_profile))
    assert len(slots) == 4
    assert {timezone.localtime(s.starts_at).hour for s in slots} == {10}
    assert len({s.series for s in slots}) == 1 and slots[0].series


def test_overlapping_slots_are_refused(mentor_profile):
    start = _future()
    services.publish_slots(mentor_profile, starts_at=start, duration_minutes=60, mode="video",
                           video_link="https://v.example.org/x")
    with pytest.raises(services.SecondmentError, match="overlaps"):
        services.publish_slots(mentor_profile, starts_at=start + datetime.timedelta(minutes=30),
                               duration_minutes=60, mode="video",
                               video_link="https://v.example.org/x")
    # A weekly series with one clash publishes nothing.
    with pytest.raises(services.SecondmentError):
        services.publish_slots(mentor_profile, starts_at=start - datetime.timedelta(weeks=1),
                               duration_minutes=60, mode="video",
                               video_link="https://v.example.org/x", weeks=3)
    assert MentoringSlot.objects.count() == 1
    # Back to back is fine.
    services.publish_slots(mentor_profile, starts_at=start + datetime.timedelta(minutes=60),
                           duration_minutes=30, mode="video", video_link="https://v.example.org/x")


def test_another_mentors_slot_at_the_same_time_is_fine(mentor_profile):
    from secondments.models import MentorProfile

    other = MentorProfile.objects.create(user=factories.mentor(), role="Chief officer",
                                         biography="b")
    start = _future()
    for profile in (mentor_profile, other):
        services.publish_slots(profile, starts_at=start, duration_minutes=60, mode="video",
                               video_link="https://v.example.org/x")
    assert MentoringSlot.objects.count() == 2


def test_it_books_a_slot_and_emails_both(slot, leader, mentor,
                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.book_slot(slot, leader, "Leading through an inspection")
    assert booking.status == "booked"
    assert sorted(m.to[0] for m in mail.outbox) == sorted([leader.email, mentor.email])
    assert audit.history_of(booking).get().action == "secondments.mentoring.booked"


def test_a_slot_is_booked_once(slot, leader, other_leader):
    services.book_slot(slot, leader, "Goals")
    with pytest.raises(services.SecondmentError, match="just booked"):
        services.book_slot(slot, other_leader, "Goals")


def test_the_database_allows_one_active_booking_per_slot(slot, leader, other_leader):
    from django.db import IntegrityError, transaction

    MentoringBooking.objects.create(slot=slot, mentee=leader, goals="g")
    with pytest.raises(IntegrityError), transaction.atomic():
        MentoringBooking.objects.create(slot=slot, mentee=other_leader, goals="g")


def test_goals_are_required(slot, leader):
    with pytest.raises(services.SecondmentError, match="get from the session"):
        services.book_slot(slot, leader, "  ")


def test_a_mentor_cannot_book_their_own_slot(slot, mentor):
    with pytest.raises(services.SecondmentError, match="own slot"):
        services.book_slot(slot, mentor, "Goals")


def test_past_slots_cannot_be_booked(mentor_profile, leader):
    slot = make_slot(mentor_profile, days=-1)
    with pytest.raises(services.SecondmentError, match="started"):
        services.book_slot(slot, leader, "Goals")


def test_the_open_booking_limit_is_configurable(mentor_profile, leader, settings):
    settings.MENTORING_MAX_OPEN_BOOKINGS = 2
    slots = [make_slot(mentor_profile, days=d) for d in (3, 4, 5)]
    services.book_slot(slots[0], leader, "g")
    services.book_slot(slots[1], leader, "g")
    with pytest.raises(services.SecondmentError, match="most you can hold"):
        services.book_slot(slots[2], leader, "g")
    services.cancel_booking(MentoringBooking.objects.first(), leader)
    services.book_slot(slots[2], leader, "g")


def test_the_mentee_cancels_and_the_mentor_is_told_and_the_slot_is_free(
    slot, leader, other_leader, mentor, django_capture_on_commit_callbacks
):
    booking = services.book_slot(slot, leader, "g")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(booking, leader, "Ill")
    assert [m.to for m in mail.outbox] == [[mentor.email]]
    booking.refresh_from_db()
    assert booking.status == "cancelled" and booking.sequence == 1
    services.book_slot(slot, other_leader, "g")


def test_the_mentor_cancels_and_the_mentee_is_told(slot, leader, mentor,
                                                  django_capture_on_commit_callbacks):
    booking = services.book_slot(slot, leader, "g")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(booking, mentor)
    assert [m.to for m in mail.outbox] == [[leader.email]]


def test_cancelling_inside_24_hours_is_for_staff_only(mentor_profile, leader, mentor, staff):
    slot = make_slot(mentor_profile, days=0, hours=5)
    booking = services.book_slot(slot, leader, "g")
    for person in (leader, mentor):
        with pytest.raises(services.SecondmentError, match="24 hours"):
            services.cancel_booking(booking, person)
    services.cancel_booking(booking, staff, "Mentor unwell")
    booking.refresh_from_db()
    assert booking.status == "cancelled"


def test_strangers_cannot_cancel(slot, leader, other_leader):
    booking = services.book_slot(slot, leader, "g")
    with pytest.raises(services.SecondmentError, match="cannot cancel"):
        services.cancel_booking(booking, other_leader)




def test_after_the_session_the_mentor_records_it_and_the_mentee_gets_cpd(
    mentor_profile, leader, mentor
):
    slot = make_slot(mentor_profile, days=2, minutes=90)
    booking = services.book_slot(slot, leader, "Plan my first 100 days")
    with pytest.raises(services.SecondmentError, match="once it has started"):
        services.record_session_outcome(booking, mentor, held=True)
    with freeze_time(slot.ends_at + datetime.timedelta(hours=1)):
        with pytest.raises(services.SecondmentError, match="Only the mentor"):
            services.record_session_outcome(booking, leader, held=True, notes="x")
        services.record_session_outcome(booking, mentor, held=True, notes="Confident; follow up")
        with pytest.raises(services.SecondmentError, match="Only the person"):
            services.record_mentee_feedback(booking, mentor, feedback="f", goals_progress="p")
        services.record_mentee_feedback(booking, leader, feedback="Very useful",
                                        goals_progress="Drafted my plan")
        services.record_mentee_feedback(booking, leader, feedback="Very useful",
                                        goals_progress="Drafted my plan")
    booking.refresh_from_db()
    assert booking.status == "held" and booking.mentor_notes == "Confident; follow up"
    entry = CPDEntry.objects.get(user=leader)
    assert entry.kind == CPDEntry.Kind.MENTORING
    assert entry.source_type == "mentoring_booking" and entry.source_id == booking.pk
    assert float(entry.hours) == 1.5
    assert entry.what_learnt == "Drafted my plan"


def test_no_feedback_on_a_session_that_did_not_happen(mentor_profile, leader, mentor):
    slot = make_slot(mentor_profile, days=2)
    booking = services.book_slot(slot, leader, "g")
    with freeze_time(slot.ends_at + datetime.timedelta(hours=1)):
        services.record_session_outcome(booking, mentor, held=False)
        with pytest.raises(services.SecondmentError, match="did not take place"):
            services.record_mentee_feedback(booking, leader, feedback="f", goals_progress="p")
    assert not CPDEntry.objects.exists()


def test_reminders_go_the_day_before_once(mentor_profile, leader, mentor,
                                          django_capture_on_commit_callbacks):
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    start = tomorrow.replace(hour=14, minute=0, second=0, microsecond=0)
    slot = MentoringSlot.objects.create(mentor=mentor_profile, starts_at=start,
                                        ends_at=start + datetime.timedelta(hours=1),
                                        video_link="https://v.example.org/r")
    later = make_slot(mentor_profile, days=5)
    with freeze_time(start - datetime.timedelta(days=3)):
        services.book_slot(slot, leader, "g")
    services.book_slot(later, leader, "g")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_mentoring_reminders", stdout=open("/dev/null", "w"))
    assert sorted(m.to[0] for m in mail.outbox) == sorted([leader.email, mentor.email])
    assert "Reminder" in mail.outbox[0].subject
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_mentoring_reminders", stdout=open("/dev/null", "w"))
    assert mail.outbox == []


def test_removing_a_slot_is_refused_once_booked(slot, leader, mentor):
    services.book_slot(slot, leader, "g")
    with pytest.raises(services.SecondmentError, match="has a booking"):
        services.remove_slot(slot, mentor)
