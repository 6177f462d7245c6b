import datetime

import pytest
from django.utils import timezone
from freezegun import freeze_time
from icalendar import Calendar

from secondments import calendar, services
from secondments.models import ExpertiseArea, MentoringBooking, MentoringSlot, MentorProfile
from tests import factories
from tests.secondments.conftest import make_slot


@pytest.fixture
def other_mentor(db):
    user = factories.mentor(email="mentor2@example.org", full_name="Chris Chief")
    return MentorProfile.objects.create(user=user, role="Chief Officer", biography="b",
                                        offers_coaching=True, offers_mentoring=False)


def test_the_directory_lists_active_mentors_and_filters_by_expertise(
    client, leader, mentor_profile, other_mentor
):
    area = ExpertiseArea.objects.create(name="Leading a Front Door", slug="front-door")
    mentor_profile.expertise.add(area)
    hidden = MentorProfile.objects.create(user=factories.mentor(full_name="Hidden Person"),
                                          role="r", biography="b", is_active=False)
    client.force_login(leader)
    response = client.get("/leadership/mentors/")
    assert mentor_profile.name in response.text and other_mentor.name in response.text
    assert hidden.name not in response.text
    response = client.get("/leadership/mentors/?expertise=front-door")
    assert mentor_profile.name in response.text and other_mentor.name not in response.text
    response = client.get("/leadership/mentors/?offers=coaching")
    assert other_mentor.name in response.text
    assert client.get("/leadership/mentors/?expertise=nonsense").status_code == 200


def test_directory_queries_stay_steady(client, leader, django_assert_max_num_queries):
    def add_mentor():
        profile = MentorProfile.objects.create(user=factories.mentor(), role="r", biography="b")
        area, _ = ExpertiseArea.objects.get_or_create(name="OBA", slug="oba")
        profile.expertise.add(area)
        make_slot(profile)

    add_mentor()
    client.force_login(leader)
    with django_assert_max_num_queries(30) as few:
        client.get("/leadership/mentors/")
    for _ in range(10):
        add_mentor()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/leadership/mentors/")


def test_a_leader_books_from_the_mentor_page(client, leader, slot, mentor_profile):
    client.force_login(leader)
    response = client.get(f"/leadership/mentors/{mentor_profile.pk}/")
    assert f"/leadership/slots/{slot.pk}/book/" in response.text
    # The video link is for the booked mentee only.
    assert slot.video_link not in response.text
    response = client.post(f"/leadership/slots/{slot.pk}/book/", {"goals": "Inspection"},
                           follow=True)
    booking = MentoringBooking.objects.get(mentee=leader)
    assert booking.reference in response.text
    response = client.get(booking.get_absolute_url())
    assert slot.video_link in response.text
    # Booked slots leave the mentor's open slots.
    response = client.get(f"/leadership/mentors/{mentor_profile.pk}/")
    assert f"/leadership/slots/{slot.pk}/book/" not in response.text


def test_booking_a_taken_slot_is_a_form_error(client, leader, other_leader, slot):
    services.book_slot(slot, other_leader, "g")
    client.force_login(leader)
    response = client.post(f"/leadership/slots/{slot.pk}/book/", {"goals": "g"})
    assert response.status_code == 200
    assert "has been booked" in response.text or "just booked" in response.text


def test_empty_goals_show_an_error_summary(client, leader, slot):
    client.force_login(leader)
    response = client.post(f"/leadership/slots/{slot.pk}/book/", {})
    assert "There is a problem" in response.text


def test_only_mentor_mentee_and_staff_reach_a_booking(
    client, slot, leader, other_leader, mentor, staff, other_mentor
):
    booking = services.book_slot(slot, leader, "g")
    for person, status in ((leader, 200), (mentor, 200), (staff, 200), (other_leader, 404),
                           (other_mentor.user, 404)):
        client.force_login(person)
        assert client.get(booking.get_absolute_url()).status_code == status
        assert client.get(f"/leadership/sessions/{booking.pk}/session.ics"
                          ).status_code == status


def test_private_notes_are_for_the_mentor_and_staff_only(client, slot, leader, mentor, staff):
    booking = services.book_slot(slot, leader, "g")
    with freeze_time(slot.ends_at + datetime.timedelta(minutes=5)):
        client.force_login(mentor)
        client.post(f"/leadership/sessions/{booking.pk}/outcome/",
                    {"held": "yes", "notes": "SECRET-NOTE about confidence"})
        booking.refresh_from_db()
        assert booking.status == "held"
        assert "SECRET-NOTE" in client.get(booking.get_absolute_url()).text
        client.force_login(staff)
        assert "SECRET-NOTE" in client.get(booking.get_absolute_url()).text
        client.force_login(leader)
        assert "SECRET-NOTE" not in client.get(booking.get_absolute_url()).text
        # And the mentee cannot write them either.
        client.post(f"/leadership/sessions/{booking.pk}/outcome/", {"held": "no", "notes": "x"})
        booking.refresh_from_db()
        assert booking.mentor_notes == "SECRET-NOTE about confidence"


def test_the_mentee_gives_feedback_through_the_form(client, slot, leader, mentor):
    booking = services.book_slot(slot, leader, "g")
    with freeze_time(slot.ends_at + datetime.timedelta(minutes=5)):
        client.force_login(leader)
        response = client.post(f"/leadership/sessions/{booking.pk}/feedback/", {})
        assert "There is a problem" in response.text
        client.post(f"/leadership/sessions/{booking.pk}/feedback/",
                    {"mentee_feedback": "Great", "goals_progress": "Plan drafted"})
        booking.refresh_from_db()
        assert booking.goals_progress == "Plan drafted"
        assert leader.cpd_entries.count() == 1
        client.force_login(mentor)
        assert client.get(f"/leadership/sessions/{booking.pk}/feedback/").status_code == 404


def test_cancel_through_the_page(client, slot, leader):
    booking = services.book_slot(slot, leader, "g")
    client.force_login(leader)
    client.post(f"/leadership/sessions/{booking.pk}/cancel/", {"reason": "Clash"})
    booking.refresh_from_db()
    assert booking.status == "cancelled"


def test_ics_has_a_stable_uid_sequence_and_utc_times(slot, leader, mentor):
    booking = services.book_slot(slot, leader, "g")
    event = Calendar.from_ical(calendar.ics_for_booking(booking, leader)).walk("VEVENT")[0]
    assert str(event["uid"]) == f"mentoring-booking-{booking.pk}@restorative-practice-centre"
    assert event.decoded("dtstart") == slot.starts_at
    assert event.decoded("dtstart").utcoffset() == datetime.timedelta(0)
    assert int(event["sequence"]) == 0
    services.cancel_booking(booking, leader)
    booking.refresh_from_db()
    event = Calendar.from_ical(calendar.ics_for_booking(booking, leader)).walk("VEVENT")[0]
    assert int(event["sequence"]) == 1 and str(event["status"]) == "CANCELLED"


def test_the_personal_feed_has_sessions_for_mentee_and_mentor(slot, leader, mentor, client):
    booking = services.book_slot(slot, leader, "g")
    assert len(calendar.entries_for(leader)) == 1
    assert len(calendar.entries_for(mentor)) == 1
    assert calendar.entries_for(factories.visiting_leader()) == []
    token = leader.reset_calendar_token()
    response = client.get(f"/calendar/{token}.ics")
    assert f"mentoring-booking-{booking.pk}" in response.text


def test_the_mentor_dashboard_shows_sessions(client, slot, leader, mentor,
                                             django_assert_max_num_queries, mentor_profile):
    services.book_slot(slot, leader, "g")
    client.force_login(mentor)
    with django_assert_max_num_queries(30) as few:
        response = client.get("/leadership/mentoring/")
    assert leader.get_full_name() in response.text
    for day in range(10, 20):
        services.book_slot(make_slot(mentor_profile, days=day), factories.visiting_leader(), "g")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/leadership/mentoring/")


def test_non_mentors_have_no_dashboard(client, leader):
    client.force_login(leader)
    assert client.get("/leadership/mentoring/").status_code == 404
    assert client.get("/leadership/mentoring/slots/new/").status_code == 404


def test_a_mentor_without_a_profile_creates_one(client, mentor):
    client.force_login(mentor)
    response = client.get("/leadership/mentoring/")
    assert response.status_code == 302
    response = client.post("/leadership/mentoring/profile/", {
        "role": "Director", "biography": "Bio", "offers_mentoring": "on", "is_active": "on",
    })
    assert response.status_code == 302
    assert MentorProfile.objects.get(user=mentor).role == "Director"


def test_a_mentor_publishes_weekly_slots_through_the_form(client, mentor, mentor_profile):
    client.force_login(mentor)
    date = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()
    response = client.post("/leadership/mentoring/slots/new/", {
        "date": date, "start_time": "10:00", "duration_minutes": "60", "mode": "in_person",
        "location": "Merrion House", "weeks": "3",
    })
    assert response.status_code == 302
    assert MentoringSlot.objects.filter(mentor=mentor_profile).count() == 3
    response = client.post("/leadership/mentoring/slots/new/", {
        "date": date, "start_time": "10:30", "duration_minutes": "60", "mode": "in_person",
        "location": "Merrion House", "weeks": "1",
    })
    assert "overlaps" in response.text
    response = client.post("/leadership/mentoring/slots/new/", {
        "date": "not a date", "start_time": "25:00", "duration_minutes": "7", "mode": "x",
        "weeks": "99",
    })
    assert response.status_code == 200 and "There is a problem" in response.text


def test_the_development_page_brings_it_together(client, leader, slot, application, staff):
    services.offer_place(application, staff, confirmed=True)
    services.accept_offer(application, leader)
    services.book_slot(slot, leader, "Prepare for my first secondment week")
    client.force_login(leader)
    response = client.get("/leadership/")
    assert response.status_code == 200
    assert application.opportunity_title in response.text
    assert "Accepted" in response.text
    assert "Prepare for my first secondment week" in response.text
    assert slot.mentor.name in response.text


def test_development_page_queries_stay_steady(client, leader, mentor_profile, settings,
                                              django_assert_max_num_queries):
    settings.MENTORING_MAX_OPEN_BOOKINGS = 10
    services.book_slot(make_slot(mentor_profile, days=3), leader, "g")
    client.force_login(leader)
    with django_assert_max_num_queries(30) as few:
        client.get("/leadership/")
    for day in range(4, 7):
        services.book_slot(make_slot(mentor_profile, days=day), leader, "g")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/leadership/")


def test_each_card_counts_only_open_future_slots_and_gives_the_next(
        client, leader, other_leader, mentor_profile):
    later = make_slot(mentor_profile, days=9)
    soonest = make_slot(mentor_profile, days=5)
    booked = make_slot(mentor_profile, days=2)
    services.book_slot(booked, other_leader, goals="Lead a duty team")
    with freeze_time(timezone.now() - datetime.timedelta(days=30)):
        make_slot(mentor_profile, days=1)  # long past by now
    assert MentoringSlot.objects.filter(mentor=mentor_profile).count() == 4
    client.force_login(leader)
    html = client.get("/leadership/mentors/").text
    assert f"2 open slots, next {timezone.localtime(soonest.starts_at):%-d %b}" in html
    assert later.starts_at > soonest.starts_at


def test_the_directory_shows_24_mentors_a_page(client, leader):
    for n in range(25):
        MentorProfile.objects.create(user=factories.mentor(full_name=f"Mentor {n:02d}"),
                                     role="Head of service", biography="b")
    client.force_login(leader)
    first = client.get("/leadership/mentors/").text
    assert first.count('class="card"') == 24 and "Mentor 00" in first
    assert "Page 1 of 2" in first and 'rel="next"' in first
    second = client.get("/leadership/mentors/?page=2").text
    assert second.count('class="card"') == 1 and "Mentor 24" in second
    assert client.get("/leadership/mentors/?page=99").status_code == 200


def test_the_directory_kept_for_everyone_shows_a_new_slot_and_a_booking_at_once(
        client, leader, other_leader, mentor_profile):
    """The cards are kept for every visitor (cms.page_cache, path 3) until a mentor, a
    slot or a booking changes."""
    client.force_login(leader)
    assert "No open slots at the moment" in client.get("/leadership/mentors/").text
    slot = make_slot(mentor_profile, days=5)
    assert "1 open slot, next" in client.get("/leadership/mentors/").text
    services.book_slot(slot, other_leader, goals="Lead a duty team")
    assert "No open slots at the moment" in client.get("/leadership/mentors/").text

